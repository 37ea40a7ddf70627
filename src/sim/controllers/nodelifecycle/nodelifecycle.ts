/**
 * The node lifecycle controller (reference §3.8): every node-monitor-period (5 s)
 * it checks each node's last heartbeat (Ready's lastHeartbeatTime or the node
 * Lease's renewTime). A node silent for 50 s (60 s if it never posted Ready) gets
 * its conditions set to Unknown; taints mirror the Ready condition; pods on a
 * not-ready node are marked not ready; NoExecute taints drive taint eviction.
 */
import { Controller } from '../../system/controller';
import type { ComponentContext, Process } from '../../system/component';
import { clone } from '../../apiserver/apiserver';
import { namespacedName, type KubeObject, type NodeCondition, type Taint } from '../../api/types';
import { parseTimestamp, rfc3339 } from '../../core/time';
import { NODE_NAME_INDEX, type Informer } from '../../client/informer';
import { deepEqual } from '../util/stable-json';
import { isPodTerminal, podCondition } from '../util/pods';
import { TaintEvictionManager } from './tainteviction';

/** node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** node-monitor-grace-period (50 s from v1.32). */
export const NODE_MONITOR_GRACE_MS = 50_000;
/** node-startup-grace-period. */
export const NODE_STARTUP_GRACE_MS = 60_000;

const STATUS_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];
const PRESSURE_TAINTS: Record<string, string> = {
  MemoryPressure: 'node.kubernetes.io/memory-pressure',
  DiskPressure: 'node.kubernetes.io/disk-pressure',
  PIDPressure: 'node.kubernetes.io/pid-pressure',
};
const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';
const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
const MANAGED_TAINTS = new Set([NOT_READY, UNREACHABLE, UNSCHEDULABLE, ...Object.values(PRESSURE_TAINTS)]);
const POD_KEY = 'pod:';

/** The taints a node should carry for its conditions (reference §3.8 table), without timeAdded. */
export function desiredLifecycleTaints(node: KubeObject): Taint[] {
  const conds: NodeCondition[] = node.status?.conditions ?? [];
  const status = (type: string) => conds.find((c) => c.type === type)?.status;
  const out: Taint[] = [];
  const ready = status('Ready');
  if (ready === 'False') out.push({ key: NOT_READY, effect: 'NoSchedule' }, { key: NOT_READY, effect: 'NoExecute' });
  if (ready === 'Unknown') out.push({ key: UNREACHABLE, effect: 'NoSchedule' }, { key: UNREACHABLE, effect: 'NoExecute' });
  for (const [type, key] of Object.entries(PRESSURE_TAINTS)) if (status(type) === 'True') out.push({ key, effect: 'NoSchedule' });
  if (node.spec?.unschedulable) out.push({ key: UNSCHEDULABLE, effect: 'NoSchedule' });
  return out;
}

/** Watches node health, taints nodes and evicts pods from them. */
export class NodeLifecycleController extends Controller {
  override readonly periodMs = NODE_MONITOR_PERIOD_MS;
  private readonly nodes: Informer;
  private readonly leases: Informer;
  private readonly pods: Informer;
  private readonly eviction: TaintEvictionManager;
  /** The Ready status last seen per node, to report transitions as events. */
  private readonly lastReady = new Map<string, string>();
  /** Nodes as this controller last wrote them: fresher than the cache until the watch catches up. */
  private readonly written = new Map<string, KubeObject>();

  constructor(ctx: ComponentContext, process?: Process) {
    super('controller/nodelifecycle', ctx, 'node-controller', process);
    this.nodes = this.process.informers.forKind('Node');
    this.leases = this.process.informers.forKind('Lease');
    this.pods = this.process.informers.forKind('Pod');
    this.pods.addIndexer(NODE_NAME_INDEX);
    this.eviction = new TaintEvictionManager(this.process, this.process.recorder({ component: 'taint-eviction-controller' }), (k) => this.queue.add(POD_KEY + k));
    this.nodes.addHandlers({
      add: (n) => this.queue.add(n.metadata.name),
      update: (_o, n) => this.queue.add(n.metadata.name),
      delete: (n) => {
        this.lastReady.delete(n.metadata.name);
        this.written.delete(n.metadata.name);
      },
    });
    this.pods.addHandlers({
      add: (p) => p.spec?.nodeName && this.queue.add(POD_KEY + namespacedName(p)),
      update: (_o, p) => p.spec?.nodeName && this.queue.add(POD_KEY + namespacedName(p)),
    });
  }

  override stop(): void {
    super.stop();
    this.eviction.reset();
    this.lastReady.clear();
    this.written.clear();
  }

  /** The freshest copy of a node we know: the cache, or our own last write if newer. */
  private node(name: string): KubeObject | undefined {
    const cached = this.nodes.get(name);
    const mine = this.written.get(name);
    if (!mine || !cached) return cached;
    return Number(mine.metadata.resourceVersion) > Number(cached.metadata.resourceVersion) ? mine : cached;
  }

  /** Virtual time a pod is due to be evicted by a NoExecute taint, if it is scheduled. */
  evictionScheduledAt(podKey: string): number | undefined {
    return this.eviction.scheduledAt(podKey);
  }

