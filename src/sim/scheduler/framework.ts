/**
 * The scheduling framework (reference §2.1, §2.4): status codes, the
 * PreFilter/Filter and PreScore/Score plugin contracts with their per-cycle
 * state and the cluster snapshot they see, and NodeInfo, the scheduler's view of one node with
 * the pods assigned to it (bound or only assumed) and what they request.
 */
import type { Container, LabelSelector, Node, Pod, Service, Toleration, Taint } from '../api/types';
import { cpuMillis, units } from '../api/quantity';

/**
 * What a plugin says about a pod and a node. The code carries a consequence:
 * `Unschedulable` may be fixed by preemption and goes through backoff;
 * `UnschedulableAndUnresolvable` means preemption cannot help on this node.
 */
export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** A plugin's verdict: a code plus the human-readable reasons that feed FailedScheduling. */
export interface Status {
  code: Code;
  reasons: string[];
}

/** The passing status. */
export const SUCCESS: Status = Object.freeze({ code: 'Success', reasons: [] }) as Status;

/** A failing status with its reasons. */
export function unschedulable(code: Exclude<Code, 'Success'>, ...reasons: string[]): Status {
  return { code, reasons };
}

/** The highest score a plugin may give a node after normalisation (MaxNodeScore). */
export const MAX_NODE_SCORE = 100;

/**
 * What a PreFilter or PreScore says about a pod when the plugin has nothing to
 * do for it: its Filter or Score is then not run this cycle (upstream `Skip`).
 */
export const SKIP = 'Skip' as const;

/**
 * Per-cycle data: what plugins compute once in PreFilter/PreScore and read back
 * in Filter/Score, keyed by the writing plugin (upstream CycleState).
 */
export class CycleState {
  private readonly data = new Map<string, unknown>();
  /** Plugins whose PreFilter said Skip: their Filter is not run this cycle. */
  readonly skipFilter = new Set<string>();
  /** Plugins whose PreScore said Skip: they do not score this cycle. */
  readonly skipScore = new Set<string>();

  /** The value a plugin wrote under `key`, if any. */
  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  /** Stores a value for the rest of the cycle. */
  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }
}

/** Cluster objects beyond nodes and pods that some plugins consult, as the cycle sees them. */
export interface ClusterLister {
  /** Labels of a namespace (namespaceSelector in pod affinity terms); undefined when unknown. */
  namespaceLabels(namespace: string): Record<string, string> | undefined;
  /** Services in a namespace (the system default spreading selector). */
  services(namespace: string): Service[];
  /** The selector of a pod's controller of this kind (ReplicaSet, StatefulSet...), when the lister knows it. */
  controllerSelector(namespace: string, kind: string, name: string): LabelSelector | undefined;
}

/** A lister that knows nothing: no namespace labels, no services, no controllers. */
export const EMPTY_LISTER: ClusterLister = {
  namespaceLabels: () => undefined,
  services: () => [],
  controllerSelector: () => undefined,
};

/**
 * The cluster as one scheduling cycle sees it (reference §2.3 step 2): every
 * node's NodeInfo sorted by name, plus listers for other objects.
 */
export class Snapshot {
  private readonly byName: Map<string, NodeInfo>;

  constructor(
    readonly nodes: readonly NodeInfo[],
    readonly lister: ClusterLister = EMPTY_LISTER,
  ) {
    this.byName = new Map(nodes.map((n) => [n.name, n]));
  }

  /** The NodeInfo of one node. */
  get(name: string): NodeInfo | undefined {
    return this.byName.get(name);
  }

  /** The same snapshot with one node's NodeInfo replaced (a preemption dry run's view). */
  withNode(info: NodeInfo): Snapshot {
    return new Snapshot(this.nodes.map((n) => (n.name === info.name ? info : n)), this.lister);
  }
}

/**
 * A PreFilter's verdict: a rejection for every node (`status`), or the only
 * nodes worth filtering (`nodeNames`), or neither (all nodes, go on).
 */
export interface PreFilterResult {
  status?: Status;
  nodeNames?: ReadonlySet<string>;
}

/** Decides whether a pod may run on a node at all. */
export interface FilterPlugin {
  readonly name: string;
  /**
   * Looks at the whole snapshot once per cycle and writes what Filter needs
   * into `state`; SKIP means Filter has nothing to check for this pod.
   */
  preFilter?(pod: Pod, snapshot: Snapshot, state: CycleState): PreFilterResult | typeof SKIP | void;
  filter(pod: Pod, nodeInfo: NodeInfo, state: CycleState): Status;
}

