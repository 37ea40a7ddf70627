/**
 * The versioned object store: the etcd of the simulated cluster (reference §1.1).
 * One global revision counter; every write bumps it and stamps the object's
 * resourceVersion. Objects are frozen: nobody mutates what the store holds.
 * Only the API server writes here.
 */
import { freeze } from 'immer';
import { keyOf, objectKey, type KubeObject } from '../api/types';

/** The kind of change a watch reports. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change to the store, at revision `rv`. */
export interface StoreChange {
  type: WatchEventType;
  rv: number;
  object: KubeObject;
}

type Listener = (change: StoreChange) => void;

/**
 * What a subscriber wants to hear about: one kind, and for pods optionally only
 * those bound to one node (the watch cache's spec.nodeName index, which keeps
 * a thousand kubelets' watches from each looking at every pod change).
 */
export interface WatchFilter {
  kind?: string;
  /** With kind Pod: changes of pods whose spec.nodeName is (or was) this node. */
  nodeName?: string;
}

interface Subscription {
  /** Subscription order: listeners are called in it, whatever index found them. */
  seq: number;
  fn: Listener;
}

/** How many changes the store keeps for late watchers and the UI's catch-up (older ones are compacted). */
const HISTORY_LIMIT = 50_000;
/** History is compacted in steps of this many changes, so a write never moves the whole history. */
const COMPACT_STEP = 5_000;

function nodeNameOf(obj: KubeObject | undefined): string | undefined {
  return obj?.spec?.nodeName || undefined;
}


/** In-memory, versioned object store with watch from a revision. */
export class ObjectStore {
  private revision = 0;
  private objects = new Map<string, KubeObject>();
  private byKind = new Map<string, Set<string>>();
  /** Sorted keys per kind, rebuilt only after a key of that kind was added or removed. */
  private sortedByKind = new Map<string, string[]>();
  private history: StoreChange[] = [];
  private subSeq = 0;
  private allListeners: Subscription[] = [];
  private kindListeners = new Map<string, Subscription[]>();
  /** kind → nodeName → subscriptions. */
  private nodeListeners = new Map<string, Map<string, Subscription[]>>();

  /** The current global revision. */
  get resourceVersion(): number {
    return this.revision;
  }

  /** The stored object, or undefined. */
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(objectKey(kind, namespace, name));
  }

  /** Every object of `kind` (in `namespace` when given), sorted by namespace then name. */
  list(kind: string, namespace?: string): KubeObject[] {
    let keys = this.sortedByKind.get(kind);
    if (!keys) this.sortedByKind.set(kind, (keys = [...(this.byKind.get(kind) ?? [])].sort()));
    const out: KubeObject[] = [];
    for (const k of keys) {
      const obj = this.objects.get(k)!;
      if (namespace === undefined || (obj.metadata.namespace ?? '') === namespace) out.push(obj);
    }
    return out;
  }

  /** Stores a new object (the caller checked it does not exist) and returns it as stored. */
  insert(obj: KubeObject): KubeObject {
    return this.write('ADDED', obj);
  }

  /** Replaces an existing object and returns it as stored. */
  replace(obj: KubeObject): KubeObject {
    return this.write('MODIFIED', obj);
  }

  /** Removes an object; the DELETED change carries it with the delete's revision. */
  remove(obj: KubeObject): KubeObject {
    return this.write('DELETED', obj);
  }

  /** Changes after revision `rv` still in history, or undefined when `rv` is compacted away. */
  changesSince(rv: number): StoreChange[] | undefined {
    if (rv >= this.revision) return [];
    const first = this.history[0];
    if (!first || first.rv > rv + 1) return undefined;
    return this.history.slice(rv + 1 - first.rv);
  }

  /**
   * Calls `listener` for every future change (passing `filter`, if given);
   * returns the unsubscribe function. Listeners run in subscription order.
   */
  subscribe(listener: Listener, filter: WatchFilter = {}): () => void {
    const sub: Subscription = { seq: this.subSeq++, fn: listener };
    // Lists are replaced, never changed in place, so a dispatch in progress keeps its snapshot.
    let get: () => Subscription[];
    let set: (list: Subscription[]) => void;
    const { kind, nodeName } = filter;
    if (kind === undefined) {
      get = () => this.allListeners;
      set = (list) => (this.allListeners = list);
    } else if (nodeName === undefined) {
      get = () => this.kindListeners.get(kind) ?? [];
      set = (list) => this.kindListeners.set(kind, list);
    } else {
      let byNode = this.nodeListeners.get(kind);
      if (!byNode) this.nodeListeners.set(kind, (byNode = new Map()));
      const nodes = byNode;
      get = () => nodes.get(nodeName) ?? [];
      set = (list) => (list.length ? nodes.set(nodeName, list) : nodes.delete(nodeName));
    }
    set([...get(), sub]);
    return () => set(get().filter((s) => s !== sub));
  }

  /** The subscriptions a change concerns, in subscription order. */
  private listenersFor(kind: string, old: KubeObject | undefined, obj: KubeObject): Subscription[] {
    const all = this.allListeners;
    const ofKind = this.kindListeners.get(kind);
    let subs: Subscription[] = ofKind?.length ? (all.length ? [...all, ...ofKind] : ofKind) : all;
    const byNode = this.nodeListeners.get(kind);
    if (byNode) {
      const now = nodeNameOf(obj);
      const before = nodeNameOf(old);
      const a = now === undefined ? undefined : byNode.get(now);
      const b = before === undefined || before === now ? undefined : byNode.get(before);
      if (a?.length || b?.length) subs = [...subs, ...(a ?? []), ...(b ?? [])];
    }
    // Lists were concatenated from different indexes: restore subscription order.
    if (subs !== all && subs !== ofKind) subs.sort((x, y) => x.seq - y.seq);
    return subs;
  }

  private write(type: WatchEventType, obj: KubeObject): KubeObject {
    const rv = ++this.revision;
    const stored = freeze({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } }, true) as KubeObject;
    const key = keyOf(stored);
    const old = this.objects.get(key);
    if (type === 'DELETED') {
      this.objects.delete(key);
      this.byKind.get(stored.kind)?.delete(key);
      this.sortedByKind.delete(stored.kind);
    } else {
      this.objects.set(key, stored);
      let keys = this.byKind.get(stored.kind);
      if (!keys) this.byKind.set(stored.kind, (keys = new Set()));
      if (!old) {
        keys.add(key);
        this.sortedByKind.delete(stored.kind);
      }
    }
    const change: StoreChange = { type, rv, object: stored };
    this.history.push(change);
    if (this.history.length > HISTORY_LIMIT + COMPACT_STEP) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    for (const sub of this.listenersFor(stored.kind, old, stored)) sub.fn(change);
    return stored;
  }
}
