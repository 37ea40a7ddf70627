/**
 * The three-way merge of client-side `kubectl apply`: fields in the new manifest
 * win, fields that were in the last applied manifest but are gone now are removed,
 * and everything else the cluster set (status, defaults, other writers) is kept.
 * Lists of objects with a `name` (containers, ports, env) merge by name, as
 * strategic merge patch does for the built-in types; other lists are replaced.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNamedList(v: unknown): v is Record<string, Json>[] {
  return Array.isArray(v) && v.length > 0 && v.every((e) => isObject(e) && typeof e.name === 'string');
}

/** Merges `desired` into `live`, removing what `lastApplied` had and `desired` no longer has. */
export function threeWayMerge(lastApplied: unknown, desired: unknown, live: unknown): unknown {
  if (isObject(desired) && isObject(live)) {
    const last = isObject(lastApplied) ? lastApplied : {};
    const out: Record<string, unknown> = { ...live };
    for (const key of Object.keys(last)) if (!(key in desired)) delete out[key];
    for (const [key, value] of Object.entries(desired)) out[key] = threeWayMerge(last[key], value, live[key]);
    return out;
  }
  if (isNamedList(desired) && isNamedList(live)) {
    const lastByName = new Map((isNamedList(lastApplied) ? lastApplied : []).map((e) => [e.name, e]));
    const liveByName = new Map(live.map((e) => [e.name, e]));
    return desired.map((e) => threeWayMerge(lastByName.get(e.name), e, liveByName.get(e.name) ?? {}));
  }
  return desired;
}
