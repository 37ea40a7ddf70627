import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { KubeObject } from '../../api/types';
import { apply, deploymentYaml, eventsFor, isRunningReady, pods, runUntilTrue } from '../../test/helpers';
import { computeCounts, scaledValue } from './disruption';

function pdbYaml(name: string, budget: string, app = 'web'): string {
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
  ${budget}
  selector:
    matchLabels:
      app: ${app}
`;
}

function readyPod(name: string, ready = true): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

describe('computeCounts', () => {
  const four = [readyPod('a'), readyPod('b'), readyPod('c'), readyPod('d', false)];
  it.each([
    { name: 'minAvailable int: expects the matching pods', spec: { minAvailable: 2 }, want: { currentHealthy: 3, desiredHealthy: 2, expectedPods: 4, disruptionsAllowed: 1 } },
    { name: 'minAvailable percent rounds up', spec: { minAvailable: '30%' }, want: { currentHealthy: 3, desiredHealthy: 2, expectedPods: 5, disruptionsAllowed: 1 } },
    { name: 'maxUnavailable from the scale', spec: { maxUnavailable: 1 }, want: { currentHealthy: 3, desiredHealthy: 4, expectedPods: 5, disruptionsAllowed: 0 } },
    { name: 'maxUnavailable percent rounds up', spec: { maxUnavailable: '50%' }, want: { currentHealthy: 3, desiredHealthy: 2, expectedPods: 5, disruptionsAllowed: 1 } },
    { name: 'neither: nothing expected, nothing allowed', spec: {}, want: { currentHealthy: 3, desiredHealthy: 0, expectedPods: 0, disruptionsAllowed: 0 } },
  ])('$name', ({ spec, want }) => {
    expect(computeCounts(spec, four, () => 5)).toEqual(want);
  });

  it('scales percentages up', () => {
    expect([scaledValue('50%', 3), scaledValue('25%', 4), scaledValue(2, 10)]).toEqual([2, 1, 2]);
  });
});

describe('DisruptionController on a cluster', () => {
  function clusterWithWeb() {
    const cluster = createCluster({ seed: 11 });
    cluster.runFor(5_000);
    apply(cluster, deploymentYaml('web', 4));
    const ok = runUntilTrue(cluster, () => pods(cluster, 'web').filter(isRunningReady).length === 4, 120_000);
    expect(ok).toBeDefined();
    return cluster;
  }
  const pdbNamed = (cluster: ReturnType<typeof createCluster>, name: string) => cluster.api.get('PodDisruptionBudget', 'default', name);

  it('reports minAvailable 50% and maxUnavailable 1 on a 4-replica Deployment', () => {
    const cluster = clusterWithWeb();
    apply(cluster, pdbYaml('half', 'minAvailable: 50%'));
    apply(cluster, pdbYaml('one', 'maxUnavailable: 1'));
    cluster.runFor(2_000);
    const condition = (reason: string, status: string) => [expect.objectContaining({ type: 'DisruptionAllowed', status, reason, message: '' })];
    expect(pdbNamed(cluster, 'half').status).toEqual({
      observedGeneration: 1, currentHealthy: 4, desiredHealthy: 2, expectedPods: 4, disruptionsAllowed: 2, conditions: condition('SufficientPods', 'True'),
    });
    expect(pdbNamed(cluster, 'one').status).toEqual({
      observedGeneration: 1, currentHealthy: 4, desiredHealthy: 3, expectedPods: 4, disruptionsAllowed: 1, conditions: condition('SufficientPods', 'True'),
    });

    // A pod being deleted is no longer healthy: maxUnavailable 1 has no disruption left.
    const victim = pods(cluster, 'web')[0];
    cluster.api.delete('Pod', 'default', victim.metadata.name);
    cluster.runFor(500);
    expect(pdbNamed(cluster, 'one').status).toMatchObject({ currentHealthy: 3, desiredHealthy: 3, expectedPods: 4, disruptionsAllowed: 0, conditions: condition('InsufficientPods', 'False') });
    expect(pdbNamed(cluster, 'half').status).toMatchObject({ currentHealthy: 3, disruptionsAllowed: 1 });
    // The ReplicaSet replaces it and the budget recovers.
    runUntilTrue(cluster, () => pdbNamed(cluster, 'one').status.disruptionsAllowed === 1, 120_000);
    expect(pdbNamed(cluster, 'one').status).toMatchObject({ currentHealthy: 4, disruptionsAllowed: 1, conditions: condition('SufficientPods', 'True') });
  });

  it('says so when no pod matches, and fails safe for a pod without a controller', () => {
    const cluster = clusterWithWeb();
    apply(cluster, pdbYaml('nothing', 'minAvailable: 1', 'missing'));
    apply(cluster, `apiVersion: v1
kind: Pod
metadata:
  name: lonely
  labels:
    app: lonely
spec:
  containers:
  - name: app
    image: nginx:1.27
`);
    apply(cluster, pdbYaml('bare', 'maxUnavailable: 1', 'lonely'));
    cluster.runFor(2_000);
    expect(pdbNamed(cluster, 'nothing').status).toMatchObject({ currentHealthy: 0, desiredHealthy: 1, expectedPods: 0, disruptionsAllowed: 0 });
    expect(eventsFor(cluster, 'PodDisruptionBudget', 'nothing').map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual(['Normal NoPods No matching pods found']);
    expect(pdbNamed(cluster, 'bare').status.conditions).toEqual([
      expect.objectContaining({ type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message: 'found no controller ref for pod "lonely"' }),
    ]);
    expect(eventsFor(cluster, 'PodDisruptionBudget', 'bare').map((e) => e.reason)).toContain('NoControllerRef');
  });
});
