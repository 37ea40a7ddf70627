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

/** How many changes the store keeps for late watchers and the UI's catch-up (older ones are compacted). */
const HISTORY_LIMIT = 50_000;

/** In-memory, versioned object store with watch from a revision. */
export class ObjectStore {
  private revision = 0;
  private objects = new Map<string, KubeObject>();
  private byKind = new Map<string, Set<string>>();
  private history: StoreChange[] = [];
  private listeners = new Set<Listener>();

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
    const keys = [...(this.byKind.get(kind) ?? [])].sort();
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

  /** Calls `listener` for every future change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(type: WatchEventType, obj: KubeObject): KubeObject {
    const rv = ++this.revision;
    const stored = freeze({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } }, true) as KubeObject;
    const key = keyOf(stored);
    if (type === 'DELETED') {
      this.objects.delete(key);
      this.byKind.get(stored.kind)?.delete(key);
    } else {
      this.objects.set(key, stored);
      let keys = this.byKind.get(stored.kind);
      if (!keys) this.byKind.set(stored.kind, (keys = new Set()));
      keys.add(key);
    }
    const change: StoreChange = { type, rv, object: stored };
    this.history.push(change);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    for (const l of this.listeners) l(change);
    return stored;
  }
}
