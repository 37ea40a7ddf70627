/**
 * PodTopologySpread (reference §2.1, §2.4, §2.5). Filter: for each
 * DoNotSchedule constraint, placing the pod must not make its domain exceed
 * the global minimum by more than maxSkew (minDomains makes the minimum 0 while
 * too few domains exist). Score: for ScheduleAnyway constraints, or the
 * system defaults when the pod has none, fewer matching pods in the node's
 * domains is better. Weight 2.
 */
import type { LabelSelector, Node, Pod } from '../../api/types';
import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { selectorMatches } from '../../api/selectors';
import {
  MAX_NODE_SCORE, SKIP, SUCCESS, compileSelector, toleratedBy, unschedulable,
  type CompiledSelector, type CycleState, type FilterPlugin, type NodeInfo, type ScorePlugin, type Snapshot, type Status,
} from '../framework';
import { requiredNodeAffinityMatches } from './nodeaffinity';

/** The plugin's name, as in the scheduler profile. */
export const NAME = 'PodTopologySpread';

/** The plugin's score weight in the default profile. */
export const WEIGHT = 2;

/** The FailedScheduling reason when the skew would be too large (reference §2.5). */
export const REASON = "node(s) didn't match pod topology spread constraints";
/** The reason when the node lacks a constraint's topology key. */
export const REASON_MISSING_LABEL = `${REASON} (missing required label)`;

const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

/** A constraint with its defaults applied and matchLabelKeys folded into the selector. */
export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: LabelSelector;
  minDomains: number;
  /** Honor (default): only nodes matching the pod's node affinity/selector count. */
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  /** Ignore (default): tainted nodes count too. */
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

/** The system default constraints (`defaultingType: System`), ScheduleAnyway. */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly { topologyKey: string; maxSkew: number }[] = [
  { topologyKey: HOSTNAME, maxSkew: 3 },
  { topologyKey: ZONE, maxSkew: 5 },
];

/** The pod's constraints for one whenUnsatisfiable value, with defaults applied. */
export function podConstraints(pod: Pod, when: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const labels = pod.metadata?.labels ?? {};
  return (pod.spec?.topologySpreadConstraints ?? [])
    .filter((c) => c.whenUnsatisfiable === when)
    .map((c: TopologySpreadConstraint) => {
      const selector: LabelSelector = { matchLabels: { ...(c.labelSelector?.matchLabels ?? {}) }, matchExpressions: [...(c.labelSelector?.matchExpressions ?? [])] };
      // matchLabelKeys: the pod's own values for those keys join the selector.
      for (const key of c.matchLabelKeys ?? []) {
        if (key in labels) selector.matchExpressions!.push({ key, operator: 'In', values: [labels[key]] });
      }
      return {
        maxSkew: c.maxSkew,
        topologyKey: c.topologyKey,
        // A missing labelSelector matches no pods.
        selector: c.labelSelector ? selector : { matchExpressions: [{ key: '', operator: 'Nothing' }] },
        minDomains: c.minDomains ?? 1,
        nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
        nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore',
      };
    });
}

/**
 * The default selector for system default spreading: the selectors of the
 * Services selecting the pod, plus its controlling ReplicaSet's or
 * StatefulSet's selector. Undefined when there is none.
 */
export function defaultSelector(pod: Pod, snapshot: Snapshot): LabelSelector | undefined {
  const ns = pod.metadata?.namespace ?? 'default';
  const labels = pod.metadata?.labels ?? {};
  const matchLabels: Record<string, string> = {};
  for (const svc of snapshot.lister.services(ns)) {
    const sel = svc.spec?.selector;
    if (sel && Object.keys(sel).length && Object.entries(sel).every(([k, v]) => labels[k] === v)) Object.assign(matchLabels, sel);
  }
  const matchExpressions = [];
  const owner = (pod.metadata?.ownerReferences ?? []).find((o) => o.controller);
  if (owner && ['ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(owner.kind)) {
    const sel = snapshot.lister.controllerSelector(ns, owner.kind, owner.name);
    if (sel) {
      Object.assign(matchLabels, sel.matchLabels ?? {});
      matchExpressions.push(...(sel.matchExpressions ?? []));
    }
  }
  if (Object.keys(matchLabels).length === 0 && matchExpressions.length === 0) return undefined;
  return { matchLabels, matchExpressions };
}

/** True when the node carries every constraint's topology key. */
function hasAllKeys(node: Node, constraints: readonly Constraint[]): boolean {
  const labels = node.metadata?.labels ?? {};
  return constraints.every((c) => c.topologyKey in labels);
}

/** nodeAffinityPolicy and nodeTaintsPolicy: whether the node's pods count for the constraint. */
function nodeIncluded(pod: Pod, node: Node, c: Constraint): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !requiredNodeAffinityMatches(pod, node)) return false;
  if (c.nodeTaintsPolicy === 'Honor') {
    for (const taint of node.spec?.taints ?? []) {
      if ((taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !toleratedBy(pod.spec?.tolerations, taint)) return false;
    }
  }
  return true;
}

