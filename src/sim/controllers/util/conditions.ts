/** Condition setters with Kubernetes' transition-time rules. */

/** A status condition as apps/v1 and core/v1 write them. */
export interface StatusCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastHeartbeatTime?: string;
  lastProbeTime?: string | null;
}

/**
 * Sets `next` in `conditions` (a new array is returned). lastTransitionTime only
 * moves when the status changes; an identical condition is left as it was.
 * With `stampUpdate`, lastUpdateTime is written too (Deployment conditions).
 */
export function setCondition<T extends StatusCondition>(conditions: readonly T[] | undefined, next: T, now: string, stampUpdate = false): T[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  const old = i >= 0 ? list[i] : undefined;
  if (old && old.status === next.status && old.reason === next.reason && old.message === next.message) return list;
  const cond: T = { ...next };
  cond.lastTransitionTime = old && old.status === next.status ? old.lastTransitionTime : now;
  if (stampUpdate) cond.lastUpdateTime = now;
  if (i >= 0) list[i] = cond;
  else list.push(cond);
  return list;
}

/** Removes the condition of `type`. */
export function removeCondition<T extends StatusCondition>(conditions: readonly T[] | undefined, type: string): T[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

/** The condition of `type`, if any. */
export function findCondition<T extends StatusCondition>(conditions: readonly T[] | undefined, type: string): T | undefined {
  return (conditions ?? []).find((c) => c.type === type);
}
