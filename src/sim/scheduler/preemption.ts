/**
 * DefaultPreemption's PostFilter (reference §2.6, §2.7), as pure functions:
 * eligibility, the per-node dry run (evict every strictly-lower-priority pod,
 * re-run the filters, reprieve what is not needed) and the choice of node.
 * Carrying out the choice (status patch, delete, events) is the scheduler's job.
 * PodDisruptionBudgets only steer the choice (§2.7 steps 3-4); they never block it.
 */
import type { Pod, PodDisruptionBudget } from '../api/types';
import { selectorMatches } from '../api/selectors';
import { parseTimestamp } from '../core/time';
import type { VirtualClock } from '../core/clock';
import { podKey, type NodeInfo, type Status } from './framework';

/** The nested reason for nodes where preemption cannot help (filter said UnschedulableAndUnresolvable). */
export const REASON_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
/** The nested reason for nodes without any lower-priority pod to evict. */
export const REASON_NO_VICTIMS = 'No preemption victims found for incoming pod';
/** The PostFilter message for a pod that may not preempt. */
export const MSG_POLICY_NEVER = 'preemption: not eligible due to preemptionPolicy=Never.';
/** The PostFilter message while victims on the nominated node are still terminating. */
export const MSG_TERMINATING_ON_NOMINATED = 'preemption: not eligible due to a terminating pod on the nominated node.';

/** A node where evicting `victims` makes room for the pod. */
export interface Candidate {
  node: string;
  victims: Pod[];
  /** How many victims are evicted against a PodDisruptionBudget. */
  pdbViolations: number;
}

/** What the dry run concluded. */
export interface PreemptionOutcome {
  /** The chosen node and its victims, when preemption can help. */
  candidate?: Candidate;
  /** The PostFilter message appended to the FitError when it cannot (`preemption: ...`). */
  message?: string;
  /** True when the pod's current nominatedNodeName should be kept (its victims are still going). */
  keepNomination?: boolean;
}