/** Ranks the feasible nodes for a pod. */
export interface ScorePlugin {
  readonly name: string;
  /** Multiplies the normalised score in the total (reference §2.1). */
  readonly weight: number;
  /** True when the plugin does not score this pod at all (BalancedAllocation for BestEffort pods). */
  skip?(pod: Pod): boolean;
  /** Computes per-cycle data over the feasible nodes and the snapshot; SKIP means no scoring this cycle. */
  preScore?(pod: Pod, feasible: readonly NodeInfo[], snapshot: Snapshot, state: CycleState): typeof SKIP | void;
  /** The raw score of one node. */
  score(pod: Pod, nodeInfo: NodeInfo, state: CycleState): number;
  /** Maps raw scores (one per feasible node, same order) to 0..100; absent means raw is already 0..100. */
  normalize?(raw: number[], nodes: readonly NodeInfo[], state: CycleState): number[];
}

/** Resource amounts the scheduler accounts: cpu in millicores, bytes, and extended resources by name. */
export interface Resources {
  milliCpu: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended and other scalar resources (`nvidia.com/gpu`...), in units. */
  scalar: Record<string, number>;
}

/** Zero of every resource. */
export function emptyResources(): Resources {
  return { milliCpu: 0, memory: 0, ephemeralStorage: 0, scalar: {} };
}

/** Requests of the "non-zero" kind used for scoring: cpu and memory only. */
export interface NonZeroResources {
  milliCpu: number;
  memory: number;
}

/** What a container without a cpu request counts for scoring: 100m (reference §2.4). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** What a container without a memory request counts for scoring: 200 MiB (reference §2.4). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

type Quantities = Record<string, string | number> | undefined;

function addQuantities(into: Resources, q: Quantities): void {
  for (const [name, value] of Object.entries(q ?? {})) {
    if (name === 'cpu') into.milliCpu += cpuMillis(value);
    else if (name === 'memory') into.memory += units(value);
    else if (name === 'ephemeral-storage') into.ephemeralStorage += units(value);
    else if (name !== 'pods') into.scalar[name] = (into.scalar[name] ?? 0) + units(value);
  }
}

function maxInto(into: Resources, other: Resources): void {
  into.milliCpu = Math.max(into.milliCpu, other.milliCpu);
  into.memory = Math.max(into.memory, other.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, other.ephemeralStorage);
  for (const [name, v] of Object.entries(other.scalar)) into.scalar[name] = Math.max(into.scalar[name] ?? 0, v);
}

function containerRequests(c: Container): Resources {
  const r = emptyResources();
  addQuantities(r, c.resources?.requests as Quantities);
  return r;
}

/**
 * The pod's effective request (reference §2.4): the sum over containers, then per
 * resource the max with each init container's request, plus `spec.overhead`.
 */
export function podRequests(pod: Pod): Resources {
  const total = emptyResources();
  for (const c of pod.spec?.containers ?? []) addQuantities(total, c.resources?.requests as Quantities);
  for (const c of pod.spec?.initContainers ?? []) maxInto(total, containerRequests(c));
  addQuantities(total, pod.spec?.overhead as Quantities);
  return total;
}

function nonZero(c: Container): NonZeroResources {
  const req = (c.resources?.requests ?? {}) as Record<string, string | number>;
  // An explicit 0 stays 0; only a missing request gets the default.
  return {
    milliCpu: req.cpu === undefined ? DEFAULT_MILLI_CPU_REQUEST : cpuMillis(req.cpu),
    memory: req.memory === undefined ? DEFAULT_MEMORY_REQUEST : units(req.memory),
  };
}

/** The pod's request for scoring, with 100m / 200Mi for containers that request nothing (reference §2.4). */
export function podNonZeroRequests(pod: Pod): NonZeroResources {
  const total = { milliCpu: 0, memory: 0 };
  for (const c of pod.spec?.containers ?? []) {
    const r = nonZero(c);
    total.milliCpu += r.milliCpu;
    total.memory += r.memory;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const r = nonZero(c);
    total.milliCpu = Math.max(total.milliCpu, r.milliCpu);
    total.memory = Math.max(total.memory, r.memory);
  }
  const overhead = (pod.spec?.overhead ?? {}) as Record<string, string | number>;
  total.milliCpu += cpuMillis(overhead.cpu);
  total.memory += units(overhead.memory);
  return total;
}

