/**
 * Informer: a list+watch cache of one kind, as client-go's shared informer.
 * Watch events reach the cache and the handlers through the virtual clock after
 * a small latency (drawn from the seeded RNG, never reordering events), so
 * components see the cluster with real, eventual consistency.
 */
import type { VirtualClock } from '../core/clock';
import type { Rng } from '../core/rng';
import type { ApiServer } from '../apiserver/apiserver';
import type { StoreChange } from '../store/store';
import type { KubeObject } from '../api/types';

/** Callbacks for cache changes. Handlers only enqueue keys; they never mutate the objects. */
export interface InformerHandlers<T extends KubeObject> {
  add?(obj: T): void;
  update?(oldObj: T, newObj: T): void;
  delete?(obj: T): void;
}

/** Computes the index values of an object (client-go's IndexFunc); [] leaves it out of the index. */
export type IndexFunc<T extends KubeObject = KubeObject> = (obj: T) => readonly string[];

/** Index by namespace (client-go's NamespaceIndex); every informer has it, list(namespace) uses it. */
export const NAMESPACE_INDEX = 'namespace';
/** Index by the uid of the controlling owner reference (as controllers look up what they own). */
export const CONTROLLER_UID_INDEX = 'controller-uid';
/** Index of objects without a controller, by namespace: the orphans a controller may adopt. */
export const ORPHAN_INDEX = 'orphan-namespace';
/** Index by the uid of every owner reference (as the garbage collector's graph has it). */
export const OWNER_UID_INDEX = 'owner-uid';
/** Index of pods by spec.nodeName. */
export const NODE_NAME_INDEX = 'spec.nodeName';

/** The index functions of the indexes above. */
export const STANDARD_INDEXERS: Record<string, IndexFunc> = {
  [NAMESPACE_INDEX]: (obj) => (obj.metadata.namespace ? [obj.metadata.namespace] : []),
  [CONTROLLER_UID_INDEX]: (obj) => {
    const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
    return ref ? [ref.uid] : [];
  },
  [ORPHAN_INDEX]: (obj) => (obj.metadata.ownerReferences?.some((r) => r.controller) ? [] : [obj.metadata.namespace ?? '']),
  [OWNER_UID_INDEX]: (obj) => (obj.metadata.ownerReferences ?? []).map((r) => r.uid),
  [NODE_NAME_INDEX]: (obj) => (obj.spec?.nodeName ? [obj.spec.nodeName] : []),
};

/** One index: value → keys, with each bucket's sorted keys cached until the bucket changes. */
class Index<T extends KubeObject> {
  private buckets = new Map<string, Set<string>>();
  private sorted = new Map<string, string[]>();

  constructor(readonly fn: IndexFunc<T>) {}

  /** Moves `key` from the buckets of `old` to those of `obj` (either may be undefined). */
  update(key: string, old: T | undefined, obj: T | undefined): void {
    const before = old ? this.fn(old) : NONE;
    const after = obj ? this.fn(obj) : NONE;
    // Most updates leave index values alone (a status write): nothing to do.
    if (before.length === after.length && before.every((v, i) => v === after[i])) return;
    for (const v of before) {
      if (after.includes(v)) continue;
      const bucket = this.buckets.get(v);
      bucket?.delete(key);
      if (bucket?.size === 0) this.buckets.delete(v);
      this.sorted.delete(v);
    }
    for (const v of after) {
      if (before.includes(v)) continue;
      let bucket = this.buckets.get(v);
      if (!bucket) this.buckets.set(v, (bucket = new Set()));
      bucket.add(key);
      this.sorted.delete(v);
    }
  }

  /** Keys with index value `value`, sorted. */
  keys(value: string): readonly string[] {
    let keys = this.sorted.get(value);
    if (!keys) {
      keys = [...(this.buckets.get(value) ?? [])].sort();
      this.sorted.set(value, keys);
    }
    return keys;
  }

  clear(): void {
    this.buckets.clear();
    this.sorted.clear();
  }
}

const NONE: readonly string[] = [];

/** Watch delivery latency, in virtual ms: a few milliseconds, as on a healthy control plane. */
const MIN_LATENCY_MS = 2;
const MAX_LATENCY_MS = 12;