/** Pods on the node in the pod's namespace, not terminating, that the selector matches. */
export function countMatching(nodeInfo: NodeInfo, selector: LabelSelector, namespace: string): number {
  // From the node's label index: only pods carrying every matchLabels pair are looked at.
  return nodeInfo.countMatching(namespace, compileSelector(selector));
}

/** PreFilter state: per constraint, matching pods per domain value. */
interface FilterState {
  constraints: Constraint[];
  counts: Map<string, number>[];
  /** Per constraint, the global minimum Filter compares with (0 while too few domains exist). */
  mins: number[];
  /** Per constraint, 1 when the pod matches its own selector. */
  self: number[];
}

/** Counts matching pods per domain over every eligible node of the snapshot. */
export function preFilterSpread(pod: Pod, snapshot: Snapshot, state: CycleState): typeof SKIP | undefined {
  const constraints = podConstraints(pod, 'DoNotSchedule');
  if (constraints.length === 0) return SKIP;
  const ns = pod.metadata?.namespace ?? 'default';
  const counts = constraints.map(() => new Map<string, number>());
  const compiled = constraints.map((c) => compileSelector(c.selector));
  for (const info of snapshot.nodes) {
    if (!hasAllKeys(info.node, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!nodeIncluded(pod, info.node, c)) return;
      const value = info.node.metadata!.labels![c.topologyKey];
      counts[i].set(value, (counts[i].get(value) ?? 0) + info.countMatching(ns, compiled[i]));
    });
  }
  // Too few domains (always so with none, minDomains ≥ 1): the minimum counts as 0.
  const mins = constraints.map((c, i) => (counts[i].size < c.minDomains ? 0 : Math.min(...counts[i].values())));
  const self = constraints.map((c) => (selectorMatches(c.selector, pod.metadata?.labels) ? 1 : 0));
  state.write(NAME, { constraints, counts, mins, self } satisfies FilterState);
  return undefined;
}

/** Filter: `matching in the node's domain + self − global minimum ≤ maxSkew` for every constraint. */
export function filterSpread(_pod: Pod, nodeInfo: NodeInfo, state: CycleState): Status {
  const s = state.read<FilterState>(NAME);
  if (!s) return SUCCESS;
  const labels = nodeInfo.node.metadata?.labels ?? {};
  for (const [i, c] of s.constraints.entries()) {
    if (!(c.topologyKey in labels)) return unschedulable('UnschedulableAndUnresolvable', REASON_MISSING_LABEL);
    const skew = (s.counts[i].get(labels[c.topologyKey]) ?? 0) + s.self[i] - s.mins[i];
    if (skew > c.maxSkew) return unschedulable('Unschedulable', REASON);
  }
  return SUCCESS;
}

/** PreScore state. */
interface ScoreState {
  constraints: Constraint[];
  /**
   * Matching pods per domain, by topology key then label value as text (hostname
   * is counted per node in Score). Constraints sharing a key share its domains, as upstream's topology pairs.
   */
  domainCounts: Map<string, Map<string, number>>;
  weights: number[];
  ignored: Set<string>;
  /** The pod's namespace. */
  namespace: string;
  /** Each constraint's selector, compiled for the label index. */
  compiled: CompiledSelector[];
}

const PRESCORE_KEY = `PreScore${NAME}`;

/** The domain of a node for a key, as text (a node without the label is in domain "undefined", as `${value}` makes it). */
function domainValue(node: Node, key: string): string {
  return `${node.metadata?.labels?.[key]}`;
}

