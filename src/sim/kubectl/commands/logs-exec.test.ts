import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import { kubectl } from '../kubectl';

let cluster: Cluster;
const TWO = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: a
    image: busybox
    command: ["sh", "-c", "echo from-a; sleep 3600"]
  - name: b
    image: busybox
    command: ["sh", "-c", "echo from-b; sleep 3600"]
`;
const run = (...argv: string[]) => kubectl({ cluster, files: { 'two.yaml': TWO } }, argv);
const both = (...argv: string[]) => {
  const r = run(...argv);
  return r.stdout + r.stderr;
};

beforeEach(() => {
  cluster = createCluster({ seed: 1 });
  run('run', 'box', '--image=busybox', '--env=GREETING=hi', '--', 'sh', '-c', 'echo one; echo two; echo three; sleep 3600');
  run('run', 'done', '--image=busybox', '--restart=Never', '--', 'echo', 'bye');
  run('run', 'crash', '--image=busybox', '--', 'sh', '-c', 'echo boom; exit 1');
  run('create', '-f', 'two.yaml');
  run('create', 'deployment', 'web', '--image=nginx', '--replicas=2');
  cluster.runFor(60_000);
});

describe('kubectl logs', () => {
  it.each([
    [['logs', 'box'], 'one\ntwo\nthree\n'],
    [['logs', 'box', '--tail=1'], 'three\n'],
    [['logs', 'done'], 'bye\n'],
    [['logs', 'crash', '--previous'], 'boom\n'],
    [['logs', 'two'], 'from-a\nDefaulted container "a" out of: a, b\n'],
    [['logs', 'two', '-c', 'b'], 'from-b\n'],
    [['logs', 'two', 'b'], 'from-b\n'],
    [['logs', 'two', '-c', 'x'], 'Error from server (BadRequest): container x is not valid for pod two\n'],
    [['logs', 'box', '--previous'], 'Error from server (BadRequest): previous terminated container "box" in pod "box" not found\n'],
    [['logs', 'nope'], 'Error from server (NotFound): pods "nope" not found\n'],
    [['logs'], "error: expected POD, TYPE/NAME, or --selector\nSee 'kubectl logs -h' for help and examples\n"],
  ])('%j', (argv, want) => {
    expect(both(...argv)).toBe(want);
  });

  it('picks a pod of a deployment and says which', () => {
    const r = run('logs', 'deploy/web', '--tail=1');
    expect(r.stdout).toBe('nginx: [notice] start worker processes\n');
    expect(r.stderr).toMatch(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
  });

  it('waits for a container that is still pulling', () => {
    run('run', 'bad', '--image=nginx:no-such-tag');
    cluster.runFor(10_000);
    expect(both('logs', 'bad')).toBe('Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: trying and failing to pull image\n');
  });
});

describe('kubectl exec', () => {
  it.each([
    [['exec', 'box', '--', 'hostname'], 'box\n', 0],
    [['exec', 'box', '--', 'cat', '/etc/hostname'], 'box\n', 0],
    [['exec', 'box', '--', 'cat', '/etc/resolv.conf'], 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n', 0],
    [['exec', 'box', '--', 'printenv', 'GREETING'], 'hi\n', 0],
    [['exec', 'box', '--', 'sh', '-c', 'echo $GREETING $HOSTNAME && exit 3'], 'hi box\ncommand terminated with exit code 3\n', 3],
    [['exec', 'box', '--', 'cat', '/nope'], 'cat: /nope: No such file or directory\ncommand terminated with exit code 1\n', 1],
    [['exec', 'box', '--', 'sh', '-c', 'nosuch'], 'sh: nosuch: not found\ncommand terminated with exit code 127\n', 127],
    [['exec', 'two', '--', 'hostname'], 'two\nDefaulted container "a" out of: a, b\n', 0],
    [['exec', 'two', '-c', 'x', '--', 'ls'], 'error: unable to upgrade connection: container not found ("x")\n', 1],
    [['exec', 'done', '--', 'ls'], 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n', 1],
    [['exec', 'box'], "error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples\n", 1],
    [['exec', 'nope', '--', 'ls'], 'Error from server (NotFound): pods "nope" not found\n', 1],
  ])('%j', (argv, want, code) => {
    const r = run(...argv);
    expect(r.stdout + r.stderr).toBe(want);
    expect(r.exitCode).toBe(code);
  });

  it('gives the OCI error for an executable the image lacks', () => {
    const r = run('exec', 'box', '--', 'bash');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/,
    );
  });

  it('sees the kubernetes service in its environment', () => {
    expect(run('exec', 'box', '--', 'env').stdout).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\nKUBERNETES_SERVICE_PORT=443\n');
  });
});
