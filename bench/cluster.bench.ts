/**
 * Simulation benchmarks (`npm run bench`): how fast the headless cluster runs
 * virtual time. Figures go in the issue notes; tests never assert wall-clock time.
 */
import { bench, describe } from 'vitest';
import { createCluster, defaultNodes } from '../src/sim/cluster';
import { applyYaml } from '../src/sim/kubectl/apply';

function deployment(name: string, replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        resources:
          requests:
            cpu: 10m
            memory: 16Mi
`;
}

describe('cluster', () => {
  bench('default cluster: 6-replica Deployment, 2 virtual minutes', () => {
    const cluster = createCluster({ seed: 1 });
    applyYaml(cluster.api, deployment('web', 6));
    cluster.runFor(120_000);
    cluster.dispose();
  }, { iterations: 5 });

  bench('default cluster: kill a node and heal (10 virtual minutes)', () => {
    const cluster = createCluster({ seed: 1 });
    applyYaml(cluster.api, deployment('web', 6));
    cluster.runFor(60_000);
    cluster.killNode('node-1');
    cluster.runFor(540_000);
    cluster.dispose();
  }, { iterations: 3 });

  bench('20 workers: 10 Deployments x 50 replicas (500 pods), 5 virtual minutes', () => {
    const cluster = createCluster({ seed: 1, nodes: defaultNodes(20) });
    for (let i = 0; i < 10; i++) applyYaml(cluster.api, deployment(`app-${i}`, 50));
    cluster.runFor(300_000);
    cluster.dispose();
  }, { iterations: 1, warmupIterations: 0 });
});
