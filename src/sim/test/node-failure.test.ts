import { expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { parseTimestamp } from '../core/time';
import { apply, deploymentYaml, eventsFor, isRunningReady, pods, runUntilTrue } from './helpers';
import type { KubeObject } from '../api/types';

function readyCondition(node: KubeObject) {
  return node.status.conditions.find((c: { type: string }) => c.type === 'Ready');
}

it('heals a Deployment when a node dies: NotReady at ~50 s, evictions at ~350 s, replacements elsewhere', () => {
  const cluster = createCluster({ seed: 11 });
  cluster.runFor(5_000);
  apply(cluster, deploymentYaml('web', 6));
  expect(runUntilTrue(cluster, () => pods(cluster, 'web').filter(isRunningReady).length === 6, 120_000)).toBeDefined();

  const victim = 'node-1';
  const onVictim = pods(cluster, 'web').filter((p) => p.spec.nodeName === victim).map((p) => p.metadata.name);
  expect(onVictim.length).toBeGreaterThan(0);

  // Record when each of the victim's pods is first marked for deletion.
  const markedAt = new Map<string, number>();
  cluster.store.subscribe((c) => {
    if (c.object.kind === 'Pod' && onVictim.includes(c.object.metadata.name) && c.object.metadata.deletionTimestamp && !markedAt.has(c.object.metadata.name)) {
      markedAt.set(c.object.metadata.name, cluster.clock.now());
    }
  });

  const killedAt = cluster.clock.now();
  cluster.killNode(victim);

  // The node controller notices within the 50 s grace period (+ up to 10 s since the last heartbeat, + 5 s monitor period).
  const notReadyAt = runUntilTrue(cluster, () => readyCondition(cluster.api.get('Node', '', victim)).status === 'Unknown', 120_000, 500)!;
  expect(notReadyAt - killedAt).toBeGreaterThanOrEqual(40_000);
  expect(notReadyAt - killedAt).toBeLessThanOrEqual(56_000);
  const ready = readyCondition(cluster.api.get('Node', '', victim));
  expect(ready).toMatchObject({ reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
  const taints = cluster.api.get('Node', '', victim).spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`);
  expect(taints).toEqual(expect.arrayContaining(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']));

  // The pods stay bound to the dead node until the 300 s unreachable toleration runs out.
  cluster.runFor(250_000);
  expect(markedAt.size).toBe(0);
  runUntilTrue(cluster, () => markedAt.size === onVictim.length, 200_000, 500);
  for (const name of onVictim) {
    const at = markedAt.get(name)! - killedAt;
    expect(at).toBeGreaterThanOrEqual(340_000);
    expect(at).toBeLessThanOrEqual(362_000);
    // No kubelet confirms the deletion, so they stay Terminating.
    const pod = cluster.api.get('Pod', 'default', name);
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
    const evictions = eventsFor(cluster, 'Pod', name).filter((e) => e.reason === 'TaintManagerEviction');
    expect(evictions.map((e) => [e.message, e.count])).toEqual([[`Marking for deletion Pod default/${name}`, 1]]);
  }

  // Replacements run on the surviving nodes and the Deployment is whole again.
  const healedAt = runUntilTrue(cluster, () => cluster.api.get('Deployment', 'default', 'web').status.availableReplicas === 6, 120_000, 500);
  expect(healedAt).toBeDefined();
  const live = pods(cluster, 'web').filter(isRunningReady);
  expect(live).toHaveLength(6);
  for (const p of live) expect(p.spec.nodeName).not.toBe(victim);
  expect(parseTimestamp(cluster.clock, ready.lastTransitionTime)).toBeGreaterThan(killedAt);
});
