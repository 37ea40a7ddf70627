import { expect, it } from 'vitest';
import { createCluster } from '../cluster';

it('starts a cluster with the four built-in namespaces and its component actors', () => {
  const cluster = createCluster({ seed: 1 });
  cluster.runFor(1000);
  expect(cluster.api.list('Namespace').items.map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  expect(cluster.actorOf('scheduler')).toBeDefined();
  expect(cluster.actorOf('kubelet/node-1')?.getSnapshot().value).toEqual({ running: 'waiting' });
  cluster.killNode('node-1');
  expect(cluster.actorOf('kubelet/node-1')?.getSnapshot().value).toBe('stopped');
});
