/**
 * kube-scheduler (reference §2): watches pods and nodes, takes pending pods from
 * the scheduling queue one at a time, filters and scores the nodes with the
 * default profile's plugins, assumes the pod on the best node and binds it a
 * few milliseconds later. A pod that fits nowhere gets FailedScheduling with
 * the real FitError message, a PodScheduled=False condition, and may preempt
 * lower-priority pods.
 */
import { Process, type Component, type ComponentContext } from '../system/component';
import type { EventRecorder } from '../client/events';
import type { Informer } from '../client/informer';
import { clone } from '../apiserver/apiserver';
import { isReason } from '../apiserver/errors';
import { rfc3339 } from '../core/time';
import type { KubeObject, LabelSelector, Node as NodeType, Pod as PodType, PodCondition, PodDisruptionBudget, ReplicaSet, Service } from '../api/types';
import { Snapshot, podKey, type ClusterLister, type CycleState, type FilterPlugin, type NodeInfo, type ScorePlugin, type Status } from './framework';
import * as cycle from './cycle';
import { SchedulerCache, isTerminal } from './cache';
import { SchedulingQueue, type QueuedPod } from './queue';
import { RecordBook, type FilterRecord, type NodeRecord, type SchedulingRecord } from './explain';
import { fitErrorMessage, preempt, priorityOf, type Candidate } from './preemption';
import { nodeUnschedulable } from './plugins/nodeunschedulable';
import { taintToleration } from './plugins/tainttoleration';
import { nodeResourcesFit } from './plugins/noderesourcesfit';
import { balancedAllocation } from './plugins/balancedallocation';
import { nodeName } from './plugins/nodename';
import { nodeAffinity } from './plugins/nodeaffinity';
import { nodePorts } from './plugins/nodeports';
import { podTopologySpread } from './plugins/podtopologyspread';
import { interPodAffinity } from './plugins/interpodaffinity';
import { imageLocality } from './plugins/imagelocality';
import { MSG_GATED, REASON_GATED } from './plugins/schedulinggates';

type Pod = PodType;
type Node = NodeType;
/** Pods and nodes from informers are stored objects; the recorder and the API take them as such. */
const stored = (obj: Pod): KubeObject => obj as unknown as KubeObject;

/** The default profile's name, which pods select with `spec.schedulerName`. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** PreFilter/Filter plugins in the default profile's order (reference §2.1; no volume plugins: no volumes yet). */
export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit, podTopologySpread, interPodAffinity,
];
/** PreScore/Score plugins in the default profile's order (reference §2.1). */
export const SCORE_PLUGINS: readonly ScorePlugin[] = [
  taintToleration, nodeAffinity, nodeResourcesFit, podTopologySpread, interPodAffinity, balancedAllocation, imageLocality,
];

/** The message when the cluster has no nodes (reference §2.3 step 2). */
export const MSG_NO_NODES = 'no nodes available to schedule pods';
/** Events notes are cut at this length (NoteLengthLimit). */
const NOTE_LENGTH_LIMIT = 1024;
/** Bind latency: the Binding POST takes a few virtual ms. */
const MIN_BIND_MS = 1;
const MAX_BIND_MS = 5;

/**
 * How many feasible nodes a cycle looks for (reference §2.3 step 5): all of them
 * below 100 nodes, else an adaptive percentage, at least 100.
 */
export function numFeasibleNodesToFind(numNodes: number): number {
  if (numNodes < 100) return numNodes;
  const percentage = Math.max(5, 50 - Math.floor(numNodes / 125));
  return Math.max(100, Math.floor((numNodes * percentage) / 100));
}

/**
 * Runs the default profile's filters in order and stops at the first that fails
 * (reference §2.3 step 5). Without `state`, PreFilter first runs over a snapshot
 * of this node alone.
 */
export function runFilters(pod: Pod, nodeInfo: NodeInfo, state?: CycleState, trail?: FilterRecord[]): Status {
  return cycle.runFilters(FILTER_PLUGINS, pod, nodeInfo, state, trail);
}

