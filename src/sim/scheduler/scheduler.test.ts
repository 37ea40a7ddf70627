import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../core/clock';
import { Rng } from '../core/rng';
import { ObjectStore } from '../store/store';
import { ApiServer } from '../apiserver/apiserver';
import type { KubeObject } from '../api/types';
import { Scheduler } from './scheduler';
import { testNode, testPod, type TestNodeOptions, type TestPodOptions } from './testing';

/**
 * Priority admission computes spec.priority from a PriorityClass, so a test pod
 * with a priority gets a class of that value (and policy) instead.
 */
function viaPriorityClass(api: ApiServer, pod: KubeObject): KubeObject {
  const { priority, preemptionPolicy } = pod.spec;
  if (!priority) return pod;
  const policy = preemptionPolicy ?? 'PreemptLowerPriority';
  const name = `priority-${priority}-${policy.toLowerCase()}`;
  if (!api.tryGet('PriorityClass', undefined, name)) {
    api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value: priority, preemptionPolicy: policy });
  }
  const spec = { ...pod.spec, priorityClassName: name };
  delete spec.priority;
  delete spec.preemptionPolicy;
  return { ...pod, spec };
}

const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

function setup(nodes: [string, TestNodeOptions?][], seed = 7) {
  const clock = new VirtualClock();
  const rng = new Rng(seed);
  const api = new ApiServer(new ObjectStore(), clock, rng);
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  for (const [name, opts] of nodes) api.create(testNode(name, opts) as KubeObject);
  const scheduler = new Scheduler({ api, clock, rng });
  scheduler.requestWork = () => scheduler.work();
  scheduler.start();
  clock.runFor(100);
  const createPod = (name: string, opts?: TestPodOptions) => api.create(viaPriorityClass(api, testPod(name, opts) as KubeObject));
  const pod = (name: string) => api.get('Pod', 'default', name);
  const events = (name: string) =>
    api.list('Event').items.filter((e) => e.involvedObject.name === name).map((e) => ({ type: e.type, reason: e.reason, message: e.message, count: e.count, source: e.source.component }));
  return { clock, api, scheduler, createPod, pod, events };
}

const defaultCluster: [string, TestNodeOptions?][] = [
  ['control-plane', { taints: [CONTROL_PLANE_TAINT] }],
  ['node-1'],
  ['node-2'],
  ['node-3'],
];

