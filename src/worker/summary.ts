/**
 * Summaries for large clusters: per-node pod counts by bucket, requested vs allocatable
 * CPU and memory, and per-bucket totals, kept up to date incrementally from store changes
 * (O(changes), never a scan of every pod per frame). Pure: no Worker or DOM globals.
 */
import { cpuMillis, units } from '../sim/api/quantity';
import type { Change, PlainObject } from './protocol';

/** The colour families a pod is counted in (the map's legend). */
export type PodBucket = 'ok' | 'progress' | 'error' | 'terminating' | 'done';
export const BUCKETS: readonly PodBucket[] = ['ok', 'progress', 'error', 'terminating', 'done'];

/** Above these sizes the Worker sends summaries instead of every pod change. */
export const SUMMARY_NODES = 60;
export const SUMMARY_PODS = 1500;
/** Back to the full view only well below the pod threshold (no flapping at the edge). */
export const FULL_PODS = 1200;

/** One node as the large map draws it. */
export interface NodeSummary {
  name: string;
  zone: string;
  ready: boolean;
  alive: boolean;
  controlPlane: boolean;
  unschedulable: boolean;
  /** Pods bound to the node, by bucket, in BUCKETS order. */
  pods: number[];
  cpuRequested: number;
  cpuAllocatable: number;
  memRequested: number;
  memAllocatable: number;
  podsAllocatable: number;
}

/** What a summary batch carries: the rows that changed (all of them when `full`), and totals. */
export interface ClusterSummary {
  full: boolean;
  /** Every node name, in display order; sent when `full` or when the node list changed. */
  order?: string[];
  changed: NodeSummary[];
  /** Pods by bucket over the whole cluster, in BUCKETS order (pending ones count as progress). */
  totals: number[];
  /** Pods no node holds yet. */
  pending: number;
  podCount: number;
}

interface PodContribution {
  node: string;
  bucket: number;
  cpu: number;
  mem: number;
}

/** The bucket of a pod, from its phase, conditions and container states (cheap; no kubectl printer). */
export function podBucket(pod: PlainObject): number {
  if (pod.metadata.deletionTimestamp) return 3;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded') return 4;
  if (phase === 'Failed') return 2;
  const statuses = (pod.status?.containerStatuses ?? []) as { ready?: boolean; state?: { waiting?: { reason?: string } } }[];
  for (const c of statuses) {
    const reason = c.state?.waiting?.reason;
    if (reason && reason !== 'ContainerCreating' && reason !== 'PodInitializing') return 2;
  }
  if (phase === 'Running' && statuses.length > 0 && statuses.every((c) => c.ready)) return 0;
  if (phase === 'Unknown') return 3;
  return 1;
}

function podRequests(pod: PlainObject): { cpu: number; mem: number } {
  let cpu = 0;
  let mem = 0;
  for (const c of (pod.spec?.containers ?? []) as { resources?: { requests?: Record<string, string | number> } }[]) {
    const r = c.resources?.requests;
    if (!r) continue;
    try {
      cpu += cpuMillis(r.cpu);
      mem += units(r.memory);
    } catch {
      // a malformed quantity was refused by the API server; count nothing
    }
  }
  return { cpu, mem };
}