/**
 * Filters for preemption's dry run: PreFilter again over the snapshot with the
 * node's victims removed, so plugins that count pods across nodes
 * (PodTopologySpread, InterPodAffinity) see the eviction too.
 */
export function dryRunFilters(snapshot: Snapshot): (pod: Pod, nodeInfo: NodeInfo) => Status {
  return (pod, nodeInfo) => {
    const pre = cycle.runPreFilters(FILTER_PLUGINS, pod, snapshot.withNode(nodeInfo));
    return pre.status ?? runFilters(pod, nodeInfo, pre.state);
  };
}

function truncateNote(message: string): string {
  return message.length <= NOTE_LENGTH_LIMIT ? message : `${message.slice(0, NOTE_LENGTH_LIMIT - 4)} ...`;
}

/** The kube-scheduler process. */
export class Scheduler implements Component {
  readonly id = 'scheduler';
  /** Set by the actor system: asks the scheduler's actor for a work pass. */
  requestWork: () => void = () => {};
  readonly process: Process;
  private readonly recorder: EventRecorder;
  private readonly pods: Informer<Pod & KubeObject>;
  private readonly nodes: Informer<Node & KubeObject>;
  /** Namespaces, Services and ReplicaSets, for namespaceSelector and default spreading. */
  private readonly lister: ClusterLister;
  /** PodDisruptionBudgets, which preemption tries not to violate (reference §2.7). */
  private readonly pdbs: Informer<PodDisruptionBudget & KubeObject>;
  private queue: SchedulingQueue;
  private cache = new SchedulerCache();
  private readonly records = new RecordBook();
  private nextStartNodeIndex = 0;
  private workScheduled = false;

  constructor(private readonly ctx: ComponentContext) {
    this.process = new Process(ctx);
    this.recorder = this.process.recorder({ component: DEFAULT_SCHEDULER_NAME });
    this.queue = this.newQueue();
    this.pods = this.process.informers.forKind<Pod & KubeObject>('Pod');
    this.nodes = this.process.informers.forKind<Node & KubeObject>('Node');
    this.lister = this.newLister();
    this.pdbs = this.process.informers.forKind<PodDisruptionBudget & KubeObject>('PodDisruptionBudget');
    this.pods.addHandlers({
      add: (pod) => this.onPodAdd(pod),
      update: (oldPod, pod) => this.onPodUpdate(oldPod, pod),
      delete: (pod) => this.onPodDelete(pod),
    });
    this.nodes.addHandlers({
      add: (node) => {
        this.cache.addNode(node);
        this.queue.moveAllToActiveOrBackoff();
      },
      update: (oldNode, node) => {
        this.cache.updateNode(node);
        if (nodeChangeMayHelp(oldNode, node)) this.queue.moveAllToActiveOrBackoff();
      },
      delete: (node) => this.cache.removeNode(node.metadata.name),
    });
  }

  start(): void {
    this.process.informers.startAll();
  }

  stop(): void {
    this.process.informers.stopAll();
    this.process.timers.cancelAll();
    // A stopped process loses its memory: queue and cache are rebuilt from the informers on start.
    this.queue.clear();
    this.queue = this.newQueue();
    this.cache = new SchedulerCache();
    this.workScheduled = false;
  }

  work(): void {
    this.workScheduled = false;
    for (let qp = this.queue.pop(); qp; qp = this.queue.pop()) this.scheduleOne(qp);
  }

  /** The latest scheduling attempt for a pod, by uid: per-node filter and score results. */
  explain(podUid: string): SchedulingRecord | undefined {
    return this.records.get(podUid);
  }

  /** The pods waiting in the scheduling queue, as plain data. */
  pendingPods(): { key: string; queue: string; attempts: number }[] {
    return this.queue.pending();
  }

