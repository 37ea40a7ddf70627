/**
 * NodeResourcesFit (reference §2.4, §2.5). Filter: the node must have room for
 * one more pod and for the pod's requests on top of what its pods already
 * request; every failing resource is reported. Score: LeastAllocated on cpu and
 * memory (weight 1), counting 100m / 200Mi for containers without requests.
 */
import type { Pod } from '../../api/types';
import {
  SUCCESS, MAX_NODE_SCORE, cycleNonZeroRequests, cycleRequests, unschedulable,
  type CycleState, type FilterPlugin, type NodeInfo, type ScorePlugin, type Status,
} from '../framework';

/** The plugin's name, as in the scheduler profile. */
export const NAME = 'NodeResourcesFit';

/** The plugin's score weight in the default profile. */
export const WEIGHT = 1;

/** The FailedScheduling reason when the node is at its pod capacity. */
export const REASON_TOO_MANY_PODS = 'Too many pods';

/** The FailedScheduling reason for a resource, e.g. `Insufficient cpu`. */
export function insufficient(resource: string): string {
  return `Insufficient ${resource}`;
}

/** Every reason the pod does not fit on the node, in upstream's order: pods, cpu, memory, ephemeral-storage, extended. */
export function insufficientResources(pod: Pod, nodeInfo: NodeInfo, state?: CycleState): string[] {
  const reasons: string[] = [];
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.requested;
  if (nodeInfo.podCount + 1 > alloc.pods) reasons.push(REASON_TOO_MANY_PODS);
  const req = cycleRequests(pod, state);
  const scalarNames = state ? state.memo(`${NAME}/scalars`, () => Object.keys(req.scalar).sort()) : Object.keys(req.scalar).sort();
  if (req.milliCpu === 0 && req.memory === 0 && req.ephemeralStorage === 0 && scalarNames.length === 0) return reasons;
  if (req.milliCpu > 0 && req.milliCpu > alloc.milliCpu - used.milliCpu) reasons.push(insufficient('cpu'));
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) reasons.push(insufficient('memory'));
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    reasons.push(insufficient('ephemeral-storage'));
  }
  for (const name of scalarNames) {
    const want = req.scalar[name];
    if (want > 0 && want > (alloc.scalar[name] ?? 0) - (used.scalar[name] ?? 0)) reasons.push(insufficient(name));
  }
  return reasons;
}

/** Rejects the node when the pod does not fit; preemption may help, so the code is Unschedulable. */
export function filterFit(pod: Pod, nodeInfo: NodeInfo, state?: CycleState): Status {
  const reasons = insufficientResources(pod, nodeInfo, state);
  return reasons.length ? unschedulable('Unschedulable', ...reasons) : SUCCESS;
}

/** `(allocatable − requested) × 100 / allocatable`, 0 when over-committed or nothing allocatable. */
export function leastRequestedScore(requested: number, allocatable: number): number {
  if (allocatable === 0 || requested > allocatable) return 0;
  return Math.floor(((allocatable - requested) * MAX_NODE_SCORE) / allocatable);
}

/** LeastAllocated: the mean of the cpu and memory scores (weights 1 and 1), integer division. */
export function leastAllocatedScore(pod: Pod, nodeInfo: NodeInfo, state?: CycleState): number {
  const podReq = cycleNonZeroRequests(pod, state);
  const cpu = leastRequestedScore(nodeInfo.nonZeroRequested.milliCpu + podReq.milliCpu, nodeInfo.allocatable.milliCpu);
  const memory = leastRequestedScore(nodeInfo.nonZeroRequested.memory + podReq.memory, nodeInfo.allocatable.memory);
  return Math.floor((cpu + memory) / 2);
}

/** The NodeResourcesFit filter and score plugin. */
export const nodeResourcesFit = {
  name: NAME,
  weight: WEIGHT,
  filter: filterFit,
  score: leastAllocatedScore,
} satisfies FilterPlugin & ScorePlugin;
