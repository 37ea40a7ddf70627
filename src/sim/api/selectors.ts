/** Label selectors: matching and the string form kubectl prints. See reference §1.5. */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

type Labels = Record<string, string> | undefined;

/** True when `labels` satisfy `selector`. An empty selector matches everything; a missing one matches nothing. */
export function selectorMatches(selector: LabelSelector | undefined | null, labels: Labels): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In': if (!has || !values.includes(l[req.key])) return false; break;
      case 'NotIn': if (has && values.includes(l[req.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** True when every key/value of a plain equality map is in `labels` (Service selectors, nodeSelector). */
export function mapMatches(selector: Record<string, string> | undefined, labels: Labels): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === v);
}

/** The selector as `kubectl get -o wide` prints it: `app=web,tier in (a,b)`. */
export function selectorToString(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const parts = Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`);
  for (const req of selector.matchExpressions ?? []) {
    const vals = [...(req.values ?? [])].sort().join(',');
    if (req.operator === 'In') parts.push(`${req.key} in (${vals})`);
    else if (req.operator === 'NotIn') parts.push(`${req.key} notin (${vals})`);
    else if (req.operator === 'Exists') parts.push(req.key);
    else if (req.operator === 'DoesNotExist') parts.push(`!${req.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

export { parseSelector, type ParsedSelector, type Requirement } from './selector-parse';
