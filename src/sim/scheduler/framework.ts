/**
 * The scheduling framework (reference §2.1, §2.4): status codes, the
 * PreFilter/Filter and PreScore/Score plugin contracts with their per-cycle
 * state and the cluster snapshot they see, and NodeInfo, the scheduler's view of one node with
 * the pods assigned to it (bound or only assumed) and what they request.
 */
import type { Container, LabelSelector, Node, Pod, Service, Toleration, Taint } from '../api/types';
import { cpuMillis, units } from '../api/quantity';
import { selectorMatches } from '../api/selectors';

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
  private readonly memos = new Map<string, unknown>();
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

  /**
   * A value about the cycle's pod computed once per cycle (its requests, its
   * image names...) rather than once per node. The state belongs to one pod.
   */
  memo<T>(key: string, compute: () => T): T {
    const hit = this.memos.get(key);
    if (hit !== undefined || this.memos.has(key)) return hit as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
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

/** Counts over the whole snapshot that a cache keeps up to date instead of recounting per cycle. */
export interface SnapshotAggregates {
  /** Image name → how many nodes have it (ImageLocality's spread). */
  imageNodes?: ReadonlyMap<string, number>;
  /** Node name → NodeInfo, when the caller already has the index. */
  byName?: ReadonlyMap<string, NodeInfo>;
  /** Namespace → label bucket (`key\0value`, '' for any pod) → the nodes holding such a pod. */
  labelNodes?: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<NodeInfo>>>;
}

/**
 * The cluster as one scheduling cycle sees it (reference §2.3 step 2): every
 * node's NodeInfo sorted by name, plus listers for other objects. Whole-cluster
 * counts come precomputed from the cache when it has them, else are counted
 * once on first use.
 */
export class Snapshot {
  private byName: ReadonlyMap<string, NodeInfo> | undefined;
  private images: ReadonlyMap<string, number> | undefined;
  private readonly labelNodes: SnapshotAggregates['labelNodes'];

  constructor(
    readonly nodes: readonly NodeInfo[],
    readonly lister: ClusterLister = EMPTY_LISTER,
    aggregates: SnapshotAggregates = {},
  ) {
    this.byName = aggregates.byName;
    this.images = aggregates.imageNodes;
    this.labelNodes = aggregates.labelNodes;
  }

  /**
   * The nodes that may hold a pod of `namespace` carrying every matchLabels
   * pair of the selector (any pod of the namespace without any), in no particular
   * order; every other node holds none. Without the cache's index, every node.
   */
  nodesWithPodsLabelled(namespace: string, compiled: CompiledSelector): Iterable<NodeInfo> {
    if (!this.labelNodes) return this.nodes;
    const byLabel = this.labelNodes.get(namespace);
    if (!byLabel) return [];
    let best: ReadonlySet<NodeInfo> | undefined = compiled.keys.length ? undefined : byLabel.get('');
    for (const bucketKey of compiled.keys) {
      const nodes = byLabel.get(bucketKey);
      if (!nodes) return [];
      if (!best || nodes.size < best.size) best = nodes;
    }
    return best ?? [];
  }

  /** The NodeInfo of one node. */
  get(name: string): NodeInfo | undefined {
    this.byName ??= new Map(this.nodes.map((n) => [n.name, n]));
    return this.byName.get(name);
  }

  /** Image name → number of nodes in the snapshot having it. */
  imageNodeCounts(): ReadonlyMap<string, number> {
    if (!this.images) {
      const counts = new Map<string, number>();
      for (const info of this.nodes) {
        for (const name of info.imageSizes.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      this.images = counts;
    }
    return this.images;
  }

  /** The same snapshot with one node's NodeInfo replaced (a preemption dry run's view: same node object, other pods). */
  withNode(info: NodeInfo): Snapshot {
    const replaced = this.get(info.name);
    // The node object is the same, so the image counts still hold.
    const imageNodes = replaced && replaced.node === info.node ? this.images : undefined;
    return new Snapshot(this.nodes.map((n) => (n.name === info.name ? info : n)), this.lister, { imageNodes });
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

/** The pod's effective request, computed once per cycle when a cycle state is given. */
export function cycleRequests(pod: Pod, state?: CycleState): Resources {
  return state ? state.memo('podRequests', () => podRequests(pod)) : podRequests(pod);
}

/** The pod's non-zero request for scoring, computed once per cycle when a cycle state is given. */
export function cycleNonZeroRequests(pod: Pod, state?: CycleState): NonZeroResources {
  return state ? state.memo('podNonZeroRequests', () => podNonZeroRequests(pod)) : podNonZeroRequests(pod);
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

/** What NodeInfo keeps per counted pod, so removal subtracts exactly what addition added. */
interface PodEntry {
  pod: Pod;
  requests: Resources;
  nonZero: NonZeroResources;
}

/** A bucket of pods by key (a label index entry). */
type PodBucket = Map<string, Pod>;

/**
 * Told when a node gains its first pod with a label (`key\0value`, or '' for
 * any pod) in a namespace, or loses its last: the cache's index of which nodes
 * hold which labels.
 */
export interface LabelObserver {
  labelAppeared(info: NodeInfo, namespace: string, bucketKey: string): void;
  labelGone(info: NodeInfo, namespace: string, bucketKey: string): void;
}

/** The label index key of `key=value`. */
export function labelBucketKey(key: string, value: string): string {
  return `${key}\0${value}`;
}

/** A label selector with its label index keys worked out once (per cycle), for NodeInfo.countMatching. */
export interface CompiledSelector {
  selector: LabelSelector;
  /** The index keys of its matchLabels. */
  keys: string[];
  withExpressions: boolean;
}

/** Works out a selector's label index keys. */
export function compileSelector(selector: LabelSelector): CompiledSelector {
  const keys: string[] = [];
  const matchLabels = selector.matchLabels ?? {};
  for (const k in matchLabels) keys.push(labelBucketKey(k, matchLabels[k]));
  return { selector, keys, withExpressions: (selector.matchExpressions?.length ?? 0) > 0 };
}

/** True when the pod has inter-pod affinity or anti-affinity of any kind. */
export function hasPodAffinity(pod: Pod): boolean {
  return !!pod.spec?.affinity?.podAffinity || !!pod.spec?.affinity?.podAntiAffinity;
}

/** True when the pod has required anti-affinity terms. */
export function hasRequiredAntiAffinity(pod: Pod): boolean {
  return (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
}

function sortedValues(bucket: PodBucket): Pod[] {
  return [...bucket.keys()].sort().map((k) => bucket.get(k)!);
}

/**
 * One node as the scheduler sees it: the node object and every pod counted on
 * it, including pods only assumed there (bind still in flight), with running
 * sums of what they request. As upstream's NodeInfo, it keeps aggregates
 * up to date on every add and remove (requests, pods with affinity, pods with
 * required anti-affinity, pods by namespace and label), so a cycle reads them
 * instead of walking the pods.
 */
export class NodeInfo {
  private readonly podsByKey = new Map<string, PodEntry>();
  /** Sum of the pods' requests (for Fit). */
  readonly requested: Resources = emptyResources();
  /** Sum of the pods' non-zero requests (for LeastAllocated). */
  readonly nonZeroRequested: NonZeroResources = { milliCpu: 0, memory: 0 };
  private alloc: Allocatable;
  private nodeName: string;
  /** Bumped on every change of the node or its pods: derived data older than this is stale. */
  private gen = 0;
  private sortedPods: Pod[] | undefined;
  private readonly withAffinity: PodBucket = new Map();
  private sortedWithAffinity: Pod[] | undefined;
  private readonly withRequiredAnti: PodBucket = new Map();
  private sortedWithRequiredAnti: Pod[] | undefined;
  /** namespace → `key\0value` → pods with that label (and namespace → '' → all its pods). */
  private readonly labelIndex = new Map<string, Map<string, PodBucket>>();
  private images: Map<string, number> | undefined;
  private readonly derived = new Map<string, { gen: number; value: unknown }>();

  constructor(
    private currentNode: Node,
    pods: Iterable<Pod> = [],
    private readonly observer?: LabelObserver,
  ) {
    this.alloc = nodeAllocatable(currentNode);
    this.nodeName = currentNode.metadata!.name!;
    for (const pod of pods) this.addPod(pod);
  }

  /** The node object. */
  get node(): Node {
    return this.currentNode;
  }

  /** The node's name. */
  get name(): string {
    return this.nodeName;
  }

  /** Allocatable resources and pod capacity. */
  get allocatable(): Allocatable {
    return this.alloc;
  }

  /** A counter that changes whenever the node or its pods change. */
  get generation(): number {
    return this.gen;
  }

  /** Replaces the node object (its status or taints changed). */
  setNode(node: Node): void {
    if (node === this.currentNode) return;
    this.currentNode = node;
    this.alloc = nodeAllocatable(node);
    this.nodeName = node.metadata!.name!;
    this.images = undefined;
    this.gen++;
  }

  /** Pods counted on the node, sorted by key (kept until the pods change; do not modify). */
  get pods(): readonly Pod[] {
    this.sortedPods ??= [...this.podsByKey.keys()].sort().map((k) => this.podsByKey.get(k)!.pod);
    return this.sortedPods;
  }

  /** Pods with inter-pod affinity or anti-affinity, sorted by key. */
  get podsWithAffinity(): readonly Pod[] {
    this.sortedWithAffinity ??= sortedValues(this.withAffinity);
    return this.sortedWithAffinity;
  }

  /** Pods with required anti-affinity terms, sorted by key. */
  get podsWithRequiredAntiAffinity(): readonly Pod[] {
    this.sortedWithRequiredAnti ??= sortedValues(this.withRequiredAnti);
    return this.sortedWithRequiredAnti;
  }

  /**
   * How many pods of `namespace` on the node the selector matches, leaving out
   * terminating ones: the pods in every one of its matchLabels' buckets, checked
   * against matchExpressions when it has any (the same answer as `selectorMatches` on each pod).
   */
  countMatching(namespace: string, compiled: CompiledSelector): number {
    const byLabel = this.labelIndex.get(namespace);
    if (!byLabel) return 0;
    const { selector, keys, withExpressions } = compiled;
    let smallest: PodBucket | undefined = keys.length ? undefined : byLabel.get('');
    for (const bucketKey of keys) {
      const bucket = byLabel.get(bucketKey);
      if (!bucket) return 0;
      if (!smallest || bucket.size < smallest.size) smallest = bucket;
    }
    if (!smallest) return 0;
    let n = 0;
    for (const [key, pod] of smallest) {
      if (pod.metadata?.deletionTimestamp) continue;
      let inAll = true;
      for (const bucketKey of keys) {
        const bucket = byLabel.get(bucketKey)!;
        if (bucket !== smallest && !bucket.has(key)) {
          inAll = false;
          break;
        }
      }
      if (inAll && (!withExpressions || selectorMatches(selector, pod.metadata?.labels))) n++;
    }
    return n;
  }

  /** Every (namespace, label bucket) the node's pods hold. */
  forEachLabel(fn: (namespace: string, bucketKey: string) => void): void {
    for (const [ns, byLabel] of this.labelIndex) for (const bucketKey of byLabel.keys()) fn(ns, bucketKey);
  }

  /** Image name → size in bytes, from the node's status.images (kept until the node changes). */
  get imageSizes(): ReadonlyMap<string, number> {
    if (!this.images) {
      const out = new Map<string, number>();
      for (const image of this.currentNode.status?.images ?? []) {
        for (const name of image.names ?? []) out.set(name, image.sizeBytes ?? 0);
      }
      this.images = out;
    }
    return this.images;
  }

  /**
   * A plugin's data derived from this node and its pods, computed once and
   * kept until either changes.
   */
  derive<T>(key: string, compute: (info: NodeInfo) => T): T {
    const hit = this.derived.get(key);
    if (hit && hit.gen === this.gen) return hit.value as T;
    const value = compute(this);
    this.derived.set(key, { gen: this.gen, value });
    return value;
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
    const entry: PodEntry = { pod, requests: podRequests(pod), nonZero: podNonZeroRequests(pod) };
    this.podsByKey.set(key, entry);
    this.account(entry, 1);
    this.index(key, pod, true);
  }

  /** Stops counting a pod. */
  removePod(key: string): void {
    const entry = this.podsByKey.get(key);
    if (!entry) return;
    this.podsByKey.delete(key);
    this.account(entry, -1);
    this.index(key, entry.pod, false);
  }

  /** A copy with the same node and pods, for dry runs. */
  clone(pods?: Iterable<Pod>): NodeInfo {
    return new NodeInfo(this.currentNode, pods ?? [...this.podsByKey.values()].map((e) => e.pod));
  }

  private account(entry: PodEntry, sign: 1 | -1): void {
    const req = entry.requests;
    this.requested.milliCpu += sign * req.milliCpu;
    this.requested.memory += sign * req.memory;
    this.requested.ephemeralStorage += sign * req.ephemeralStorage;
    for (const name in req.scalar) {
      this.requested.scalar[name] = (this.requested.scalar[name] ?? 0) + sign * req.scalar[name];
    }
    this.nonZeroRequested.milliCpu += sign * entry.nonZero.milliCpu;
    this.nonZeroRequested.memory += sign * entry.nonZero.memory;
  }

  private index(key: string, pod: Pod, add: boolean): void {
    this.gen++;
    this.sortedPods = undefined;
    if (hasPodAffinity(pod)) {
      if (add) this.withAffinity.set(key, pod);
      else this.withAffinity.delete(key);
      this.sortedWithAffinity = undefined;
    }
    if (hasRequiredAntiAffinity(pod)) {
      if (add) this.withRequiredAnti.set(key, pod);
      else this.withRequiredAnti.delete(key);
      this.sortedWithRequiredAnti = undefined;
    }
    const ns = pod.metadata?.namespace ?? 'default';
    let byLabel = this.labelIndex.get(ns);
    if (!byLabel) {
      if (!add) return;
      byLabel = new Map();
      this.labelIndex.set(ns, byLabel);
    }
    const labels = pod.metadata?.labels ?? {};
    const touch = (bucketKey: string) => {
      let bucket = byLabel.get(bucketKey);
      if (add) {
        if (!bucket) {
          byLabel.set(bucketKey, (bucket = new Map()));
          this.observer?.labelAppeared(this, ns, bucketKey);
        }
        bucket.set(key, pod);
      } else if (bucket) {
        bucket.delete(key);
        if (bucket.size === 0) {
          byLabel.delete(bucketKey);
          this.observer?.labelGone(this, ns, bucketKey);
        }
      }
    };
    touch('');
    for (const k of Object.keys(labels)) touch(labelBucketKey(k, labels[k]));
    if (byLabel.size === 0) this.labelIndex.delete(ns);
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
