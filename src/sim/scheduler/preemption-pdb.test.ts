import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../core/clock';
import { createCluster } from '../cluster';
import type { PodDisruptionBudget } from '../api/types';
import { apply, deploymentYaml, eventsFor, isRunningReady, pods, runUntilTrue } from '../test/helpers';
import { NodeInfo } from './framework';
import { preempt, splitByPdbViolation } from './preemption';
import { runFilters } from './scheduler';
import { testNode, testPod } from './testing';

function budget(app: string, disruptionsAllowed: number, extra: Partial<PodDisruptionBudget['status']> = {}): PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: app, namespace: 'default' },
    spec: { selector: { matchLabels: { app } } },
    status: { disruptionsAllowed, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0, ...extra },
  };
}

describe('splitByPdbViolation', () => {
  const a = (name: string) => testPod(name, { labels: { app: 'a' } });
  it.each([
    { name: 'each matching pod uses up one allowed disruption', pdbs: [budget('a', 1)], want: { violating: ['a2'], nonViolating: ['a1', 'other'] } },
    { name: 'no PDB: nothing violates', pdbs: [], want: { violating: [], nonViolating: ['a1', 'a2', 'other'] } },
    { name: 'pods already in disruptedPods do not count', pdbs: [budget('a', 0, { disruptedPods: { a1: '2024-01-01T00:00:00Z' } })], want: { violating: ['a2'], nonViolating: ['a1', 'other'] } },
    {
      name: 'an empty selector matches nothing here',
      pdbs: [{ ...budget('a', 0), spec: { selector: {} } }],
      want: { violating: [], nonViolating: ['a1', 'a2', 'other'] },
    },
  ])('$name', ({ pdbs, want }) => {
    const { violating, nonViolating } = splitByPdbViolation([a('a1'), a('a2'), testPod('other', { labels: { app: 'b' } })], pdbs);
    expect({ violating: violating.map((p) => p.metadata!.name), nonViolating: nonViolating.map((p) => p.metadata!.name) }).toEqual(want);
  });
});

describe('preempt with PodDisruptionBudgets', () => {
  const clock = new VirtualClock();
  const unschedulable = (names: string[]) => new Map(names.map((n) => [n, { code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }]));
  const run = (nodes: NodeInfo[], pdbs: PodDisruptionBudget[]) => {
    const outcome = preempt(testPod('p', { requests: { cpu: '2' }, priority: 100 }), nodes, unschedulable(nodes.map((n) => n.name)), (p, i) => runFilters(p, i), clock, pdbs);
    return { node: outcome.candidate?.node, victims: outcome.candidate?.victims.map((v) => v.metadata!.name), pdbViolations: outcome.candidate?.pdbViolations };
  };

  it('prefers the node without violations, even with more important victims', () => {
    const nodes = [
      new NodeInfo(testNode('node-1', { cpu: '2' }), [testPod('guarded', { requests: { cpu: '2' }, labels: { app: 'guarded' } })]),
      new NodeInfo(testNode('node-2', { cpu: '2' }), [testPod('busy', { requests: { cpu: '2' }, priority: 50, labels: { app: 'busy' } })]),
    ];
    expect(run(nodes, [budget('guarded', 0)])).toEqual({ node: 'node-2', victims: ['busy'], pdbViolations: 0 });
    // Without the budget the lower victim priority decides.
    expect(run(nodes, [])).toEqual({ node: 'node-1', victims: ['guarded'], pdbViolations: 0 });
  });

  it('still preempts when every candidate violates a budget, and counts the violations', () => {
    const nodes = [
      new NodeInfo(testNode('node-1', { cpu: '2' }), [testPod('g1', { requests: { cpu: '1' }, labels: { app: 'g' } }), testPod('g2', { requests: { cpu: '1' }, labels: { app: 'g' } })]),
      new NodeInfo(testNode('node-2', { cpu: '2' }), [testPod('g3', { requests: { cpu: '2' }, labels: { app: 'g' } })]),
    ];
    expect(run(nodes, [budget('g', 0)])).toEqual({ node: 'node-2', victims: ['g3'], pdbViolations: 1 });
  });

  it('reprieves the PDB-protected pod before a more important unprotected one', () => {
    const nodes = [
      new NodeInfo(testNode('node-1', { cpu: '4' }), [
        testPod('guarded', { requests: { cpu: '1' }, labels: { app: 'guarded' } }),
        testPod('important', { requests: { cpu: '1' }, priority: 50, labels: { app: 'important' } }),
        testPod('filler', { requests: { cpu: '1' }, priority: 100 }),
      ]),
    ];
    expect(run(nodes, [budget('guarded', 0)])).toEqual({ node: 'node-1', victims: ['important'], pdbViolations: 0 });
    expect(run(nodes, [])).toEqual({ node: 'node-1', victims: ['guarded'], pdbViolations: 0 });
  });
});