  /** Every node-monitor-period: mark silent nodes Unknown. */
  tick(): void {
    for (const cached of this.nodes.list()) {
      try {
        // Taint and mark pods in the same pass, as soon as the node is found silent.
        if (this.monitorNodeHealth(this.node(cached.metadata.name) ?? cached)) this.reconcile(cached.metadata.name);
      } catch {
        // A conflict with the kubelet: the next period (or the requeued key) looks again.
        this.queue.add(cached.metadata.name);
      }
    }
  }

  private lastHeartbeat(node: KubeObject): { at: number; grace: number } {
    const clock = this.ctx.clock;
    const ready = (node.status?.conditions ?? []).find((c: NodeCondition) => c.type === 'Ready');
    const lease = this.leases.get(`kube-node-lease/${node.metadata.name}`);
    const times = [parseTimestamp(clock, ready?.lastHeartbeatTime), parseTimestamp(clock, lease?.spec?.renewTime)].filter((t): t is number => t !== undefined);
    if (!ready) {
      const created = parseTimestamp(clock, node.metadata.creationTimestamp) ?? 0;
      return { at: Math.max(created, ...times), grace: NODE_STARTUP_GRACE_MS };
    }
    return { at: times.length ? Math.max(...times) : 0, grace: NODE_MONITOR_GRACE_MS };
  }

  /** Marks a silent node's conditions Unknown; true when it wrote. */
  private monitorNodeHealth(node: KubeObject): boolean {
    const clock = this.ctx.clock;
    const { at, grace } = this.lastHeartbeat(node);
    if (clock.now() - at <= grace) return false;
    const conds: NodeCondition[] = node.status?.conditions ?? [];
    const ready = conds.find((c) => c.type === 'Ready');
    if (ready?.status === 'Unknown') return false;
    const now = rfc3339(clock);
    const next = clone(node);
    const updated: NodeCondition[] = [...conds];
    for (const type of STATUS_CONDITIONS) {
      const i = updated.findIndex((c) => c.type === type);
      if (i < 0) {
        updated.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: now });
      } else if (updated[i].status !== 'Unknown') {
        updated[i] = { ...updated[i], status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now };
      }
    }
    next.status = { ...(next.status ?? {}), conditions: updated };
    this.written.set(node.metadata.name, this.ctx.api.updateStatus(next));
    return true;
  }

  reconcile(key: string): void {
    if (key.startsWith(POD_KEY)) {
      const pod = this.pods.get(key.slice(POD_KEY.length));
      if (pod?.spec?.nodeName) this.eviction.reconcilePod(pod, this.node(pod.spec.nodeName));
      return;
    }
    const node = this.node(key);
    if (!node) return;
    const ready = (node.status?.conditions ?? []).find((c: NodeCondition) => c.type === 'Ready')?.status;
    this.recordReadyTransition(node, ready);
    const tainted = this.syncTaints(node);
    const pods = this.pods.byIndex(NODE_NAME_INDEX, key);
    let failed = false;
    if (ready !== undefined && ready !== 'True') {
      for (const pod of pods) {
        try {
          this.markPodNotReady(pod);
        } catch {
          failed = true;
        }
      }
    }
    for (const pod of pods) this.eviction.reconcilePod(pod, tainted);
    if (failed) throw new Error(`could not mark every pod on ${key} not ready`);
  }

  private recordReadyTransition(node: KubeObject, ready: string | undefined): void {
    const name = node.metadata.name;
    const previous = this.lastReady.get(name);
    if (ready === undefined) return;
    this.lastReady.set(name, ready);
    if (previous === 'True' && ready !== 'True') this.recorder.record(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
    if (previous !== undefined && previous !== 'True' && ready === 'True') this.recorder.record(node, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`);
  }

  /** Brings the lifecycle taints in line with the conditions; returns the node as it now is. */
  private syncTaints(node: KubeObject): KubeObject {
    const current: Taint[] = node.spec?.taints ?? [];
    const now = rfc3339(this.ctx.clock);
    const kept = current.filter((t) => !MANAGED_TAINTS.has(t.key));
    const wanted = desiredLifecycleTaints(node).map((t) => current.find((c) => c.key === t.key && c.effect === t.effect) ?? { ...t, timeAdded: now });
    const taints = [...kept, ...wanted];
    if (deepEqual(taints, current)) return node;
    const next = clone(node);
    next.spec = { ...(next.spec ?? {}), taints };
    if (taints.length === 0) delete next.spec.taints;
    const stored = this.ctx.api.update(next);
    this.written.set(stored.metadata.name, stored);
    return stored;
  }

  /** MarkPodsNotReady: Ready and ContainersReady False, as the dead kubelet cannot say so. */
  private markPodNotReady(pod: KubeObject): void {
    if (isPodTerminal(pod) || podCondition(pod, 'Ready')?.status === 'False') return;
    const now = rfc3339(this.ctx.clock);
    const next = clone(pod);
    next.status.conditions = (next.status.conditions ?? []).map((c: { type: string; status: string }) =>
      c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False', lastTransitionTime: now } : c,
    );
    this.ctx.api.updateStatus(next);
    this.recorder.record(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
  }
}
