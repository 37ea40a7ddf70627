/**
 * NodeResourcesBalancedAllocation (reference §2.4): prefers nodes where cpu and
 * memory would be used in the same proportion after placing the pod. Weight 1;
 * BestEffort pods (no requests at all) are not scored.
 */
import type { Pod } from '../../api/types';
import { MAX_NODE_SCORE, cycleRequests, podRequests, type CycleState, type NodeInfo, type ScorePlugin } from '../framework';

/** The plugin's name, as in the scheduler profile. */
export const NAME = 'NodeResourcesBalancedAllocation';

/** The plugin's score weight in the default profile. */
export const WEIGHT = 1;

/** True for a pod that requests nothing (BestEffort): the plugin skips it. */
export function requestsNothing(pod: Pod): boolean {
  const req = podRequests(pod);
  return req.milliCpu === 0 && req.memory === 0 && req.ephemeralStorage === 0 && Object.values(req.scalar).every((v) => v === 0);
}

/**
 * `(1 − std) × 100` over the requested/allocatable fractions of cpu and memory,
 * each capped at 1. Uses actual requests (not the 100m/200Mi defaults), as upstream does.
 */
export function balancedAllocationScore(pod: Pod, nodeInfo: NodeInfo, state?: CycleState): number {
  const req = cycleRequests(pod, state);
  const cpuAlloc = nodeInfo.allocatable.milliCpu;
  const memAlloc = nodeInfo.allocatable.memory;
  // cpu and memory only: with both, std is half the difference; with one or none, 0.
  let std = 0;
  if (cpuAlloc !== 0 && memAlloc !== 0) {
    const cpu = Math.min(1, (nodeInfo.requested.milliCpu + req.milliCpu) / cpuAlloc);
    const memory = Math.min(1, (nodeInfo.requested.memory + req.memory) / memAlloc);
    std = Math.abs(cpu - memory) / 2;
  }
  return Math.floor((1 - std) * MAX_NODE_SCORE);
}

/** The NodeResourcesBalancedAllocation score plugin. */
export const balancedAllocation = {
  name: NAME,
  weight: WEIGHT,
  skip: requestsNothing,
  score: balancedAllocationScore,
} satisfies ScorePlugin;
