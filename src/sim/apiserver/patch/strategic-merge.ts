/**
 * Strategic merge patch, the default of `kubectl patch`: a JSON merge patch
 * in which lists of the built-in types with a patch merge key (containers by
 * name, ports by containerPort...) merge element by element, with the
 * `$patch`, `$retainKeys`, `$deleteFromPrimitiveList` and `$setElementOrder`
 * directives. Lists without a merge strategy (tolerations, args) are replaced.
 */
import { isPlainObject } from './merge-patch';

/** A strategic patch the server rejects (e.g. an unknown `$patch` directive). */
export class StrategicPatchError extends Error {}

/** Patch merge keys of the built-in types, by field name. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  conditions: 'type',
  addresses: 'type',
  ownerReferences: 'uid',
  readinessGates: 'conditionType',
  resourceClaims: 'name',
  schedulingGates: 'name',
};

/** Lists of scalars whose strategy is merge (a set union). */
const PRIMITIVE_MERGE = new Set(['finalizers']);

/** The merge key of the list at `field`, or undefined when the list is replaced. */
function mergeKeyOf(field: string, elements: unknown[]): string | undefined {
  if (field === 'ports') {
    // Container ports merge by containerPort, Service ports by port.
    return elements.some((e) => isPlainObject(e) && 'containerPort' in e) ? 'containerPort' : 'port';
  }
  return MERGE_KEYS[field];
}

function mergeList(field: string, original: unknown, patch: unknown[]): unknown[] {
  const orig = Array.isArray(original) ? original : [];
  if (PRIMITIVE_MERGE.has(field)) return [...orig, ...patch.filter((v) => !orig.includes(v))];
  const key = mergeKeyOf(field, [...orig, ...patch]);
  if (!key) {
    // `[{"$patch": "replace"}]` and plain lists both replace.
    return patch.filter((e) => !(isPlainObject(e) && e.$patch === 'replace'));
  }
  if (patch.some((e) => isPlainObject(e) && e.$patch === 'replace')) {
    return patch.filter((e) => !(isPlainObject(e) && e.$patch === 'replace'));
  }
  const out = [...orig];
  for (const el of patch) {
    if (!isPlainObject(el)) {
      out.push(el);
      continue;
    }
    const idx = out.findIndex((o) => isPlainObject(o) && o[key] === el[key]);
    if (el.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = strategicMerge(out[idx], el);
    else out.push(strategicMerge(undefined, el));
  }
  return out;
}

/** Applies a strategic merge patch to `original`; inputs are not modified. */
export function strategicMerge(original: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive !== undefined && directive !== 'replace' && directive !== 'merge') {
    throw new StrategicPatchError(`Unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`);
  }
  const base: Record<string, unknown> = directive === 'replace' || !isPlainObject(original) ? {} : { ...original };
  const retain = patch.$retainKeys;
  if (Array.isArray(retain)) {
    for (const k of Object.keys(base)) if (!retain.includes(k)) delete base[k];
  }
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(base[field]) && Array.isArray(v)) base[field] = (base[field] as unknown[]).filter((x) => !v.includes(x));
      continue;
    }
    if (v === null) delete base[k];
    else if (Array.isArray(v)) base[k] = mergeList(k, base[k], v);
    else if (isPlainObject(v)) {
      const merged = strategicMerge(base[k], v);
      if (merged === undefined) delete base[k];
      else base[k] = merged;
    } else base[k] = v;
  }
  return base;
}
