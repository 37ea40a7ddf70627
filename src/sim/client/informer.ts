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

/** Watch delivery latency, in virtual ms: a few milliseconds, as on a healthy control plane. */
const MIN_LATENCY_MS = 2;
const MAX_LATENCY_MS = 12;

/** A cache of one kind, kept up to date by a watch. */
export class Informer<T extends KubeObject = KubeObject> {
  private cache = new Map<string, T>();
  /** Cached keys in sorted order; rebuilt only when a key is added or removed, since list() is hot. */
  private sortedKeys?: string[];
  private handlers: InformerHandlers<T>[] = [];
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
  ) {}

  /** Registers handlers; they are called for changes after registration. */
  addHandlers(handlers: InformerHandlers<T>): void {
    this.handlers.push(handlers);
  }

  /** Lists the current state into the cache and starts watching from the list's revision. */
  start(): void {
    if (this.stopWatch) return;
    const { items, resourceVersion } = this.api.list<T>(this.kind);
    this.cache.clear();
    this.sortedKeys = undefined;
    this.selected.clear();
    for (const obj of items) {
      if (!this.filter(obj)) continue;
      this.selected.add(this.keyFor(obj));
      this.cache.set(this.keyFor(obj), obj);
      for (const h of this.handlers) h.add?.(obj);
    }
    this.stopWatch = this.api.watch(this.kind, Number(resourceVersion), (change) => this.deliverLater(change));
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
    this.sortedKeys ??= [...this.cache.keys()].sort();
    const out: T[] = [];
    for (const k of this.sortedKeys) {
      const obj = this.cache.get(k)!;
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj);
    }
    return out;
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
      if (old) for (const h of this.handlers) h.update?.(old, obj);
      else for (const h of this.handlers) h.add?.(obj);
    } else if (old) {
      this.cache.delete(key);
      this.sortedKeys = undefined;
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