/** The pod's priority (0 when unset). */
export function priorityOf(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

/** True when `p` is being deleted because the scheduler preempted it. */
function terminatingByPreemption(p: Pod): boolean {
  return !!p.metadata?.deletionTimestamp
    && (p.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'PreemptionByScheduler');
}

/**
 * `0/<N> nodes are available: <histogram>.`: each reason of each node's status
 * counts once; entries sorted as strings (so "10 …" sorts before "2 …").
 */
export function fitErrorMessage(numNodes: number, statuses: Iterable<Status>): string {
  const counts = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const entries = [...counts].map(([reason, n]) => `${n} ${reason}`).sort();
  return `0/${numNodes} nodes are available: ${entries.join(', ')}.`;
}

/** "More important" first: higher priority, then the earlier start. */
function moreImportantFirst(clock: VirtualClock) {
  return (a: Pod, b: Pod) => {
    const d = priorityOf(b) - priorityOf(a);
    if (d !== 0) return d;
    return startMs(clock, a) - startMs(clock, b) || podKey(a).localeCompare(podKey(b));
  };
}

function startMs(clock: VirtualClock, p: Pod): number {
  return parseTimestamp(clock, p.status?.startTime ?? p.metadata?.creationTimestamp) ?? 0;
}

/**
 * Splits pods (most important first) into those whose eviction would take a
 * PDB below zero allowed disruptions and the rest (§2.7 step 3). Each matching
 * pod uses up one of its PDB's disruptionsAllowed. A PDB with an empty or
 * missing selector, or a pod without labels, matches nothing here; pods the
 * PDB already lists in disruptedPods are being evicted and do not count.
 */
export function splitByPdbViolation(pods: Pod[], pdbs: readonly PodDisruptionBudget[]): { violating: Pod[]; nonViolating: Pod[] } {
  const allowed = pdbs.map((pdb) => pdb.status?.disruptionsAllowed ?? 0);
  const violating: Pod[] = [];
  const nonViolating: Pod[] = [];
  for (const pod of pods) {
    const labels = pod.metadata?.labels ?? {};
    let violated = false;
    if (Object.keys(labels).length > 0) {
      pdbs.forEach((pdb, i) => {
        const selector = pdb.spec?.selector;
        if (pdb.metadata?.namespace !== pod.metadata?.namespace || !selector) return;
        if (!Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length) return;
        if (!selectorMatches(selector, labels)) return;
        if (pdb.status?.disruptedPods?.[pod.metadata?.name ?? '']) return;
        allowed[i]--;
        if (allowed[i] < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(pod);
  }
  return { violating, nonViolating };
}

/**
 * Victims on one node: remove every pod of strictly lower priority; if the pod
 * still does not fit, the filter status says why. Otherwise reprieve victims
 * while the pod still fits: PDB-violating ones first, then the others, each
 * group most important first. Violations are counted among the victims left.
 */
export function selectVictimsOnNode(
  pod: Pod,
  nodeInfo: NodeInfo,
  runFilters: (pod: Pod, nodeInfo: NodeInfo) => Status,
  clock: VirtualClock,
  pdbs: readonly PodDisruptionBudget[] = [],
): { victims: Pod[]; pdbViolations: number } | { status: Status } {
  const prio = priorityOf(pod);
  const potential = nodeInfo.pods.filter((p) => priorityOf(p) < prio).sort(moreImportantFirst(clock));
  if (potential.length === 0) return { status: { code: 'UnschedulableAndUnresolvable', reasons: [REASON_NO_VICTIMS] } };
  const dry = nodeInfo.clone(nodeInfo.pods.filter((p) => priorityOf(p) >= prio));
  const status = runFilters(pod, dry);
  if (status.code !== 'Success') return { status };
  const victims: Pod[] = [];
  const reprieve = (p: Pod): boolean => {
    dry.addPod(p);
    if (runFilters(pod, dry).code === 'Success') return true;
    dry.removePod(podKey(p));
    victims.push(p);
    return false;
  };
  const { violating, nonViolating } = splitByPdbViolation(potential, pdbs);
  let pdbViolations = 0;
  for (const p of violating) if (!reprieve(p)) pdbViolations++;
  for (const p of nonViolating) reprieve(p);
  return { victims, pdbViolations };
}

/**
 * Picks among candidates (reference §2.7 step 4): fewest PDB violations, then
 * lowest highest victim priority, then smallest sum of priorities, then fewest
 * victims, then the latest start of the most important victim, then the first node.
 */
export function pickCandidate(candidates: Candidate[], clock: VirtualClock): Candidate | undefined {
  const highest = (c: Candidate) => Math.max(...c.victims.map(priorityOf));
  // Each priority shifted by 2^31 so the sum stays non-negative, as upstream.
  const sum = (c: Candidate) => c.victims.reduce((a, p) => a + priorityOf(p) + 2 ** 31, 0);
  const earliestTop = (c: Candidate) => {
    const top = highest(c);
    return Math.min(...c.victims.filter((p) => priorityOf(p) === top).map((p) => startMs(clock, p)));
  };
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!best) {
      best = c;
      continue;
    }
    const cmp = c.pdbViolations - best.pdbViolations || highest(c) - highest(best) || sum(c) - sum(best) || c.victims.length - best.victims.length || earliestTop(best) - earliestTop(c);
    if (cmp < 0) best = c;
  }
  return best;
}

/**
 * The PostFilter: decides whether preempting lower-priority pods can make room,
 * given each node's filter status from the failed cycle.
 */
export function preempt(
  pod: Pod,
  nodes: NodeInfo[],
  filterStatuses: Map<string, Status>,
  runFilters: (pod: Pod, nodeInfo: NodeInfo) => Status,
  clock: VirtualClock,
  /** The cluster's PodDisruptionBudgets, from the scheduler's informer. */
  pdbs: readonly PodDisruptionBudget[] = [],
): PreemptionOutcome {
  if (pod.spec?.preemptionPolicy === 'Never') return { message: MSG_POLICY_NEVER };
  const nominated = pod.status?.nominatedNodeName;
  if (nominated) {
    const info = nodes.find((n) => n.name === nominated);
    const prio = priorityOf(pod);
    if (info?.pods.some((p) => priorityOf(p) < prio && terminatingByPreemption(p))) {
      return { message: MSG_TERMINATING_ON_NOMINATED, keepNomination: true };
    }
  }
  const nested = new Map<string, Status>();
  const candidates: Candidate[] = [];
  for (const info of nodes) {
    const status = filterStatuses.get(info.name);
    if (!status || status.code === 'Success') continue;
    if (status.code === 'UnschedulableAndUnresolvable') {
      nested.set(info.name, { code: 'UnschedulableAndUnresolvable', reasons: [REASON_NOT_HELPFUL] });
      continue;
    }
    const result = selectVictimsOnNode(pod, info, runFilters, clock, pdbs);
    if ('status' in result) nested.set(info.name, result.status);
    else candidates.push({ node: info.name, victims: result.victims, pdbViolations: result.pdbViolations });
  }
  const candidate = pickCandidate(candidates, clock);
  if (candidate) return { candidate };
  return { message: `preemption: ${fitErrorMessage(nodes.length, nested.values())}` };
}
