import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import { kubectl } from '../kubectl';

let cluster: Cluster;
const run = (...argv: string[]) => kubectl({ cluster, files: {} }, argv);
const both = (...argv: string[]) => {
  const r = run(...argv);
  return r.stdout + r.stderr;
};

beforeEach(() => {
  cluster = createCluster({ seed: 1 });
  run('run', 'web', '--image=nginx');
  run('create', 'deployment', 'api', '--image=nginx');
});

describe('kubectl label and annotate', () => {
  it.each([
    [[['label', 'pod', 'web', 'tier=fe']], 'pod/web labeled\n'],
    [[['label', 'pods', 'web', 'run=other']], "error: 'run' already has a value (web), and --overwrite is false\n"],
    [[['label', 'pod/web', 'run=other', '--overwrite']], 'pod/web labeled\n'],
    [[['label', 'pod', 'web', 'run-']], 'pod/web labeled\n'],
    [[['label', 'pod', 'web', 'run=web']], 'pod/web not labeled\n'],
    [[['label', 'pod', 'web']], "error: at least one label update is required\nSee 'kubectl label -h' for help and examples\n"],
    [[['label', 'deploy', 'api', 'team=a']], 'deployment.apps/api labeled\n'],
    [[['label', 'pod', 'nope', 'a=b']], 'Error from server (NotFound): pods "nope" not found\n'],
    [[['annotate', 'pod', 'web', 'note=hi']], 'pod/web annotated\n'],
    [[['annotate', 'pod', 'web', 'note=hi'], ['annotate', 'pod', 'web', 'note=bye']], "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n"],
    [[['annotate', 'pod', 'web', 'note=hi'], ['annotate', 'pod', 'web', 'note-']], 'pod/web annotated\n'],
  ])('%j', (steps, want) => {
    let last = '';
    for (const argv of steps) last = both(...argv);
    expect(last).toBe(want);
  });

  it('changes only metadata', () => {
    run('label', 'pod', 'web', 'tier=fe', 'run-');
    expect(cluster.api.get('Pod', 'default', 'web').metadata.labels).toEqual({ tier: 'fe' });
  });
});

describe('kubectl patch', () => {
  it.each([
    [['patch', 'deploy', 'api', '-p', '{"spec":{"replicas":3}}'], 'deployment.apps/api patched\n', 3],
    [['patch', 'deploy', 'api', '-p', '{"spec":{"replicas":1}}'], 'deployment.apps/api patched (no change)\n', 1],
    [['patch', 'deploy', 'api', '--type=merge', '-p', 'spec: {replicas: 4}'], 'deployment.apps/api patched\n', 4],
    [['patch', 'deployment/api', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/replicas","value":2}]'], 'deployment.apps/api patched\n', 2],
    [['patch', 'deploy', 'api', '--type=xml', '-p', '{}'], 'error: --type must be one of [json merge strategic], not "xml"\n', 1],
    [['patch', 'deploy', 'api'], "error: must specify --patch or --patch-file containing the contents of the patch\nSee 'kubectl patch -h' for help and examples\n", 1],
    [['patch', 'deploy', 'nope', '-p', '{}'], 'Error from server (NotFound): deployments.apps "nope" not found\n', 1],
  ])('%j', (argv, want, replicas) => {
    expect(both(...argv)).toBe(want);
    expect(cluster.api.get('Deployment', 'default', 'api').spec.replicas).toBe(replicas);
  });

  it('merges containers by name with a strategic merge patch', () => {
    run('patch', 'deploy', 'api', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}');
    const [c] = cluster.api.get('Deployment', 'default', 'api').spec.template.spec.containers;
    expect(c).toMatchObject({ name: 'nginx', image: 'nginx:1.26' });
  });
});
