import { describe, expect, it } from 'vitest';
import { resolvePull } from './images';
import { scriptFor } from './commands';

const image = (name: string) => {
  const r = resolvePull(name);
  if (!r.ok) throw new Error(r.error);
  return r.image;
};

describe('scriptFor', () => {
  it.each([
    ['sleep 5', ['sleep', '5'], undefined, { afterMs: 5_000, code: 0 }, []],
    ['exit 3', ['sh', '-c', 'exit 3'], undefined, { afterMs: 10, code: 3 }, []],
    ['echo then fail', ['sh', '-c', 'echo hi; exit 1'], undefined, { afterMs: 10, code: 1 }, ['hi']],
    ['&& skips after failure', ['sh', '-c', 'false && echo no; echo yes'], undefined, { afterMs: 10, code: 0 }, ['yes']],
    ['|| runs after failure', ['sh', '-c', 'false || echo rescued'], undefined, { afterMs: 10, code: 0 }, ['rescued']],
    ['true', ['true'], undefined, { afterMs: 10, code: 0 }, []],
    ['false', ['false'], undefined, { afterMs: 10, code: 1 }, []],
    ['unknown command in sh', ['sh', '-c', 'foo'], undefined, { afterMs: 10, code: 127 }, ['sh: foo: not found']],
    ['args after command', ['/bin/sh', '-c'], ['echo a && sleep 2 && echo b'], { afterMs: 2_000, code: 0 }, ['a', 'b']],
  ])('%s', (_name, command, args, exit, lines) => {
    const s = scriptFor({ command, args }, image('busybox'));
    expect(s.exit).toEqual(exit);
    expect(s.output.map((l) => l.line)).toEqual(lines);
    expect(s.sigterm).toBe('ignore');
  });

  it('runs `while true` loops forever, printing each period', () => {
    const s = scriptFor({ command: ['sh', '-c', 'while true; do echo tick; sleep 5; done'] }, image('busybox'));
    expect(s.exit).toBeUndefined();
    expect(s.repeat).toEqual({ startMs: 0, periodMs: 5_000, lines: ['tick'] });
  });

  it('never ends `sleep infinity`', () => {
    const s = scriptFor({ command: ['sleep', 'infinity'] }, image('busybox'));
    expect(s.exit).toBeUndefined();
    expect(s.repeat).toBeUndefined();
  });

  it.each([
    ['busybox', { afterMs: 20, code: 0 }],
    ['alpine:3.20', { afterMs: 20, code: 0 }],
    ['nginx:1.27', undefined],
    ['redis:7', undefined],
    ['gcr.io/google-samples/hello-app:1.0', undefined],
  ])('default command of %s exits with %j', (name, exit) => {
    expect(scriptFor({}, image(name)).exit).toEqual(exit);
  });

  it('servers stop quickly on SIGTERM', () => {
    expect(scriptFor({}, image('nginx:1.27')).sigterm).toEqual({ code: 0, afterMs: 150 });
  });

  it('mysql without a root password prints the entrypoint error and exits 1', () => {
    const s = scriptFor({}, image('mysql:8.4'));
    expect(s.exit?.code).toBe(1);
    expect(s.output[0].line).toContain('Database is uninitialized and password option is not specified');
    expect(scriptFor({ env: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'x' }] }, image('mysql:8.4')).exit).toBeUndefined();
  });
});
