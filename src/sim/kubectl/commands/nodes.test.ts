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
});

describe('kubectl cordon, uncordon, taint', () => {
  it.each([
    [[['cordon', 'node-1']], 'node/node-1 cordoned\n'],
    [[['cordon', 'node-1'], ['cordon', 'node-1']], 'node/node-1 already cordoned\n'],
    [[['uncordon', 'node-1']], 'node/node-1 already uncordoned\n'],
    [[['cordon', 'node-1'], ['uncordon', 'node/node-1']], 'node/node-1 uncordoned\n'],
    [[['cordon', 'node-9']], 'Error from server (NotFound): nodes "node-9" not found\n'],
    [[['taint', 'nodes', 'node-1', 'dedicated=gpu:NoSchedule']], 'node/node-1 tainted\n'],
    [[['taint', 'node', 'node-1', 'dedicated=gpu:NoSchedule'], ['taint', 'nodes', 'node-1', 'dedicated=cpu:NoSchedule']], 'error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n'],
    [[['taint', 'nodes', 'node-1', 'dedicated=gpu:NoSchedule'], ['taint', 'nodes', 'node-1', 'dedicated=cpu:NoSchedule', '--overwrite']], 'node/node-1 tainted\n'],
    [[['taint', 'nodes', 'node-1', 'dedicated=gpu:NoSchedule'], ['taint', 'nodes', 'node-1', 'dedicated-']], 'node/node-1 untainted\n'],
    [[['taint', 'nodes', 'node-1', 'dedicated:NoSchedule-']], 'error: taint "dedicated:NoSchedule" not found\n'],
    [[['taint', 'nodes', 'node-1', 'a=b:Sometimes']], 'error: invalid taint spec: a=b:Sometimes, invalid taint effect: Sometimes, unsupported taint effect\n'],
  ])('%j', (steps, want) => {
    let last = '';
    for (const argv of steps) last = both(...argv);
    expect(last).toBe(want);
  });

  it('writes spec.unschedulable and spec.taints', () => {
    run('cordon', 'node-2');
    run('taint', 'nodes', 'node-2', 'maintenance=true:NoExecute');
    const node = cluster.api.get('Node', '', 'node-2');
    expect(node.spec.unschedulable).toBe(true);
    expect(node.spec.taints).toMatchObject([{ key: 'maintenance', value: 'true', effect: 'NoExecute' }]);
    expect(node.spec.taints[0].timeAdded).toBeDefined();
  });
});

describe('kubectl drain', () => {
  const podsOn = (node: string) => cluster.api.list('Pod', 'default').items.filter((p) => p.spec.nodeName === node && !p.metadata.deletionTimestamp);

  it('refuses unmanaged pods without --force, then evicts with it', () => {
    run('run', 'bare', '--image=nginx');
    cluster.runFor(20_000);
    const node = cluster.api.get('Pod', 'default', 'bare').spec.nodeName;
    const r = run('drain', node);
    expect(r).toMatchObject({
      stdout: `node/${node} cordoned\n`,
      stderr: `error: unable to drain node "${node}" due to error:cannot delete Pods declare no controller (use --force to override): default/bare, continuing command...\nThere are pending nodes to be drained:\n ${node}\ncannot delete Pods declare no controller (use --force to override): default/bare\n`,
      exitCode: 1,
    });
    const forced = run('drain', node, '--force');
    expect(forced.stdout).toBe(`node/${node} already cordoned\nevicting pod default/bare\npod/bare evicted\nnode/${node} drained\n`);
    expect(forced.stderr).toBe('Warning: deleting Pods that declare no controller: default/bare\n');
    expect(podsOn(node)).toHaveLength(0);
  });

  it('evicts managed pods, which come back elsewhere', () => {
    run('create', 'deployment', 'web', '--image=nginx', '--replicas=3');
    cluster.runFor(30_000);
    const r = run('drain', 'node-1', '--ignore-daemonsets');
    const evicted = podsOn('node-1').length;
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('node/node-1 cordoned');
    expect(r.stdout.endsWith('node/node-1 drained\n')).toBe(true);
    expect(evicted).toBe(0);
    cluster.runFor(60_000);
    expect(cluster.api.list('Pod', 'default').items.filter((p) => p.status.phase === 'Running')).toHaveLength(3);
    expect(podsOn('node-1')).toHaveLength(0);
  });

  it('reports an eviction a PodDisruptionBudget refuses', () => {
    run('create', 'deployment', 'db', '--image=nginx', '--replicas=1');
    cluster.api.create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'db', namespace: 'default' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'db' } } } });
    cluster.runFor(30_000);
    const [pod] = cluster.api.list('Pod', 'default').items;
    const node = pod.spec.nodeName;
    const r = run('drain', node);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(`node/${node} cordoned\nevicting pod default/${pod.metadata.name}\n`);
    expect(r.stderr.split('\n')[0]).toBe(`error when evicting pods/"${pod.metadata.name}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`);
  });
});