  private newLister(): ClusterLister {
    const namespaces = this.process.informers.forKind('Namespace');
    const services = this.process.informers.forKind<Service & KubeObject>('Service');
    const replicaSets = this.process.informers.forKind<ReplicaSet & KubeObject>('ReplicaSet');
    return {
      namespaceLabels: (ns) => namespaces.get(ns)?.metadata.labels,
      services: (ns) => services.list(ns),
      controllerSelector: (ns, kind, name): LabelSelector | undefined =>
        (kind === 'ReplicaSet' ? replicaSets.get(`${ns}/${name}`)?.spec?.selector : undefined),
    };
  }

  private newQueue(): SchedulingQueue {
    return new SchedulingQueue(this.ctx.clock, this.process.timers, () => this.wake());
  }

  /** Asks the actor for a work pass, once, after the current callback. */
  private wake(): void {
    if (this.workScheduled) return;
    this.workScheduled = true;
    this.process.timers.schedule(0, () => this.requestWork());
  }

  private onPodAdd(pod: Pod): void {
    if (pod.spec?.nodeName) {
      this.queue.delete(podKey(pod));
      this.cache.addOrUpdatePod(pod);
      // A pod on a node may satisfy a waiting pod's affinity or spreading.
      this.queue.moveAllToActiveOrBackoff();
    } else if (responsibleFor(pod)) {
      this.queue.add(pod);
      this.markIfGated(pod);
    }
  }

  /** PodScheduled=False, SchedulingGated while scheduling gates hold the pod (reference §2.1). */
  private markIfGated(pod: Pod): void {
    if (this.queue.isGated(podKey(pod))) this.updatePodScheduledCondition(pod, REASON_GATED, MSG_GATED, undefined);
  }

  private onPodUpdate(oldPod: Pod, pod: Pod): void {
    const key = podKey(pod);
    if (pod.spec?.nodeName) {
      this.queue.delete(key);
      this.cache.addOrUpdatePod(pod);
      // A pod that finished frees its node's resources.
      // A pod that finished frees its node's resources; a newly bound one may satisfy affinity.
      if ((!isTerminal(oldPod) && isTerminal(pod)) || !oldPod.spec?.nodeName) this.queue.moveAllToActiveOrBackoff();
    } else if (responsibleFor(pod)) {
      this.queue.update(oldPod, pod);
      this.markIfGated(pod);
    } else this.queue.delete(key);
  }

  private onPodDelete(pod: Pod): void {
    const key = podKey(pod);
    this.queue.delete(key);
    const counted = this.cache.nodeOf(key) !== undefined;
    this.cache.removePod(key);
    if (counted) this.queue.moveAllToActiveOrBackoff();
  }