describe('Scheduler', () => {
  it('spreads 6 equal pods over 3 equal nodes 2/2/2 and reports Scheduled', () => {
    const { clock, createPod, pod, events } = setup([['node-1'], ['node-2'], ['node-3']]);
    for (let i = 0; i < 6; i++) createPod(`web-${i}`, { requests: { cpu: '500m', memory: '512Mi' } });
    clock.runFor(1000);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 6; i++) {
      const node = pod(`web-${i}`).spec.nodeName;
      counts[node] = (counts[node] ?? 0) + 1;
    }
    expect(counts).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2 });
    const node = pod('web-0').spec.nodeName;
    expect(events('web-0')).toEqual([{ type: 'Normal', reason: 'Scheduled', message: `Successfully assigned default/web-0 to ${node}`, count: 1, source: 'default-scheduler' }]);
    expect(pod('web-0').status.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'True' }));
  });

  it('never places pods on the tainted control-plane, unless they tolerate it', () => {
    const { clock, createPod, pod } = setup(defaultCluster);
    for (let i = 0; i < 9; i++) createPod(`web-${i}`);
    createPod('admin', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }], requests: { cpu: '10m' } });
    clock.runFor(1000);
    for (let i = 0; i < 9; i++) expect(pod(`web-${i}`).spec.nodeName).toMatch(/^node-/);
    // The empty control-plane node scores best for the tolerating pod.
    expect(pod('admin').spec.nodeName).toBe('control-plane');
  });

  it('reports a pod that fits nowhere with the real FailedScheduling message and condition', () => {
    const { clock, createPod, pod, events, scheduler } = setup(defaultCluster);
    createPod('huge', { requests: { cpu: '100' } });
    clock.runFor(1000);
    const message =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
      'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(events('huge')).toEqual([{ type: 'Warning', reason: 'FailedScheduling', message, count: 1, source: 'default-scheduler' }]);
    const p = pod('huge');
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.status.conditions).toEqual([
      { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: '2026-01-01T09:00:00Z' },
    ]);
    expect(scheduler.pendingPods()).toEqual([{ key: 'default/huge', queue: 'unschedulablePods', attempts: 1 }]);

    // Nothing changes in the cluster: the pod is retried after 5 minutes and the event is aggregated.
    clock.runFor(300_000);
    expect(events('huge')).toEqual([expect.objectContaining({ reason: 'FailedScheduling', message, count: 2 })]);
  });

  it('explains each attempt with per-node filters and scores, as plain data', () => {
    const { clock, createPod, pod, scheduler } = setup(defaultCluster);
    createPod('web', { requests: { cpu: '1', memory: '1Gi' } });
    clock.runFor(1000);
    const record = scheduler.explain(pod('web').metadata.uid!)!;
    expect(structuredClone(record)).toEqual(record);
    expect(record.selected).toBe(pod('web').spec.nodeName);
    const cp = record.nodes.find((n) => n.node === 'control-plane')!;
    expect(cp.filters.at(-1)).toEqual({
      plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    });
    const n1 = record.nodes.find((n) => n.node === 'node-1')!;
    expect(n1.scores).toEqual([
      { plugin: 'TaintToleration', raw: 0, normalized: 100, weighted: 300 },
      { plugin: 'NodeResourcesFit', raw: 81, normalized: 81, weighted: 81 },
      // cpu 1/4, memory 1Gi/8Gi: std 0.0625 → 93.
      { plugin: 'NodeResourcesBalancedAllocation', raw: 93, normalized: 93, weighted: 93 },
      // No image on any node yet (and NodeAffinity, PodTopologySpread, InterPodAffinity have nothing to score).
      { plugin: 'ImageLocality', raw: 0, normalized: 0, weighted: 0 },
    ]);
    expect(n1.total).toBe(474);
  });

  it('retries an unschedulable pod when a node that fits joins', () => {
    const { clock, api, createPod, pod, events } = setup(defaultCluster);
    createPod('big', { requests: { cpu: '6' } });
    clock.runFor(5000);
    expect(pod('big').spec.nodeName).toBeUndefined();
    api.create(testNode('node-4', { cpu: '8' }) as KubeObject);
    clock.runFor(1000);
    expect(pod('big').spec.nodeName).toBe('node-4');
    expect(events('big').map((e) => e.reason).sort()).toEqual(['FailedScheduling', 'Scheduled']);
  });

  it('counts assumed pods at once: a burst never over-commits a node', () => {
    const { clock, createPod, pod } = setup([['node-1', { cpu: '2' }]]);
    for (let i = 0; i < 3; i++) createPod(`p-${i}`, { requests: { cpu: '1' } });
    clock.runFor(1000);
    const placed = [0, 1, 2].filter((i) => pod(`p-${i}`).spec.nodeName === 'node-1');
    expect(placed).toHaveLength(2);
  });

  it('ignores pods for another scheduler', () => {
    const { clock, createPod, pod, events } = setup([['node-1']]);
    createPod('custom', { schedulerName: 'my-scheduler' });
    clock.runFor(1000);
    expect(pod('custom').spec.nodeName).toBeUndefined();
    expect(events('custom')).toEqual([]);
  });

  it('preempts lower-priority pods for a higher-priority one', () => {
    const { clock, api, createPod, pod, events } = setup([['node-1', { cpu: '2' }]]);
    createPod('low-a', { requests: { cpu: '1' }, priority: 0, nodeName: 'node-1', phase: 'Running' });
    createPod('low-b', { requests: { cpu: '1' }, priority: 0, nodeName: 'node-1', phase: 'Running' });
    clock.runFor(100);
    createPod('important', { requests: { cpu: '1' }, priority: 1000 });
    clock.runFor(100);
    const preemptor = pod('important');
    expect(preemptor.status.nominatedNodeName).toBe('node-1');
    expect(events('important')).toEqual([expect.objectContaining({ reason: 'FailedScheduling', message: '0/1 nodes are available: 1 Insufficient cpu.' })]);
    // One victim is enough; the other is reprieved.
    const victims = ['low-a', 'low-b'].filter((n) => pod(n).metadata.deletionTimestamp);
    expect(victims).toHaveLength(1);
    const victim = pod(victims[0]);
    expect(victim.status.conditions).toContainEqual(expect.objectContaining({
      type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod',
    }));
    expect(events(victims[0])).toEqual([expect.objectContaining({ type: 'Normal', reason: 'Preempted', message: `Preempted by pod ${preemptor.metadata.uid} on node node-1` })]);
    // The kubelet finishes the victim off; the preemptor lands on its nominated node.
    api.delete('Pod', 'default', victims[0], { gracePeriodSeconds: 0 });
    clock.runFor(2000);
    expect(pod('important').spec.nodeName).toBe('node-1');
  });

  it('does not preempt pods of equal priority, nor with preemptionPolicy Never', () => {
    const { clock, api, createPod, events } = setup([['node-1', { cpu: '1' }]]);
    createPod('low', { requests: { cpu: '1' }, priority: 0, nodeName: 'node-1', phase: 'Running' });
    clock.runFor(100);
    const polite = testPod('polite', { requests: { cpu: '1' }, priority: 1000 });
    polite.spec!.preemptionPolicy = 'Never';
    api.create(viaPriorityClass(api, polite as KubeObject));
    clock.runFor(100);
    expect(events('polite')[0].message).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
  });
});