/** A node's allocatable resources plus its pod capacity. */
export interface Allocatable extends Resources {
  pods: number;
}

/** The node's `status.allocatable` (falling back to capacity), as the scheduler reads it. */
export function nodeAllocatable(node: Node): Allocatable {
  const q = (node.status?.allocatable ?? node.status?.capacity ?? {}) as Record<string, string | number>;
  const r = emptyResources();
  addQuantities(r, q);
  return { ...r, pods: units(q.pods) };
}

/** `namespace/name` of a pod. */
export function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name}`;
}

/**
 * One node as the scheduler sees it: the node object and every pod counted on
 * it, including pods only assumed there (bind still in flight), with running
 * sums of what they request.
 */
export class NodeInfo {
  private readonly podsByKey = new Map<string, Pod>();
  /** Sum of the pods' requests (for Fit). */
  readonly requested: Resources = emptyResources();
  /** Sum of the pods' non-zero requests (for LeastAllocated). */
  readonly nonZeroRequested: NonZeroResources = { milliCpu: 0, memory: 0 };
  private alloc: Allocatable;

  constructor(
    private currentNode: Node,
    pods: Iterable<Pod> = [],
  ) {
    this.alloc = nodeAllocatable(currentNode);
    for (const pod of pods) this.addPod(pod);
  }

  /** The node object. */
  get node(): Node {
    return this.currentNode;
  }

  /** The node's name. */
  get name(): string {
    return this.currentNode.metadata!.name!;
  }

  /** Allocatable resources and pod capacity. */
  get allocatable(): Allocatable {
    return this.alloc;
  }

  /** Replaces the node object (its status or taints changed). */
  setNode(node: Node): void {
    this.currentNode = node;
    this.alloc = nodeAllocatable(node);
  }

  /** Pods counted on the node, sorted by key. */
  get pods(): Pod[] {
    return [...this.podsByKey.keys()].sort().map((k) => this.podsByKey.get(k)!);
  }

  /** Number of pods counted on the node. */
  get podCount(): number {
    return this.podsByKey.size;
  }

  /** True when the pod is counted here. */
  hasPod(key: string): boolean {
    return this.podsByKey.has(key);
  }

  /** Counts a pod on the node (replacing an older copy of it). */
  addPod(pod: Pod): void {
    const key = podKey(pod);
    if (this.podsByKey.has(key)) this.removePod(key);
    this.podsByKey.set(key, pod);
    this.account(pod, 1);
  }

  /** Stops counting a pod. */
  removePod(key: string): void {
    const pod = this.podsByKey.get(key);
    if (!pod) return;
    this.podsByKey.delete(key);
    this.account(pod, -1);
  }

  /** A copy with the same node and pods, for dry runs. */
  clone(pods: Iterable<Pod> = this.podsByKey.values()): NodeInfo {
    return new NodeInfo(this.currentNode, pods);
  }

  private account(pod: Pod, sign: 1 | -1): void {
    const req = podRequests(pod);
    this.requested.milliCpu += sign * req.milliCpu;
    this.requested.memory += sign * req.memory;
    this.requested.ephemeralStorage += sign * req.ephemeralStorage;
    for (const [name, v] of Object.entries(req.scalar)) {
      this.requested.scalar[name] = (this.requested.scalar[name] ?? 0) + sign * v;
    }
    const nz = podNonZeroRequests(pod);
    this.nonZeroRequested.milliCpu += sign * nz.milliCpu;
    this.nonZeroRequested.memory += sign * nz.memory;
  }
}

/**
 * True when `toleration` tolerates `taint` (reference §2.5): same key, or an empty
 * key with Exists; Equal compares values, Exists ignores them; an empty effect
 * matches every effect.
 */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  const operator = toleration.operator ?? 'Equal';
  if (operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

/** True when any of `tolerations` tolerates `taint`. */
export function toleratedBy(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => tolerates(t, taint));
}

/**
 * DefaultNormalizeScore (reference §2.4): scales raw scores to 0..max by the
 * highest raw score; `reverse` flips them so that lower raw is better.
 */
export function defaultNormalizeScore(raw: number[], reverse: boolean, max = MAX_NODE_SCORE): number[] {
  const highest = Math.max(0, ...raw);
  if (highest === 0) return raw.map(() => (reverse ? max : 0));
  return raw.map((s) => {
    const scaled = Math.floor((max * s) / highest);
    return reverse ? max - scaled : scaled;
  });
}
