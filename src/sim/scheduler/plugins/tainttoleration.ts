/**
 * TaintToleration (reference §2.4, §2.5). Filter: the first NoSchedule or
 * NoExecute taint the pod does not tolerate rejects the node, for good
 * (preemption cannot remove a taint). Score: fewer untolerated PreferNoSchedule
 * taints is better, weight 3.
 */
import type { Pod, Taint } from '../../api/types';
import {
  SUCCESS, defaultNormalizeScore, toleratedBy, unschedulable,
  type CycleState, type FilterPlugin, type NodeInfo, type ScorePlugin, type Status,
} from '../framework';

/** The plugin's name, as in the scheduler profile. */
export const NAME = 'TaintToleration';

/** The plugin's score weight in the default profile. */
export const WEIGHT = 3;

/** The FailedScheduling reason for a taint: `node(s) had untolerated taint {key: value}` (≤ v1.34 form). */
export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

/** Rejects the node when one of its NoSchedule/NoExecute taints is not tolerated. */
export function filterTaints(pod: Pod, nodeInfo: NodeInfo): Status {
  for (const taint of nodeInfo.node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!toleratedBy(pod.spec?.tolerations, taint)) return unschedulable('UnschedulableAndUnresolvable', untoleratedTaintReason(taint));
  }
  return SUCCESS;
}

/** Raw score: how many PreferNoSchedule taints the pod does not tolerate (only PreferNoSchedule or effect-less tolerations count). */
export function countIntolerablePreferNoSchedule(pod: Pod, nodeInfo: NodeInfo, state?: CycleState): number {
  const taints = nodeInfo.node.spec?.taints;
  if (!taints?.length) return 0;
  const preferNoSchedule = () => (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  const tolerations = state ? state.memo(`${NAME}/preferNoSchedule`, preferNoSchedule) : preferNoSchedule();
  let count = 0;
  for (const taint of taints) {
    if (taint.effect === 'PreferNoSchedule' && !toleratedBy(tolerations, taint)) count++;
  }
  return count;
}

/** The TaintToleration filter and score plugin. */
export const taintToleration = {
  name: NAME,
  weight: WEIGHT,
  filter: filterTaints,
  score: countIntolerablePreferNoSchedule,
  // Fewer untolerated taints is better: reversed DefaultNormalizeScore.
  normalize: (raw: number[]) => defaultNormalizeScore(raw, true),
} satisfies FilterPlugin & ScorePlugin;
