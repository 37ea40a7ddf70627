import { expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { apply, deploymentYaml, eventsFor, pods } from './helpers';

it('marks each pod on a dead node for deletion exactly once', () => {
  const cluster = createCluster({ seed: 5 });
  cluster.runFor(5_000);
  apply(cluster, deploymentYaml('web', 3));
  cluster.runFor(30_000);
  const onNode = pods(cluster, 'web').filter((p) => p.spec.nodeName === 'node-1').map((p) => p.metadata.name);
  expect(onNode.length).toBeGreaterThan(0);
  cluster.killNode('node-1');
  cluster.runFor(400_000);
  for (const name of onNode) {
    const marks = eventsFor(cluster, 'Pod', name).filter((e) => e.reason === 'TaintManagerEviction');
    expect(marks.map((e) => [e.message, e.count])).toEqual([[`Marking for deletion Pod default/${name}`, 1]]);
  }
});