it('preempts the unprotected Deployment\'s pods for a high-priority pod on a full cluster', () => {
  const cluster = createCluster({ seed: 21 });
  cluster.runFor(5_000);
  // Three workers of 4 CPUs: 6 + 6 pods of 1 CPU fill them. The guarded pods start
  // last, so without the budget they would be the least important victims.
  apply(cluster, deploymentYaml('batch', 6, 'nginx:1.27', '1'));
  expect(runUntilTrue(cluster, () => pods(cluster, 'batch').filter(isRunningReady).length === 6, 120_000)).toBeDefined();
  apply(cluster, deploymentYaml('guarded', 6, 'nginx:1.27', '1'));
  apply(cluster, `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: guarded
spec:
  minAvailable: 6
  selector:
    matchLabels:
      app: guarded
`);
  const pdb = () => cluster.api.get('PodDisruptionBudget', 'default', 'guarded');
  expect(runUntilTrue(cluster, () => pdb().status?.currentHealthy === 6, 120_000)).toBeDefined();
  expect(pdb().status).toMatchObject({ desiredHealthy: 6, disruptionsAllowed: 0 });

  apply(cluster, `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000000
description: Urgent work.
---
apiVersion: v1
kind: Pod
metadata:
  name: urgent
spec:
  priorityClassName: high
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "2"
`);
  const urgent = () => cluster.api.get('Pod', 'default', 'urgent');
  expect(urgent().spec.priority).toBe(1000000);
  expect(runUntilTrue(cluster, () => !!urgent().status?.nominatedNodeName, 30_000, 100)).toBeDefined();
  const node = urgent().status.nominatedNodeName;

  const preempted = [...pods(cluster, 'batch'), ...pods(cluster, 'guarded')].filter((p) =>
    (p.status?.conditions ?? []).some((c: { type: string; reason?: string }) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler'));
  expect(preempted).toHaveLength(2);
  for (const victim of preempted) {
    expect(victim.metadata.labels?.app).toBe('batch');
    expect(victim.spec.nodeName).toBe(node);
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    expect(victim.status.conditions).toContainEqual(expect.objectContaining({
      type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod',
    }));
    expect(eventsFor(cluster, 'Pod', victim.metadata.name).map((e) => `${e.type} ${e.reason} ${e.message}`)).toContain(
      `Normal Preempted Preempted by pod ${urgent().metadata.uid} on node ${node}`,
    );
  }
  // The budget held: no guarded pod was touched.
  expect(pods(cluster, 'guarded').filter((p) => p.metadata.deletionTimestamp)).toEqual([]);

  // Once the victims are gone the preemptor runs on its nominated node.
  expect(runUntilTrue(cluster, () => isRunningReady(urgent()), 120_000)).toBeDefined();
  expect(urgent().spec.nodeName).toBe(node);
  expect(pdb().status).toMatchObject({ currentHealthy: 6, disruptionsAllowed: 0 });
});
