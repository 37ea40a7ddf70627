import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { kubectl } from './kubectl';
import { parseFlags } from './flags';
import { parseCommandLine } from './shellwords';

const cluster = createCluster({ seed: 1 });
const run = (...argv: string[]) => kubectl({ cluster, files: {} }, argv);

describe('kubectl dispatch', () => {
  it('prints the versions', () => {
    expect(run('version').stdout).toBe('Client Version: v1.34.2\nKustomize Version: v5.7.1\nServer Version: v1.34.2\n');
  });

  it('answers an unknown command with cobra\'s suggestion', () => {
    const r = run('versoin');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: unknown command "versoin" for "kubectl"\n\nDid you mean this?\n\tversion\n\nRun \'kubectl --help\' for usage.\n');
  });

  it('answers an unknown flag as pflag does', () => {
    const r = run('version', '--bogus');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("error: unknown flag: --bogus\nSee 'kubectl version --help' for usage.\n");
  });

  it('applies from stdin', () => {
    const yaml = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n';
    const r = kubectl({ cluster, stdin: yaml }, ['apply', '-f', '-']);
    expect(r).toMatchObject({ stdout: 'namespace/team-a created\n', stderr: '', exitCode: 0 });
  });
});

describe('flags', () => {
  it.each([
    [['-n', 'kube-system', 'pods'], { namespace: 'kube-system' }, ['pods']],
    [['-nkube-system'], { namespace: 'kube-system' }, []],
    [['--namespace=x', '-ojson'], { namespace: 'x', output: 'json' }, []],
    [['-o', 'wide', '--', '-x'], { output: 'wide' }, ['-x']],
  ])('%j', (argv, want, args) => {
    const parsed = parseFlags(argv as string[], [{ name: 'output', shorthand: 'o', type: 'string', default: '' }], 'kubectl get');
    expect(parsed.flags).toMatchObject(want);
    expect(parsed.args).toEqual(args);
  });
});

describe('command lines', () => {
  it('splits quotes and pipes like a shell', () => {
    expect(parseCommandLine(`kubectl exec web -- sh -c "echo 'hi there'" | grep hi`).pipeline).toEqual([
      ['kubectl', 'exec', 'web', '--', 'sh', '-c', "echo 'hi there'"],
      ['grep', 'hi'],
    ]);
  });
});

describe('global flags before the command', () => {
  it('finds the command after -n and its value, as kubectl does', () => {
    const r = run('-n', 'kube-system', 'get', 'pods', '-o', 'name');
    expect(r.stderr).toBe('No resources found in kube-system namespace.\n');
    expect(r.exitCode).toBe(0);
  });

  it('prints jsonpath output exactly, without a newline of its own', () => {
    expect(run('get', 'namespaces', '-o', 'jsonpath={.items[0].metadata.name}').stdout).toBe('default');
  });
});
