import { expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { apply, deploymentYaml } from './helpers';

function run(seed: number): string[] {
  const cluster = createCluster({ seed });
  cluster.runFor(5_000);
  apply(cluster, deploymentYaml('web', 6));
  cluster.runFor(60_000);
  cluster.killNode('node-2');
  cluster.runFor(420_000);
  apply(cluster, deploymentYaml('web', 3));
  cluster.runFor(60_000);
  return cluster.eventLog;
}

it('gives the same event log for the same seed and actions, and another for another seed', () => {
  const a = run(42);
  const b = run(42);
  const c = run(43);
  expect(a.length).toBeGreaterThan(30);
  expect(b).toEqual(a);
  expect(c).not.toEqual(a);
});
