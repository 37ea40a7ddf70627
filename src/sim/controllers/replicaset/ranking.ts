/**
 * Which pods a ReplicaSet deletes first when it scales down (reference §3.1,
 * mirrors the ActivePodsWithRanks ordering of k/k pkg/controller/controller_utils.go).
 */
import type { KubeObject } from '../../api/types';
import type { VirtualClock } from '../../core/clock';
import { parseTimestamp } from '../../core/time';
import { isPodReady, maxRestarts, podReadySince } from '../util/pods';

/** The annotation that lets users say which pods to remove first (lower goes first). */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function deletionCost(pod: KubeObject): number {
  const raw = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  const n = raw === undefined ? 0 : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : 0;
}

/** floor(log2(age in seconds)): LogarithmicScaleDown treats pods of similar age as equal. */
function ageBucket(now: number, t: number): number {
  return Math.floor(Math.log2(Math.max(1, (now - t) / 1000)));
}

/** Negative when `a` should be deleted before `b`: newer times first, in log buckets, uid breaks ties. */
function newerFirst(now: number, ta: number | undefined, tb: number | undefined, a: KubeObject, b: KubeObject): number {
  if (ta === tb) return 0;
  // A missing time counts as the newest.
  if (ta === undefined) return -1;
  if (tb === undefined) return 1;
  const diff = ageBucket(now, ta) - ageBucket(now, tb);
  if (diff !== 0) return diff;
  return (a.metadata.uid ?? '') < (b.metadata.uid ?? '') ? -1 : 1;
}

/**
 * Sorts `pods` so the ones to delete come first. `rank` gives, per pod name, how
 * many active sibling pods (of related ReplicaSets) share its node.
 */
export function rankPodsForDeletion(clock: VirtualClock, pods: readonly KubeObject[], rank: (pod: KubeObject) => number): KubeObject[] {
  const now = clock.now();
  const cmp = (a: KubeObject, b: KubeObject): number => {
    const assignedA = a.spec?.nodeName ? 1 : 0;
    const assignedB = b.spec?.nodeName ? 1 : 0;
    if (assignedA !== assignedB) return assignedA - assignedB;
    const phaseA = PHASE_ORDER[a.status?.phase] ?? 0;
    const phaseB = PHASE_ORDER[b.status?.phase] ?? 0;
    if (phaseA !== phaseB) return phaseA - phaseB;
    const readyA = isPodReady(a) ? 1 : 0;
    const readyB = isPodReady(b) ? 1 : 0;
    if (readyA !== readyB) return readyA - readyB;
    const costA = deletionCost(a);
    const costB = deletionCost(b);
    if (costA !== costB) return costA - costB;
    const rankA = rank(a);
    const rankB = rank(b);
    if (rankA !== rankB) return rankB - rankA;
    if (readyA && readyB) {
      const r = newerFirst(now, podReadySince(clock, a), podReadySince(clock, b), a, b);
      if (r !== 0) return r;
    }
    const restartsA = maxRestarts(a);
    const restartsB = maxRestarts(b);
    if (restartsA !== restartsB) return restartsB - restartsA;
    return newerFirst(now, parseTimestamp(clock, a.metadata.creationTimestamp), parseTimestamp(clock, b.metadata.creationTimestamp), a, b);
  };
  return [...pods].sort(cmp);
}
