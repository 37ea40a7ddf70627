import { describe, expect, it } from 'vitest';
import { complete } from './complete';
import { findHeredoc, Shell } from './shell';

function harness() {
  let out = '';
  const calls: { argv: string[]; stdin?: string }[] = [];
  const shell = new Shell({
    write: (d) => (out += d),
    cols: () => 80,
    kubectl: async (argv, stdin) => {
      calls.push({ argv, stdin });
      return { stdout: 'ok\n', stderr: '', exitCode: 0 };
    },
    follow: () => () => undefined,
    cancel: () => undefined,
    editorText: () => 'kind: Pod\n',
    openInEditor: () => undefined,
    names: (kind) => (kind === 'Pod' ? ['web-1', 'web-2', 'db-0'] : []),
    clear: () => undefined,
  });
  shell.start();
  const settle = () => new Promise((r) => setTimeout(r, 0));
  // eslint-disable-next-line no-control-regex
  const text = () => out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  return { shell, calls, text, settle };
}

describe('Shell', () => {
  it('runs a heredoc piped into kubectl with its body as stdin', async () => {
    const h = harness();
    h.shell.input('cat <<EOF | k apply -f -\rkind: A\r---\rkind: B\rEOF\r');
    await h.settle();
    await h.settle();
    expect(h.calls).toEqual([{ argv: ['apply', '-f', '-'], stdin: 'kind: A\n---\nkind: B\n' }]);
  });

  it('answers unknown commands like bash', async () => {
    const h = harness();
    h.shell.input('nope\r');
    await h.settle();
    expect(h.text()).toContain('nope: command not found');
  });

  it('edits the line and recalls history', async () => {
    const h = harness();
    h.shell.input('kubectl get pod\x1b[Ds\r');
    await h.settle();
    expect(h.calls[0].argv).toEqual(['get', 'posd']);
    h.shell.input('\x1b[A');
    expect(h.shell.currentLine).toBe('kubectl get posd');
  });

  it('finds heredocs', () => {
    expect(findHeredoc("cat <<'EOF' | kubectl apply -f -")).toEqual({ command: 'cat  | kubectl apply -f -', delimiter: 'EOF', stripTabs: false });
  });
});

describe('complete', () => {
  const names = (kind: string) => (kind === 'Pod' ? ['web-1', 'web-2'] : kind === 'Namespace' ? ['default', 'kube-system'] : []);
  it('completes subcommands, types, names and flags', () => {
    expect(complete('kubectl ge', names).candidates).toEqual(['get']);
    expect(complete('kubectl get po', names).candidates).toContain('pods');
    expect(complete('kubectl get pods w', names).candidates).toEqual(['web-1', 'web-2']);
    expect(complete('kubectl logs ', names).candidates).toEqual(['web-1', 'web-2']);
    expect(complete('k get pods -n kube', names).candidates).toEqual(['kube-system']);
    expect(complete('kubectl get pods --all-n', names).candidates).toEqual(['--all-namespaces']);
  });
});
