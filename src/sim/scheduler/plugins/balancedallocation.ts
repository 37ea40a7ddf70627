/**
 * NodeResourcesBalancedAllocation (reference §2.4): prefers nodes where cpu and
 * memory would be used in the same proportion after placing the pod. Weight 1;
 * BestEffort pods (no requests at all) are not scored.
 */
import type { Pod } from '../../api/types';
import { MAX_NODE_SCORE, podRequests, type NodeInfo, type ScorePlugin } from '../framework';

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
export function balancedAllocationScore(pod: Pod, nodeInfo: NodeInfo): number {
  const req = podRequests(pod);
  const fractions: number[] = [];
  const add = (requested: number, allocatable: number) => {
    if (allocatable === 0) return;
    fractions.push(Math.min(1, requested / allocatable));
  };
  add(nodeInfo.requested.milliCpu + req.milliCpu, nodeInfo.allocatable.milliCpu);
  add(nodeInfo.requested.memory + req.memory, nodeInfo.allocatable.memory);
  let std = 0;
  if (fractions.length === 2) std = Math.abs(fractions[0] - fractions[1]) / 2;
  else if (fractions.length > 2) {
    const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
    std = Math.sqrt(fractions.reduce((a, f) => a + (f - mean) ** 2, 0) / fractions.length);
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
