/**
 * NodeAffinity (reference §2.1, §2.4, §2.5). Filter: the pod's `nodeSelector`
 * AND its required node affinity (nodeSelectorTerms ORed, each term's
 * requirements ANDed). PreFilter narrows the cycle to the nodes named by
 * `matchFields` on `metadata.name`. Score: the sum of the weights of the
 * preferred terms the node matches, normalised to 0..100, weight 2.
 */
import type { Node, Pod } from '../../api/types';
import type { NodeSelectorRequirement, NodeSelectorTerm } from 'kubernetes-types/core/v1';
import { mapMatches } from '../../api/selectors';
import {
  SKIP, SUCCESS, defaultNormalizeScore, unschedulable,
  type FilterPlugin, type NodeInfo, type PreFilterResult, type ScorePlugin, type Status,
} from '../framework';

/** The plugin's name, as in the scheduler profile. */
export const NAME = 'NodeAffinity';

/** The plugin's score weight in the default profile. */
export const WEIGHT = 2;

/** The FailedScheduling reason (reference §2.5). */
export const REASON = "node(s) didn't match Pod's node affinity/selector";

/** The PreFilter rejection when every term names nodes by metadata.name and none is left. */
export const REASON_CONFLICT = 'pod affinity terms conflict';

/** The only field a nodeSelectorTerm's matchFields may use. */
const NAME_FIELD = 'metadata.name';

function parseInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  return Number(value);
}

/** True when one requirement holds for a value (undefined: the label or field is absent). */
function requirementHolds(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In': return value !== undefined && values.includes(value);
    case 'NotIn': return value === undefined || !values.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    case 'Gt':
    case 'Lt': {
      // Both sides must be integers; anything else does not match.
      const have = parseInteger(value);
      const want = parseInteger(values[0]);
      if (have === undefined || want === undefined || values.length !== 1) return false;
      return req.operator === 'Gt' ? have > want : have < want;
    }
    default: return false;
  }
}

/** True when a node matches one nodeSelectorTerm; a term with no requirements matches nothing. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  for (const req of exprs) {
    const value = Object.prototype.hasOwnProperty.call(labels, req.key) ? labels[req.key] : undefined;
    if (!requirementHolds(req, value)) return false;
  }
  for (const req of fields) {
    if (req.key !== NAME_FIELD) return false;
    if (!requirementHolds(req, node.metadata?.name)) return false;
  }
  return true;
}

/** True when the pod's nodeSelector and required node affinity both admit the node. */
export function requiredNodeAffinityMatches(pod: Pod, node: Node): boolean {
  const selector = pod.spec?.nodeSelector;
  if (selector && !mapMatches(selector, node.metadata?.labels)) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t) => nodeSelectorTermMatches(t, node));
}

/**
 * PreFilter: skips pods with neither a nodeSelector nor required node
 * affinity; when every term pins node names with `metadata.name In`, only
 * those nodes are filtered (reference §2.3 step 3).
 */
export function preFilterNodeAffinity(pod: Pod): PreFilterResult | typeof SKIP | undefined {
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required && !pod.spec?.nodeSelector) return SKIP;
  const terms = required?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  const names = new Set<string>();
  for (const term of terms) {
    let termNames: Set<string> | undefined;
    for (const req of term.matchFields ?? []) {
      if (req.key !== NAME_FIELD || req.operator !== 'In') continue;
      // Requirements within a term are ANDed: intersect.
      const values = new Set(req.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => values.has(n))) : values;
    }
    // A term without a name requirement may match any node: no narrowing.
    if (!termNames) return undefined;
    for (const n of termNames) names.add(n);
  }
  if (names.size === 0) return { status: unschedulable('UnschedulableAndUnresolvable', REASON_CONFLICT) };
  return { nodeNames: names };
}

/** Filter: rejects nodes the nodeSelector or required affinity excludes; preemption cannot help. */
export function filterNodeAffinity(pod: Pod, nodeInfo: NodeInfo): Status {
  return requiredNodeAffinityMatches(pod, nodeInfo.node) ? SUCCESS : unschedulable('UnschedulableAndUnresolvable', REASON);
}

/** Raw score: the sum of the weights of the preferred terms the node matches. */
export function preferredAffinityScore(pod: Pod, nodeInfo: NodeInfo): number {
  let sum = 0;
  for (const term of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (term.weight !== 0 && nodeSelectorTermMatches(term.preference, nodeInfo.node)) sum += term.weight;
  }
  return sum;
}

/** The NodeAffinity filter and score plugin. */
export const nodeAffinity = {
  name: NAME,
  weight: WEIGHT,
  preFilter: preFilterNodeAffinity,
  filter: filterNodeAffinity,
  preScore: (pod: Pod) => ((pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length ? undefined : SKIP),
  score: preferredAffinityScore,
  normalize: (raw: number[]) => defaultNormalizeScore(raw, false),
} satisfies FilterPlugin & ScorePlugin;