function nodeReady(node: PlainObject): boolean {
  const conds = (node.status?.conditions ?? []) as { type: string; status: string }[];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** Keeps per-node aggregates current as changes arrive; hands out only what changed. */
export class SummaryTracker {
  private rows = new Map<string, NodeSummary>();
  private contrib = new Map<string, PodContribution>();
  private dirty = new Set<string>();
  private orderDirty = true;
  private totals = [0, 0, 0, 0, 0];
  private pendingCount = 0;

  get podCount(): number {
    return this.contrib.size;
  }

  get nodeCount(): number {
    return this.rows.size;
  }

  private row(name: string): NodeSummary {
    let r = this.rows.get(name);
    if (!r) {
      r = { name, zone: '', ready: false, alive: true, controlPlane: false, unschedulable: false, pods: [0, 0, 0, 0, 0], cpuRequested: 0, cpuAllocatable: 0, memRequested: 0, memAllocatable: 0, podsAllocatable: 0 };
      this.rows.set(name, r);
      this.orderDirty = true;
    }
    return r;
  }

  /** Copy-on-write: a row handed out in a summary is never mutated afterwards. */
  private touch(name: string): NodeSummary {
    const r = this.row(name);
    if (this.dirty.has(name)) return r;
    const copy = { ...r, pods: r.pods.slice() };
    this.rows.set(name, copy);
    this.dirty.add(name);
    return copy;
  }

  apply(change: Change): void {
    const obj = change.object;
    if (obj.kind === 'Pod') this.applyPod(change);
    else if (obj.kind === 'Node') this.applyNode(change);
  }

  private applyPod({ type, object: pod }: Change): void {
    const uid = String(pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`);
    const old = this.contrib.get(uid);
    if (old) {
      this.totals[old.bucket]--;
      if (old.node) {
        const r = this.touch(old.node);
        r.pods[old.bucket]--;
        r.cpuRequested -= old.cpu;
        r.memRequested -= old.mem;
      } else this.pendingCount--;
      this.contrib.delete(uid);
    }
    if (type === 'DELETED') return;
    const node: string = pod.spec?.nodeName ?? '';
    const bucket = podBucket(pod);
    // Finished pods no longer hold their requests (as the scheduler counts them).
    const req = bucket === 4 || pod.status?.phase === 'Failed' ? { cpu: 0, mem: 0 } : old && old.node === node ? { cpu: old.cpu, mem: old.mem } : podRequests(pod);
    const c: PodContribution = { node, bucket, cpu: req.cpu, mem: req.mem };
    this.contrib.set(uid, c);
    this.totals[bucket]++;
    if (node) {
      const r = this.touch(node);
      r.pods[bucket]++;
      r.cpuRequested += c.cpu;
      r.memRequested += c.mem;
    } else this.pendingCount++;
  }

  private applyNode({ type, object: node }: Change): void {
    const name = node.metadata.name;
    if (type === 'DELETED') {
      const r = this.rows.get(name);
      if (r && r.pods.every((n) => n === 0)) {
        this.rows.delete(name);
        this.dirty.delete(name);
        this.orderDirty = true;
      } else if (r) {
        this.touch(name).ready = false;
      }
      return;
    }
    const labels = (node.metadata.labels ?? {}) as Record<string, string>;
    const alloc = (node.status?.allocatable ?? {}) as Record<string, string>;
    const next = {
      zone: labels['topology.kubernetes.io/zone'] ?? '',
      ready: nodeReady(node),
      controlPlane: 'node-role.kubernetes.io/control-plane' in labels,
      unschedulable: !!node.spec?.unschedulable,
      cpuAllocatable: safe(() => cpuMillis(alloc.cpu), 0),
      memAllocatable: safe(() => units(alloc.memory), 0),
      podsAllocatable: safe(() => units(alloc.pods), 0),
    };
    const cur = this.rows.get(name);
    if (cur && (Object.keys(next) as (keyof typeof next)[]).every((k) => cur[k] === next[k])) return;
    if (!cur || cur.zone !== next.zone || cur.controlPlane !== next.controlPlane) this.orderDirty = true;
    Object.assign(this.touch(name), next);
  }

  /** Power state comes from the machines, not from the store. */
  setAlive(alive: Record<string, boolean>): void {
    for (const [name, on] of Object.entries(alive)) {
      const r = this.rows.get(name);
      if (!r || r.alive !== on) this.touch(name).alive = on;
    }
  }

  /** The summary to send, or null when nothing changed (and `full` is false). */
  take(full: boolean): ClusterSummary | null {
    if (!full && this.dirty.size === 0) return null;
    const sendOrder = full || this.orderDirty;
    const changed = full ? [...this.rows.values()] : [...this.dirty].map((n) => this.rows.get(n)).filter((r): r is NodeSummary => !!r);
    const out: ClusterSummary = {
      full,
      changed,
      totals: this.totals.slice(),
      pending: this.pendingCount,
      podCount: this.contrib.size,
    };
    if (sendOrder) out.order = this.order();
    this.dirty.clear();
    this.orderDirty = false;
    return out;
  }

  /** Control plane first, then by zone, then by name with numbers in numeric order. */
  order(): string[] {
    return [...this.rows.values()]
      .sort((a, b) => Number(b.controlPlane) - Number(a.controlPlane) || (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0) || collator.compare(a.name, b.name))
      .map((r) => r.name);
  }

  /** Resets everything (a new cluster). */
  clear(): void {
    this.rows.clear();
    this.contrib.clear();
    this.dirty.clear();
    this.orderDirty = true;
    this.totals = [0, 0, 0, 0, 0];
    this.pendingCount = 0;
  }
}

const collator = new Intl.Collator('en', { numeric: true });
