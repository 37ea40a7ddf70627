/**
 * The LimitRanger admission plugin for pods: containers without requests or
 * limits get the namespace's LimitRange defaults (mutating), and requests and
 * limits outside min/max are rejected with 403 Forbidden (validating), worded
 * as the plugin words them.
 */
import type { KubeObject, Container } from '../api/types';
import { parseQuantity } from '../api/quantity';

type Resources = Record<string, string | number>;

interface LimitItem {
  type?: string;
  default?: Resources;
  defaultRequest?: Resources;
  min?: Resources;
  max?: Resources;
}

function itemsOf(ranges: readonly KubeObject[], type: string): LimitItem[] {
  return ranges.flatMap((r) => (r.spec?.limits ?? []) as LimitItem[]).filter((i) => i.type === type);
}

/** Fills the LimitRange defaults into a pod's containers, in place. */
export function applyLimitRangeDefaults(pod: KubeObject, ranges: readonly KubeObject[]): void {
  const items = itemsOf(ranges, 'Container');
  if (!items.length) return;
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of containers) {
    const res = (c.resources ??= {}) as { requests?: Resources; limits?: Resources };
    for (const item of items) {
      for (const [r, q] of Object.entries(item.default ?? {})) {
        if (res.limits?.[r] === undefined) (res.limits ??= {})[r] = q;
      }
      for (const [r, q] of Object.entries(item.defaultRequest ?? {})) {
        if (res.requests?.[r] === undefined) (res.requests ??= {})[r] = q;
      }
    }
  }
}

function str(q: string | number): string {
  return String(q);
}

function minConstraint(kind: string, r: string, min: string | number, req: Resources, lim: Resources): string | undefined {
  if (req[r] === undefined) return `minimum ${r} usage per ${kind} is ${str(min)}.  No request is specified`;
  if (parseQuantity(req[r]) < parseQuantity(min)) return `minimum ${r} usage per ${kind} is ${str(min)}, but request is ${str(req[r])}`;
  if (lim[r] !== undefined && parseQuantity(lim[r]) < parseQuantity(min)) return `minimum ${r} usage per ${kind} is ${str(min)}, but limit is ${str(lim[r])}`;
  return undefined;
}

function maxConstraint(kind: string, r: string, max: string | number, req: Resources, lim: Resources): string | undefined {
  if (lim[r] === undefined) return `maximum ${r} usage per ${kind} is ${str(max)}. No limit is specified`;
  if (parseQuantity(lim[r]) > parseQuantity(max)) return `maximum ${r} usage per ${kind} is ${str(max)}, but limit is ${str(lim[r])}`;
  if (req[r] !== undefined && parseQuantity(req[r]) > parseQuantity(max)) return `maximum ${r} usage per ${kind} is ${str(max)}, but request is ${str(req[r])}`;
  return undefined;
}

function sum(list: Resources[]): Resources {
  const out: Record<string, number> = {};
  for (const res of list) for (const [r, q] of Object.entries(res)) out[r] = (out[r] ?? 0) + parseQuantity(q);
  return out;
}

/**
 * The min/max violations of a pod against the namespace's LimitRanges, each
 * as the plugin's message; empty when the pod is within its limits.
 */
export function limitRangeViolations(pod: KubeObject, ranges: readonly KubeObject[]): string[] {
  const errs: string[] = [];
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const check = (kind: string, item: LimitItem, req: Resources, lim: Resources) => {
    for (const [r, q] of Object.entries(item.min ?? {})) {
      const e = minConstraint(kind, r, q, req, lim);
      if (e) errs.push(e);
    }
    for (const [r, q] of Object.entries(item.max ?? {})) {
      const e = maxConstraint(kind, r, q, req, lim);
      if (e) errs.push(e);
    }
  };
  for (const item of itemsOf(ranges, 'Container')) {
    for (const c of containers) check('Container', item, (c.resources?.requests ?? {}) as Resources, (c.resources?.limits ?? {}) as Resources);
  }
  for (const item of itemsOf(ranges, 'Pod')) {
    // Pod totals: the sum over app containers (init containers run one at a time).
    const app: Container[] = pod.spec?.containers ?? [];
    check('Pod', item, sum(app.map((c) => (c.resources?.requests ?? {}) as Resources)), sum(app.map((c) => (c.resources?.limits ?? {}) as Resources)));
  }
  return errs;
}

/** LimitRange's own defaulting: a Container item's default falls back to max, defaultRequest to default. */
export function defaultLimitRange(obj: KubeObject): void {
  for (const item of (obj.spec?.limits ?? []) as LimitItem[]) {
    if (item.type !== 'Container') continue;
    if (item.max) item.default = { ...item.max, ...(item.default ?? {}) };
    if (item.default) item.defaultRequest = { ...item.default, ...(item.defaultRequest ?? {}) };
    if (item.min) item.defaultRequest = { ...item.min, ...(item.defaultRequest ?? {}) };
  }
}
