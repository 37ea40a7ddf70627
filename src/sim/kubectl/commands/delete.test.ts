import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import { kubectl } from '../kubectl';

let cluster: Cluster;
const run = (...argv: string[]) => kubectl({ cluster, files: { 'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n' } }, argv);

beforeEach(() => {
  cluster = createCluster({ seed: 1 });
  run('create', 'deployment', 'web', '--image=nginx');
  run('run', 'a', '--image=nginx', '--labels=tier=x');
  run('run', 'b', '--image=nginx', '--labels=tier=x');
  run('create', '-f', 'ns.yaml');
  cluster.runFor(20_000);
});

describe('kubectl delete', () => {
  it.each([
    [['delete', 'pod', 'a'], 'pod "a" deleted from default namespace\n', ''],
    [['delete', 'pod', 'a', 'b'], 'pod "a" deleted from default namespace\npod "b" deleted from default namespace\n', ''],
    [['delete', 'deployment/web'], 'deployment.apps "web" deleted from default namespace\n', ''],
    [['delete', 'deploy', 'web', '--cascade=orphan'], 'deployment.apps "web" deleted from default namespace\n', ''],
    [['delete', 'pods', '-l', 'tier=x'], 'pod "a" deleted from default namespace\npod "b" deleted from default namespace\n', ''],
    [['delete', 'ns', 'team'], 'namespace "team" deleted\n', ''],
    [['delete', '-f', 'ns.yaml'], 'namespace "team" deleted\n', ''],
    [
      ['delete', 'pod', 'a', '--force', '--grace-period=0'],
      'pod "a" force deleted from default namespace\n',
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    ],
    [['delete', 'pod', 'nope'], '', 'Error from server (NotFound): pods "nope" not found\n'],
    [['delete', 'pod', 'nope', '--ignore-not-found'], '', ''],
    [['delete', 'pods', '-l', 'tier=none'], 'No resources found\n', ''],
    [['delete', 'pod'], '', 'error: resource(s) were provided, but no name was specified\n'],
    [['delete', 'pod', '--all', '--cascade=sideways'], '', 'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n'],
  ])('%j', (argv, out, err) => {
    const r = run(...argv);
    expect([r.stdout, r.stderr]).toEqual([out, err]);
  });

  it('deletes a running pod gracefully, and at once with --force', () => {
    run('delete', 'pod', 'a');
    expect(cluster.api.get('Pod', 'default', 'a').metadata.deletionGracePeriodSeconds).toBe(30);
    run('delete', 'pod', 'b', '--now');
    expect(cluster.api.get('Pod', 'default', 'b').metadata.deletionGracePeriodSeconds).toBe(1);
    run('delete', 'pod', 'a', '--force', '--grace-period=0');
    expect(cluster.api.tryGet('Pod', 'default', 'a')).toBeUndefined();
  });

  it('orphans the ReplicaSet with --cascade=orphan', () => {
    run('delete', 'deploy', 'web', '--cascade=orphan');
    cluster.runFor(5_000);
    expect(cluster.api.list('ReplicaSet', 'default').items).toHaveLength(1);
  });
});
