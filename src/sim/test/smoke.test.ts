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

it('skips ahead to the next reported event, past heartbeats', () => {
  const cluster = createCluster({ seed: 1 });
  cluster.runFor(30_000);
  const before = cluster.eventLog.length;
  // A quiet cluster: nothing to report until the next kubelet status write, or the 15 min limit.
  const skipped = cluster.skipToNextEvent(60_000);
  expect(skipped).toBeGreaterThan(0);
  expect(skipped).toBeLessThanOrEqual(60_000);
  if (cluster.eventLog.length === before) expect(skipped).toBe(60_000);
  cluster.killNode('node-1');
  // The next thing that happens is the node controller noticing the silence.
  cluster.skipToNextEvent();
  expect(cluster.eventLog.at(-1)).toMatch(/NodeNotReady node\/node-1 .*Node node-1 status is now: NodeNotReady/);
});