  /** One scheduling cycle for one pod (reference §2.3). */
  private scheduleOne(qp: QueuedPod): void {
    const pod = this.pods.get(qp.key) ?? qp.pod;
    this.queue.setPod(qp, pod);
    if (pod.spec?.nodeName || !responsibleFor(pod)) return this.queue.delete(qp.key);
    if (pod.metadata?.deletionTimestamp) {
      this.recorder.record(stored(pod), 'Warning', 'FailedScheduling', `skip schedule deleting pod: ${qp.key}`);
      return this.queue.delete(qp.key);
    }
    const record: SchedulingRecord = { podKey: qp.key, podUid: pod.metadata?.uid ?? '', time: this.ctx.clock.now(), nodes: [] };
    const snapshot = new Snapshot(this.cache.snapshot(), this.lister, this.cache.aggregates());
    if (snapshot.nodes.length === 0) {
      this.fail(qp, record, MSG_NO_NODES);
      return;
    }
    const pre = cycle.runPreFilters(FILTER_PLUGINS, pod, snapshot);
    if (pre.status) {
      // A PreFilter rejection marks every node alike; its reasons are the whole message (reference §2.6).
      record.preFilter = { plugin: pre.rejectedBy!, code: pre.status.code, reasons: [...pre.status.reasons] };
      const statuses = new Map(snapshot.nodes.map((n) => [n.name, pre.status!]));
      return this.failFit(qp, pod, record, snapshot, statuses, pre.status.reasons.join(', '));
    }
    const withNominated = this.nominatedPodsAdder(pod);

    // An earlier preemption's nominated node is tried alone first (reference §2.3 step 4).
    const nominated = pod.status?.nominatedNodeName;
    const nominatedInfo = nominated ? snapshot.get(nominated) : undefined;
    if (nominatedInfo && (!pre.nodeNames || pre.nodeNames.has(nominatedInfo.name))) {
      const nodeRecord: NodeRecord = { node: nominatedInfo.name, filters: [], scores: [] };
      if (runFilters(pod, withNominated(nominatedInfo), pre.state, nodeRecord.filters).code === 'Success') {
        record.nodes.push(nodeRecord);
        return this.assumeAndBind(qp, pod, nominatedInfo.name, record);
      }
    }

    const feasible: NodeInfo[] = [];
    const feasibleRecords: NodeRecord[] = [];
    const statuses = new Map<string, Status>();
    let nodes = snapshot.nodes;
    if (pre.nodeNames) {
      // Nodes a PreFilter left out (reference §2.3 step 3).
      const leftOut = cycle.narrowedOutStatus(pre.narrowedBy);
      record.preFilter = { plugin: pre.narrowedBy.join(' '), code: 'Success', reasons: [], nodes: [...pre.nodeNames].sort() };
      nodes = snapshot.nodes.filter((n) => pre.nodeNames!.has(n.name));
      for (const n of snapshot.nodes) if (!pre.nodeNames.has(n.name)) statuses.set(n.name, leftOut);
    }
    if (nodes.length) {
      const toFind = numFeasibleNodesToFind(nodes.length);
      let processed = 0;
      for (; processed < nodes.length && feasible.length < toFind; processed++) {
        const info = nodes[(this.nextStartNodeIndex + processed) % nodes.length];
        const nodeRecord: NodeRecord = { node: info.name, filters: [], scores: [] };
        const status = runFilters(pod, withNominated(info), pre.state, nodeRecord.filters);
        record.nodes.push(nodeRecord);
        if (status.code === 'Success') {
          feasible.push(info);
          feasibleRecords.push(nodeRecord);
        } else statuses.set(info.name, status);
      }
      this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % nodes.length;
    }

    if (feasible.length === 0) return this.failFit(qp, pod, record, snapshot, statuses);
    const selected = feasible.length === 1 ? feasible[0].name : this.scoreAndSelect(pod, feasible, feasibleRecords, snapshot, pre.state);
    this.assumeAndBind(qp, pod, selected, record);
  }

  /**
   * Pods nominated to a node with at least this pod's priority are counted there,
   * so lower-priority pods do not take the room a preemption freed.
   */
  private nominatedPodsAdder(pod: Pod): (info: NodeInfo) => NodeInfo {
    const byNode = new Map<string, Pod[]>();
    const key = podKey(pod);
    for (const other of this.queue.nominatedPods()) {
      const node = other.pod.status?.nominatedNodeName;
      if (!node || other.key === key || priorityOf(other.pod) < priorityOf(pod)) continue;
      if (!byNode.has(node)) byNode.set(node, []);
      byNode.get(node)!.push(other.pod);
    }
    if (byNode.size === 0) return (info) => info;
    return (info) => {
      const extra = byNode.get(info.name);
      return extra ? info.clone([...info.pods, ...extra]) : info;
    };
  }

  /** Score, normalise, weigh, and pick the highest total; ties broken at random (reference §2.3 steps 8–9). */
  private scoreAndSelect(pod: Pod, feasible: NodeInfo[], records: NodeRecord[], snapshot: Snapshot, state: CycleState): string {
    const { totals, scores } = cycle.runScores(SCORE_PLUGINS, pod, feasible, snapshot, state);
    // records[i] is feasible[i]'s record (each node is filtered once per cycle).
    for (let i = 0; i < feasible.length; i++) {
      records[i].scores.push(...scores[i]);
      records[i].total = totals[i];
    }
    // Reservoir sampling over the nodes with the top score.
    let best = 0;
    let ties = 1;
    for (let i = 1; i < feasible.length; i++) {
      if (totals[i] > totals[best]) {
        best = i;
        ties = 1;
      } else if (totals[i] === totals[best]) {
        ties++;
        if (this.ctx.rng.int(ties) === 0) best = i;
      }
    }
    return feasible[best].name;
  }

