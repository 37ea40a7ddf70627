/** Pod facts controllers decide on: active, ready, available (reference §3.1, §4.3). */
import type { KubeObject, PodCondition } from '../../api/types';
import type { VirtualClock } from '../../core/clock';
import { parseTimestamp } from '../../core/time';

/** Succeeded or Failed: the pod will never run again. */
export function isPodTerminal(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Counted by workload controllers: not terminal and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp;
}

/** The pod condition of `type`, if present. */
export function podCondition(pod: KubeObject, type: string): PodCondition | undefined {
  return (pod.status?.conditions ?? []).find((c: PodCondition) => c.type === type);
}

/** Ready=True. */
export function isPodReady(pod: KubeObject): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** Virtual ms at which the pod last became Ready, or undefined when it is not ready. */
export function podReadySince(clock: VirtualClock, pod: KubeObject): number | undefined {
  const c = podCondition(pod, 'Ready');
  if (c?.status !== 'True') return undefined;
  return parseTimestamp(clock, c.lastTransitionTime) ?? 0;
}

/** Ready for at least minReadySeconds (with 0, available = ready). */
export function isPodAvailable(clock: VirtualClock, pod: KubeObject, minReadySeconds = 0): boolean {
  // Without minReadySeconds the timestamp does not matter: skip parsing it (a hot path).
  if (minReadySeconds <= 0) return isPodReady(pod);
  const since = podReadySince(clock, pod);
  if (since === undefined) return false;
  return minReadySeconds <= 0 || since + minReadySeconds * 1000 <= clock.now();
}

/** The highest restart count among the pod's containers. */
export function maxRestarts(pod: KubeObject): number {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) max = Math.max(max, s.restartCount ?? 0);
  return max;
}
