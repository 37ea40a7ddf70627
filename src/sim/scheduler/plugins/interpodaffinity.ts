/**
 * InterPodAffinity (reference §2.1, §2.4, §2.5). Filter: the pod's required
 * affinity terms need a matching pod in the node's topology domain; its
 * required anti-affinity terms and those of existing pods forbid one. Score:
 * preferred terms both ways (and existing pods' required affinity, weight 1)
 * add or subtract their weights per topology domain, min-max normalised.
 * Weight 2.
 */
import type { LabelSelector, Node, Pod } from '../../api/types';
import type { PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import { selectorMatches } from '../../api/selectors';
import {
  MAX_NODE_SCORE, SKIP, SUCCESS, hasPodAffinity, unschedulable,
  type CycleState, type FilterPlugin, type NodeInfo, type ScorePlugin, type Snapshot, type Status,
} from '../framework';

/** The plugin's name, as in the scheduler profile. */
export const NAME = 'InterPodAffinity';

/** The plugin's score weight in the default profile. */
export const WEIGHT = 2;

/** hardPodAffinityWeight: what an existing pod's required affinity term weighs in scoring. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

/** Reason when no pod in the node's domain satisfies the pod's affinity (preemption cannot help). */
export const REASON_AFFINITY = "node(s) didn't match pod affinity rules";
/** Reason when a pod in the node's domain matches the pod's anti-affinity. */
export const REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
/** Reason when an existing pod's anti-affinity rejects the pod in the node's domain. */
export const REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

const ns = (pod: Pod) => pod.metadata?.namespace ?? 'default';

/**
 * True when `term`, written by a pod in `ownerNamespace`, selects `pod`: the
 * pod's namespace is among the term's namespaces (its owner's when none are
 * listed and no namespaceSelector is set) or matches the namespaceSelector,
 * and its labels match the labelSelector (a missing one matches nothing).
 */
export function termMatches(term: PodAffinityTerm, ownerNamespace: string, pod: Pod, snapshot: Snapshot): boolean {
  const podNs = ns(pod);
  const names = term.namespaces ?? [];
  let inNamespace = names.includes(podNs);
  if (!inNamespace && names.length === 0 && !term.namespaceSelector) inNamespace = podNs === ownerNamespace;
  if (!inNamespace && term.namespaceSelector) inNamespace = selectorMatches(term.namespaceSelector as LabelSelector, snapshot.lister.namespaceLabels(podNs) ?? {});
  return inNamespace && selectorMatches(term.labelSelector as LabelSelector | undefined, pod.metadata?.labels);
}

const requiredAffinity = (pod: Pod) => pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
const requiredAntiAffinity = (pod: Pod) => pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
const preferredAffinity = (pod: Pod) => pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
const preferredAntiAffinity = (pod: Pod) => pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];

/** `key=value` of a node's topology domain for a key, or undefined when the node lacks the label. */
function domain(node: Node, key: string): string | undefined {
  const labels = node.metadata?.labels ?? {};
  return Object.prototype.hasOwnProperty.call(labels, key) ? `${key}=${labels[key]}` : undefined;
}

function bump(counts: Map<string, number>, key: string | undefined, by = 1): void {
  if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + by);
}

/** PreFilter state: per topology domain, how many matching pods each kind of rule sees. */
interface FilterState {
  /** Domains holding a pod that matches all of the pod's required affinity terms. */
  affinity: Map<string, number>;
  /** Domains holding a pod that matches one of the pod's required anti-affinity terms. */
  antiAffinity: Map<string, number>;
  /** Domains holding an existing pod whose required anti-affinity matches the pod. */
  existingAntiAffinity: Map<string, number>;
}

/** Counts, over the whole snapshot, the domains each rule cares about. */
export function preFilterInterPodAffinity(pod: Pod, snapshot: Snapshot, state: CycleState): typeof SKIP | undefined {
  const affinity = requiredAffinity(pod);
  const anti = requiredAntiAffinity(pod);
  const s: FilterState = { affinity: new Map(), antiAffinity: new Map(), existingAntiAffinity: new Map() };
  let anyExistingAnti = false;
  // Without terms of its own, only existing pods with required anti-affinity can matter:
  // each node keeps those apart, so most cycles look at no pod at all.
  const ownTerms = affinity.length > 0 || anti.length > 0;
  for (const info of snapshot.nodes) {
    for (const existing of ownTerms ? info.pods : info.podsWithRequiredAntiAffinity) {
      for (const term of requiredAntiAffinity(existing)) {
        anyExistingAnti = true;
        if (termMatches(term, ns(existing), pod, snapshot)) bump(s.existingAntiAffinity, domain(info.node, term.topologyKey));
      }
      // The pod's affinity counts a pod only when it matches every term.
      if (affinity.length && affinity.every((t) => termMatches(t, ns(pod), existing, snapshot))) {
        for (const t of affinity) bump(s.affinity, domain(info.node, t.topologyKey));
      }
      for (const t of anti) if (termMatches(t, ns(pod), existing, snapshot)) bump(s.antiAffinity, domain(info.node, t.topologyKey));
    }
  }
  if (affinity.length === 0 && anti.length === 0 && !anyExistingAnti) return SKIP;
  state.write(NAME, s);
  return undefined;
}