/** Gathers ScheduleAnyway (or system default) constraints and the pods in each feasible node's domains. */
export function preScoreSpread(pod: Pod, feasible: readonly NodeInfo[], snapshot: Snapshot, state: CycleState): typeof SKIP | undefined {
  if (feasible.length === 0) return SKIP;
  const ownConstraints = (pod.spec?.topologySpreadConstraints ?? []).length > 0;
  let constraints = podConstraints(pod, 'ScheduleAnyway');
  if (!ownConstraints) {
    const selector = defaultSelector(pod, snapshot);
    if (!selector) return SKIP;
    constraints = SYSTEM_DEFAULT_CONSTRAINTS.map((d) => ({ ...d, selector, minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' }));
  }
  if (constraints.length === 0) return SKIP;
  // System defaults tolerate nodes without the keys; a pod's own constraints do not.
  const requireAll = ownConstraints;
  const ignored = new Set<string>();
  const domainCounts = new Map<string, Map<string, number>>();
  const sizes = constraints.map(() => 0);
  for (const c of constraints) if (c.topologyKey !== HOSTNAME && !domainCounts.has(c.topologyKey)) domainCounts.set(c.topologyKey, new Map());
  for (const info of feasible) {
    if (requireAll && !hasAllKeys(info.node, constraints)) {
      ignored.add(info.name);
      continue;
    }
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      if (c.topologyKey === HOSTNAME) continue;
      const domains = domainCounts.get(c.topologyKey)!;
      const value = domainValue(info.node, c.topologyKey);
      if (!domains.has(value)) {
        domains.set(value, 0);
        sizes[i]++;
      }
    }
  }
  const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? feasible.length - ignored.size : sizes[i]) + 2));
  const ns = pod.metadata?.namespace ?? 'default';
  const compiled = constraints.map((c) => compileSelector(c.selector));
  for (const [i, c] of constraints.entries()) {
    if (c.topologyKey === HOSTNAME) continue;
    const domains = domainCounts.get(c.topologyKey)!;
    // Nodes without a pod carrying the selector's labels add nothing: visit only those that have one.
    for (const info of snapshot.nodesWithPodsLabelled(ns, compiled[i])) {
      if (requireAll && !hasAllKeys(info.node, constraints)) continue;
      // Only domains that hold a feasible node matter.
      const before = domains.get(domainValue(info.node, c.topologyKey));
      if (before === undefined || !nodeIncluded(pod, info.node, c)) continue;
      domains.set(domainValue(info.node, c.topologyKey), before + info.countMatching(ns, compiled[i]));
    }
  }
  state.write(PRESCORE_KEY, { constraints, domainCounts, weights, ignored, namespace: ns, compiled } satisfies ScoreState);
  return undefined;
}

/** Raw score: per constraint, matching pods in the node's domain × log(domains + 2) + maxSkew − 1; lower is better. */
export function scoreSpread(_pod: Pod, nodeInfo: NodeInfo, state: CycleState): number {
  const s = state.read<ScoreState>(PRESCORE_KEY)!;
  if (s.ignored.size && s.ignored.has(nodeInfo.name)) return 0;
  const labels = nodeInfo.node.metadata?.labels ?? {};
  let score = 0;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    if (!(c.topologyKey in labels)) continue;
    const count = c.topologyKey === HOSTNAME
      ? nodeInfo.countMatching(s.namespace, s.compiled[i])
      : s.domainCounts.get(c.topologyKey)!.get(`${labels[c.topologyKey]}`) ?? 0;
    score += count * s.weights[i] + (c.maxSkew - 1);
  }
  return Math.round(score);
}

/** Inverts the raw scores to 0..100 (fewest matching pods best); ignored nodes get 0. */
export function normalizeSpread(raw: number[], nodes: readonly NodeInfo[], state: CycleState): number[] {
  const s = state.read<ScoreState>(PRESCORE_KEY)!;
  const counted = raw.filter((_, i) => !s.ignored.has(nodes[i].name));
  const min = Math.min(...counted);
  const max = Math.max(0, ...counted);
  return raw.map((v, i) => {
    if (s.ignored.has(nodes[i].name)) return 0;
    if (max === 0) return MAX_NODE_SCORE;
    return Math.floor((MAX_NODE_SCORE * (max + min - v)) / max);
  });
}

/** The PodTopologySpread filter and score plugin. */
export const podTopologySpread = {
  name: NAME,
  weight: WEIGHT,
  preFilter: preFilterSpread,
  filter: filterSpread,
  preScore: preScoreSpread,
  score: scoreSpread,
  normalize: normalizeSpread,
} satisfies FilterPlugin & ScorePlugin;