  /** Assume now so the next cycle counts the pod, bind a few ms later (reference §2.3 steps 10–11). */
  private assumeAndBind(qp: QueuedPod, pod: Pod, nodeName: string, record: SchedulingRecord): void {
    record.selected = nodeName;
    this.records.put(record);
    const assumed = clone(pod);
    assumed.spec = { ...assumed.spec!, nodeName };
    this.cache.assume(assumed, nodeName);
    this.queue.done(qp.key);
    const delay = Math.round(this.ctx.rng.between(MIN_BIND_MS, MAX_BIND_MS));
    this.process.timers.schedule(delay, () => this.bind(qp, nodeName));
  }

  private bind(qp: QueuedPod, nodeName: string): void {
    const { namespace, name } = qp.pod.metadata as { namespace: string; name: string };
    try {
      const bound = this.ctx.api.bind(namespace, name, nodeName);
      this.recorder.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${nodeName}`);
    } catch (err) {
      // Forget the assumption; retry after backoff if the pod still waits for a node.
      this.cache.forget(qp.key);
      this.queue.moveAllToActiveOrBackoff();
      const current = this.ctx.api.tryGet<Pod & KubeObject>('Pod', namespace, name);
      if (!current || current.spec?.nodeName || current.metadata?.uid !== qp.pod.metadata?.uid) return;
      const message = `binding rejected: ${(err as Error).message}`;
      this.recorder.record(stored(current), 'Warning', 'FailedScheduling', truncateNote(message));
      this.updatePodScheduledCondition(current, 'SchedulerError', message, undefined);
      this.queue.requeueAfterError(qp);
    }
  }

  /** No feasible node: build the FitError, run preemption, and report (reference §2.6). */
  private failFit(qp: QueuedPod, pod: Pod, record: SchedulingRecord, snapshot: Snapshot, statuses: Map<string, Status>, preFilterMsg?: string): void {
    const outcome = preempt(pod, [...snapshot.nodes], statuses, dryRunFilters(snapshot), this.ctx.clock, this.pdbs.list());
    let message = preFilterMsg !== undefined
      ? `0/${snapshot.nodes.length} nodes are available: ${preFilterMsg}.`
      : fitErrorMessage(snapshot.nodes.length, statuses.values());
    let nominate: string | null | undefined = outcome.keepNomination ? undefined : null;
    if (outcome.candidate) {
      this.executePreemption(pod, outcome.candidate);
      nominate = outcome.candidate.node;
      record.nominatedNode = nominate;
      record.victims = outcome.candidate.victims.map(podKey);
    } else if (outcome.message) message += ` ${outcome.message}`;
    this.fail(qp, record, message, nominate);
  }

  /** Reports a failed attempt: event, pod condition, and back to the unschedulable pool. */
  private fail(qp: QueuedPod, record: SchedulingRecord, message: string, nominate: string | null | undefined = null): void {
    record.message = message;
    this.records.put(record);
    this.recorder.record(stored(qp.pod), 'Warning', 'FailedScheduling', truncateNote(message));
    this.updatePodScheduledCondition(qp.pod, 'Unschedulable', message, nominate);
    this.queue.requeueUnschedulable(qp);
  }

  /**
   * Evicts the victims (reference §2.7 step 5): DisruptionTarget condition,
   * graceful delete, `Preempted` event; lower-priority pods nominated to the node lose it.
   */
  private executePreemption(pod: Pod, candidate: Candidate): void {
    for (const victim of candidate.victims) {
      const { namespace, name } = victim.metadata as { namespace: string; name: string };
      this.patchStatus(namespace, name, victim.metadata?.uid, (p) => {
        setCondition(p, {
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'PreemptionByScheduler',
          message: `${DEFAULT_SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
        }, rfc3339(this.ctx.clock));
        return true;
      });
      try {
        const current = this.ctx.api.delete('Pod', namespace, name, { uid: victim.metadata?.uid });
        this.recorder.record(current, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata?.uid} on node ${candidate.node}`);
      } catch {
        // Already gone: nothing to evict.
      }
    }
    for (const other of this.queue.nominatedPods()) {
      if (other.pod.status?.nominatedNodeName !== candidate.node || priorityOf(other.pod) >= priorityOf(pod)) continue;
      const { namespace, name } = other.pod.metadata as { namespace: string; name: string };
      this.patchStatus(namespace, name, other.pod.metadata?.uid, (p) => {
        if (!p.status?.nominatedNodeName) return false;
        delete p.status.nominatedNodeName;
        return true;
      });
    }
  }

  /**
   * PodScheduled=False with the failure's reason and message; `nominate` sets
   * (a name), clears (null) or keeps (undefined) status.nominatedNodeName.
   * Skipped when nothing would change, as upstream's patch is.
   */
  private updatePodScheduledCondition(pod: Pod, reason: string, message: string, nominate: string | null | undefined): void {
    const { namespace, name } = pod.metadata as { namespace: string; name: string };
    this.patchStatus(namespace, name, pod.metadata?.uid, (p) => {
      if (p.spec?.nodeName) return false;
      const changed = setCondition(p, { type: 'PodScheduled', status: 'False', reason, message }, rfc3339(this.ctx.clock));
      const before = p.status?.nominatedNodeName;
      if (nominate === null) delete p.status!.nominatedNodeName;
      else if (nominate !== undefined) p.status!.nominatedNodeName = nominate;
      return changed || p.status?.nominatedNodeName !== before;
    });
  }

  /** Edits a fresh copy of the pod's status and writes it, retrying on Conflict. */
  private patchStatus(namespace: string, name: string, uid: string | undefined, edit: (p: Pod & KubeObject) => boolean): void {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = this.ctx.api.tryGet<Pod & KubeObject>('Pod', namespace, name);
      if (!current || (uid && current.metadata?.uid !== uid)) return;
      const next = clone(current);
      next.status ??= {};
      if (!edit(next)) return;
      try {
        this.ctx.api.updateStatus(stored(next));
        return;
      } catch (err) {
        if (!isReason(err, 'Conflict')) return;
      }
    }
  }
}

/** True when the pod is this scheduler's to place. */
function responsibleFor(pod: Pod): boolean {
  return (pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME && !isTerminal(pod);
}

function readyStatus(node: Node): string | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

/** Node changes that may make a pending pod fit: allocatable, taints, labels, cordon, readiness. */
function nodeChangeMayHelp(oldNode: Node, node: Node): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return !same(oldNode.status?.allocatable, node.status?.allocatable)
    || !same(oldNode.spec?.taints, node.spec?.taints)
    || !same(oldNode.metadata?.labels, node.metadata?.labels)
    || !!oldNode.spec?.unschedulable !== !!node.spec?.unschedulable
    || readyStatus(oldNode) !== readyStatus(node);
}

/**
 * Sets a pod condition; lastTransitionTime moves only when the status flips.
 * Returns false when the condition was already exactly so.
 */
function setCondition(pod: KubeObject, cond: Pick<PodCondition, 'type' | 'status' | 'reason' | 'message'>, now: string): boolean {
  pod.status ??= {};
  const conditions: PodCondition[] = [...(pod.status.conditions ?? [])];
  const i = conditions.findIndex((c) => c.type === cond.type);
  const old = i >= 0 ? conditions[i] : undefined;
  if (old && old.status === cond.status && old.reason === cond.reason && old.message === cond.message) return false;
  const next = {
    type: cond.type,
    status: cond.status,
    // The API shows `lastProbeTime: null` on scheduler-set conditions.
    lastProbeTime: null,
    lastTransitionTime: old && old.status === cond.status ? old.lastTransitionTime : now,
    reason: cond.reason,
    message: cond.message,
  };
  if (i >= 0) conditions[i] = next as unknown as PodCondition;
  else conditions.push(next as unknown as PodCondition);
  pod.status.conditions = conditions;
  return true;
}