/** Filter: affinity first (unresolvable), then the pod's anti-affinity, then existing pods' anti-affinity. */
export function filterInterPodAffinity(pod: Pod, nodeInfo: NodeInfo, state: CycleState): Status {
  const s = state.read<FilterState>(NAME);
  if (!s) return SUCCESS;
  const node = nodeInfo.node;
  const affinity = requiredAffinity(pod);
  let podsExist = true;
  for (const t of affinity) {
    const d = domain(node, t.topologyKey);
    // Every topology key must be on the node.
    if (d === undefined) return unschedulable('UnschedulableAndUnresolvable', REASON_AFFINITY);
    if ((s.affinity.get(d) ?? 0) <= 0) podsExist = false;
  }
  // The first pod of a group with affinity to itself may go anywhere that has the keys.
  if (!podsExist && !(s.affinity.size === 0 && affinity.every((t) => termMatchesSelf(t, pod)))) {
    return unschedulable('UnschedulableAndUnresolvable', REASON_AFFINITY);
  }
  for (const t of requiredAntiAffinity(pod)) {
    const d = domain(node, t.topologyKey);
    if (d !== undefined && (s.antiAffinity.get(d) ?? 0) > 0) return unschedulable('Unschedulable', REASON_ANTI_AFFINITY);
  }
  if (s.existingAntiAffinity.size) {
    for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
      if ((s.existingAntiAffinity.get(`${k}=${v}`) ?? 0) > 0) return unschedulable('Unschedulable', REASON_EXISTING_ANTI_AFFINITY);
    }
  }
  return SUCCESS;
}

/** Whether the pod matches its own term: namespaces as written (or its own) and the selector. */
function termMatchesSelf(term: PodAffinityTerm, pod: Pod): boolean {
  const names = term.namespaces ?? [];
  const inNs = names.length === 0 ? true : names.includes(ns(pod));
  return inNs && selectorMatches(term.labelSelector as LabelSelector | undefined, pod.metadata?.labels);
}

const PRESCORE_KEY = `PreScore${NAME}`;

function hasLabels(node: Node): boolean {
  const labels = node.metadata?.labels;
  if (!labels) return false;
  for (const _ in labels) if (Object.prototype.hasOwnProperty.call(labels, _)) return true;
  return false;
}

/** Adds weight × multiplier to the existing pod's domain when `term` (owned by `ownerNs`) selects `target`. */
function processTerm(
  scores: Map<string, number>, term: PodAffinityTerm, weight: number, ownerNs: string, target: Pod, node: Node, multiplier: number, snapshot: Snapshot,
): void {
  if (termMatches(term, ownerNs, target, snapshot)) bump(scores, domain(node, term.topologyKey), weight * multiplier);
}

function processWeighted(
  scores: Map<string, number>, terms: readonly WeightedPodAffinityTerm[], ownerNs: string, target: Pod, node: Node, multiplier: number, snapshot: Snapshot,
): void {
  for (const t of terms) processTerm(scores, t.podAffinityTerm, t.weight, ownerNs, target, node, multiplier, snapshot);
}

/**
 * Scores every topology domain from every pod in the snapshot: the pod's
 * preferred terms matching existing pods, and existing pods' required
 * affinity and preferred terms matching the pod.
 */
export function preScoreInterPodAffinity(pod: Pod, _feasible: readonly NodeInfo[], snapshot: Snapshot, state: CycleState): typeof SKIP | undefined {
  const hasPreferred = preferredAffinity(pod).length > 0 || preferredAntiAffinity(pod).length > 0;
  const scores = new Map<string, number>();
  for (const info of snapshot.nodes) {
    const node = info.node;
    // Without preferred terms of its own, only existing pods with (anti-)affinity can score: each node keeps those apart.
    const existingPods = hasPreferred ? info.pods : info.podsWithAffinity;
    if (existingPods.length === 0 || !hasLabels(node)) continue;
    for (const existing of existingPods) {
      const hasAffinity = hasPodAffinity(existing);
      if (!hasPreferred && !hasAffinity) continue;
      processWeighted(scores, preferredAffinity(pod), ns(pod), existing, node, 1, snapshot);
      processWeighted(scores, preferredAntiAffinity(pod), ns(pod), existing, node, -1, snapshot);
      for (const t of requiredAffinity(existing)) processTerm(scores, t, HARD_POD_AFFINITY_WEIGHT, ns(existing), pod, node, 1, snapshot);
      processWeighted(scores, preferredAffinity(existing), ns(existing), pod, node, 1, snapshot);
      processWeighted(scores, preferredAntiAffinity(existing), ns(existing), pod, node, -1, snapshot);
    }
  }
  if (scores.size === 0 && !hasPreferred) return SKIP;
  state.write(PRESCORE_KEY, scores);
  return undefined;
}

/** Raw score: the sum over the node's labels of the scores of its domains. */
export function scoreInterPodAffinity(_pod: Pod, nodeInfo: NodeInfo, state: CycleState): number {
  const scores = state.read<Map<string, number>>(PRESCORE_KEY)!;
  let sum = 0;
  for (const [k, v] of Object.entries(nodeInfo.node.metadata?.labels ?? {})) sum += scores.get(`${k}=${v}`) ?? 0;
  return sum;
}

/** Min-max normalisation to 0..100; all equal gives 0. */
export function normalizeInterPodAffinity(raw: number[]): number[] {
  const min = Math.min(...raw);
  const diff = Math.max(...raw) - min;
  return raw.map((v) => (diff > 0 ? Math.floor((MAX_NODE_SCORE * (v - min)) / diff) : 0));
}

/** The InterPodAffinity filter and score plugin. */
export const interPodAffinity = {
  name: NAME,
  weight: WEIGHT,
  preFilter: preFilterInterPodAffinity,
  filter: filterInterPodAffinity,
  preScore: preScoreInterPodAffinity,
  score: scoreInterPodAffinity,
  normalize: normalizeInterPodAffinity,
} satisfies FilterPlugin & ScorePlugin;
