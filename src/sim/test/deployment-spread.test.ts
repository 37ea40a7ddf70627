import { expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { apply, deploymentYaml, eventsFor, isRunningReady, pods, runUntilTrue } from './helpers';

it('runs 6 nginx replicas on the three workers, none on the control plane', () => {
  const cluster = createCluster({ seed: 7 });
  cluster.runFor(5_000);
  expect(apply(cluster, deploymentYaml('web', 6))).toEqual(['deployment.apps/web created']);

  const readyAt = runUntilTrue(cluster, () => pods(cluster, 'web').filter(isRunningReady).length === 6, 120_000);
  expect(readyAt).toBeDefined();

  const running = pods(cluster, 'web');
  expect(running).toHaveLength(6);
  const perNode = new Map<string, number>();
  for (const p of running) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  expect([...perNode.keys()].sort()).toEqual(['node-1', 'node-2', 'node-3']);
  expect([...perNode.values()]).toEqual([2, 2, 2]);

  // Pod names follow <deployment>-<pod-template-hash>-<5 chars>.
  for (const p of running) expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);

  const reasons = eventsFor(cluster, 'Pod', running[0].metadata.name).map((e) => e.reason);
  expect(reasons).toEqual(expect.arrayContaining(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']));
  expect(reasons.indexOf('Scheduled')).toBeLessThan(reasons.indexOf('Started'));
  const scheduled = eventsFor(cluster, 'Pod', running[0].metadata.name).find((e) => e.reason === 'Scheduled')!;
  expect(scheduled.message).toBe(`Successfully assigned default/${running[0].metadata.name} to ${running[0].spec.nodeName}`);
  expect(scheduled.source.component).toBe('default-scheduler');

  const deploy = cluster.api.get('Deployment', 'default', 'web');
  expect(deploy.status.availableReplicas).toBe(6);
  expect(deploy.status.conditions.find((c: { type: string }) => c.type === 'Available').reason).toBe('MinimumReplicasAvailable');
});
