/**
 * The arithmetic of a rolling update (reference §3.2): fenceposts, how far the
 * new ReplicaSet may grow and how much the old ones may shrink.
 */

/** Resolves an int-or-percent against `total`, rounding up or down. */
export function resolveIntOrPercent(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number.parseInt(value, 10) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** maxSurge (rounded up) and maxUnavailable (rounded down); both 0 gives unavailable 1. */
export function fenceposts(replicas: number, maxSurge?: number | string, maxUnavailable?: number | string): { surge: number; unavailable: number } {
  const surge = resolveIntOrPercent(maxSurge ?? '25%', replicas, true);
  let unavailable = resolveIntOrPercent(maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** The new ReplicaSet's next size: grow within replicas + maxSurge (or shrink to replicas). */
export function newReplicaSetSize(replicas: number, surge: number, newSize: number, totalSize: number): number {
  if (newSize >= replicas) return replicas;
  const maxTotal = replicas + surge;
  if (totalSize >= maxTotal) return newSize;
  return newSize + Math.min(maxTotal - totalSize, replicas - newSize);
}

/** One old ReplicaSet as the scale-down step sees it. */
export interface OldReplicaSetSize {
  name: string;
  replicas: number;
  available: number;
}

/**
 * New sizes for old ReplicaSets (oldest first): first shed their unavailable
 * pods, then available ones, never dropping below replicas - maxUnavailable.
 */
export function scaleDownOld(
  replicas: number,
  unavailable: number,
  old: readonly OldReplicaSetSize[],
  newRs: { replicas: number; available: number },
): Map<string, number> {
  const sizes = new Map(old.map((o) => [o.name, o.replicas]));
  const minAvailable = replicas - unavailable;
  const total = old.reduce((s, o) => s + o.replicas, 0) + newRs.replicas;
  const newUnavailable = newRs.replicas - newRs.available;
  let budget = total - minAvailable - newUnavailable;
  if (budget <= 0) return sizes;
  // (a) Unhealthy replicas go first: they add nothing to availability.
  for (const o of old) {
    if (budget <= 0) break;
    const cut = Math.min(budget, Math.max(0, o.replicas - o.available));
    if (cut > 0) {
      sizes.set(o.name, o.replicas - cut);
      budget -= cut;
    }
  }
  // (b) Then available ones, as long as availability stays at minAvailable.
  const available = old.reduce((s, o) => s + o.available, 0) + newRs.available;
  let scaleDown = available - minAvailable;
  for (const o of old) {
    if (scaleDown <= 0) break;
    const current = sizes.get(o.name)!;
    const cut = Math.min(scaleDown, current);
    if (cut > 0) {
      sizes.set(o.name, current - cut);
      scaleDown -= cut;
    }
  }
  return sizes;
}