/** A cache of one kind, kept up to date by a watch. */
export class Informer<T extends KubeObject = KubeObject> {
  private cache = new Map<string, T>();
  /** Cached keys in sorted order; rebuilt only when a key is added or removed, since list() is hot. */
  private sortedKeys?: string[];
  private handlers: InformerHandlers<T>[] = [];
  private indexes = new Map<string, Index<T>>([[NAMESPACE_INDEX, new Index<T>(STANDARD_INDEXERS[NAMESPACE_INDEX])]]);
  private lastDeliveryAt = 0;
  private stopWatch?: () => void;
  private pending = new Set<number>();
  /** Keys whose latest version passed the filter, as the server's field-selector watch tracks them. */
  private selected = new Set<string>();

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
    readonly kind: string,
    /** Only objects passing this filter are cached (a field selector, e.g. a kubelet's own pods). */
    private readonly filter: (obj: T) => boolean = () => true,
    /** For a pod informer whose filter is spec.nodeName=<node>: lets the server skip other nodes' pods. */
    private readonly watchNodeName?: string,
  ) {}

  /** Registers handlers; they are called for changes after registration. */
  addHandlers(handlers: InformerHandlers<T>): void {
    this.handlers.push(handlers);
  }

  /**
   * Adds an index (client-go's AddIndexers) so lookups by it cost the size of the
   * answer, not of the cache. Adding a name that exists keeps the first, since
   * components of one process share the informer.
   */
  addIndexer(name: string, fn: IndexFunc<T> = STANDARD_INDEXERS[name] as IndexFunc<T>): void {
    if (this.indexes.has(name)) return;
    const index = new Index<T>(fn);
    for (const [key, obj] of this.cache) index.update(key, undefined, obj);
    this.indexes.set(name, index);
  }

  /** Cached objects whose index `name` has `value`, sorted by key (client-go's ByIndex). */
  byIndex(name: string, value: string): T[] {
    const index = this.indexes.get(name);
    if (!index) throw new Error(`informer ${this.kind} has no index ${name}`);
    return index.keys(value).map((k) => this.cache.get(k)!);
  }

  /** Cached objects found by any of the `[index, value]` lookups, without repeats, sorted by key. */
  byIndexes(lookups: readonly (readonly [string, string])[]): T[] {
    const found: (readonly string[])[] = [];
    for (const [name, value] of lookups) {
      const index = this.indexes.get(name);
      if (!index) throw new Error(`informer ${this.kind} has no index ${name}`);
      const keys = index.keys(value);
      if (keys.length) found.push(keys);
    }
    // Usually one lookup finds anything (a controller's own objects, no orphans): no merge needed.
    if (found.length <= 1) return (found[0] ?? []).map((k) => this.cache.get(k)!);
    return [...new Set(found.flat())].sort().map((k) => this.cache.get(k)!);
  }

  /** Lists the current state into the cache and starts watching from the list's revision. */
  start(): void {
    if (this.stopWatch) return;
    const { items, resourceVersion } = this.api.list<T>(this.kind);
    this.cache.clear();
    this.sortedKeys = undefined;
    this.selected.clear();
    for (const index of this.indexes.values()) index.clear();
    for (const obj of items) {
      if (!this.filter(obj)) continue;
      const key = this.keyFor(obj);
      this.selected.add(key);
      this.cache.set(key, obj);
      for (const index of this.indexes.values()) index.update(key, undefined, obj);
      for (const h of this.handlers) h.add?.(obj);
    }
    this.stopWatch = this.api.watch(this.kind, Number(resourceVersion), (change) => this.deliverLater(change), { nodeName: this.watchNodeName });
  }

  /** Stops the watch; the cache keeps what it had (a dead process's memory is discarded by its owner). */
  stop(): void {
    this.stopWatch?.();
    this.stopWatch = undefined;
    for (const id of this.pending) this.clock.cancel(id);
    this.pending.clear();
  }

  /** The cached object for `namespace/name` (or `name`). */
  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  /** Cached objects, sorted by key, optionally in one namespace. */
  list(namespace?: string): T[] {
    if (namespace !== undefined) return this.byIndex(NAMESPACE_INDEX, namespace);
    this.sortedKeys ??= [...this.cache.keys()].sort();
    return this.sortedKeys.map((k) => this.cache.get(k)!);
  }

  /** Number of cached objects. */
  get size(): number {
    return this.cache.size;
  }

  private keyFor(obj: KubeObject): string {
    return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;
  }

  private deliverLater(change: StoreChange): void {
    // Like a field-selector watch, the server sends nothing about objects that never matched.
    const key = this.keyFor(change.object);
    const matches = change.type !== 'DELETED' && this.filter(change.object as T);
    if (!matches && !this.selected.has(key)) return;
    if (matches) this.selected.add(key);
    else this.selected.delete(key);
    const latency = this.rng.between(MIN_LATENCY_MS, MAX_LATENCY_MS);
    const at = Math.max(this.lastDeliveryAt, this.clock.now() + latency);
    this.lastDeliveryAt = at;
    const id = this.clock.schedule(at - this.clock.now(), () => {
      this.pending.delete(id);
      this.apply(change);
    });
    this.pending.add(id);
  }

  private apply(change: StoreChange): void {
    const obj = change.object as T;
    const key = this.keyFor(obj);
    const old = this.cache.get(key);
    const matches = change.type !== 'DELETED' && this.filter(obj);
    if (matches) {
      if (!old) this.sortedKeys = undefined;
      this.cache.set(key, obj);
      for (const index of this.indexes.values()) index.update(key, old, obj);
      if (old) for (const h of this.handlers) h.update?.(old, obj);
      else for (const h of this.handlers) h.add?.(obj);
    } else if (old) {
      this.cache.delete(key);
      this.sortedKeys = undefined;
      for (const index of this.indexes.values()) index.update(key, old, undefined);
      for (const h of this.handlers) h.delete?.(change.type === 'DELETED' ? obj : old);
    }
  }
}

/** One informer per kind, shared by the components of one process (as client-go's factory). */
export class InformerFactory {
  private informers = new Map<string, Informer>();

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
  ) {}

  /** The shared informer for `kind`, created on first use. */
  forKind<T extends KubeObject = KubeObject>(kind: string): Informer<T> {
    let inf = this.informers.get(kind);
    if (!inf) this.informers.set(kind, (inf = new Informer(this.api, this.clock, this.rng, kind)));
    return inf as unknown as Informer<T>;
  }

  /** Starts every informer created so far. */
  startAll(): void {
    for (const kind of [...this.informers.keys()].sort()) this.informers.get(kind)!.start();
  }

  /** Stops every informer. */
  stopAll(): void {
    for (const inf of this.informers.values()) inf.stop();
  }
}
