/**
 * The garbage collector (reference §1.7, §3.10): follows owner references by
 * uid. Dependents whose owners are all gone are deleted (Background); a
 * Foreground-deleted owner waits, with its `foregroundDeletion` finalizer, until
 * its blocking dependents are gone; an Orphan-deleted owner first lets go of its
 * dependents and then loses its `orphan` finalizer.
 */
import { Controller } from '../../system/controller';
import type { ComponentContext, Process } from '../../system/component';
import { clone } from '../../apiserver/apiserver';
import { isReason } from '../../apiserver/errors';
import { resourceForKind } from '../../api/resources';
import type { KubeObject, OwnerReference } from '../../api/types';
import { OWNER_UID_INDEX, type Informer } from '../../client/informer';
import { hasOwner } from '../util/owners';

/** The kinds whose owner references the collector follows. */
export const COLLECTED_KINDS = ['Deployment', 'ReplicaSet', 'Pod'] as const;
const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';
const DEPENDENT = 'dependent:';
const OWNER = 'owner:';

function ref(obj: KubeObject): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

function parseRef(s: string): { kind: string; namespace: string; name: string } {
  const [kind, namespace, ...rest] = s.split('/');
  return { kind, namespace, name: rest.join('/') };
}

/** Deletes dependents of vanished owners and runs the Foreground and Orphan finalizers. */
export class GarbageCollector extends Controller {
  private readonly informers: Informer[];

  constructor(ctx: ComponentContext, process?: Process) {
    super('controller/garbagecollector', ctx, 'garbage-collector-controller', process);
    this.informers = COLLECTED_KINDS.map((kind) => this.process.informers.forKind(kind));
    // The owner → dependents graph: a deleted owner finds its dependents without a scan.
    for (const inf of this.informers) inf.addIndexer(OWNER_UID_INDEX);
    for (const inf of this.informers) {
      inf.addHandlers({
        add: (obj) => this.observe(obj),
        update: (_old, obj) => this.observe(obj),
        delete: (obj) => {
          // Its dependents may now be orphans, and its owners may be waiting for it.
          for (const dep of this.dependentsInCache(obj.metadata.uid!)) this.queue.add(DEPENDENT + ref(dep));
          for (const owner of obj.metadata.ownerReferences ?? []) this.queue.add(`${OWNER}${owner.kind}/${obj.metadata.namespace ?? ''}/${owner.name}`);
        },
      });
    }
  }

  private observe(obj: KubeObject): void {
    if (obj.metadata.ownerReferences?.length) this.queue.add(DEPENDENT + ref(obj));
    const finalizers = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && (finalizers.includes(FOREGROUND) || finalizers.includes(ORPHAN))) this.queue.add(OWNER + ref(obj));
  }

  private dependentsInCache(uid: string): KubeObject[] {
    return this.informers.flatMap((inf) => inf.byIndex(OWNER_UID_INDEX, uid));
  }

  /** Dependents as the API has them now (the cache may lag behind a deletion). */
  private liveDependents(namespace: string, uid: string): KubeObject[] {
    return COLLECTED_KINDS.flatMap((kind) => this.ctx.api.list(kind, namespace).items.filter((o) => hasOwner(o, uid)));
  }

  reconcile(key: string): void {
    if (key.startsWith(DEPENDENT)) this.syncDependent(parseRef(key.slice(DEPENDENT.length)));
    else if (key.startsWith(OWNER)) this.syncOwner(parseRef(key.slice(OWNER.length)));
  }

  /** The live owner a reference points at, undefined when it is gone (or replaced under the same name). */
  private liveOwner(namespace: string, r: OwnerReference): KubeObject | undefined | 'unknown' {
    if (!resourceForKind(r.kind)) return 'unknown';
    const owner = this.ctx.api.tryGet(r.kind, namespace, r.name);
    return owner && owner.metadata.uid === r.uid ? owner : undefined;
  }

  private syncDependent(at: { kind: string; namespace: string; name: string }): void {
    const obj = this.ctx.api.tryGet(at.kind, at.namespace, at.name);
    if (!obj || obj.metadata.deletionTimestamp) return;
    const refs = obj.metadata.ownerReferences ?? [];
    if (!refs.length) return;
    const dangling: OwnerReference[] = [];
    let foregroundOwner = false;
    for (const r of refs) {
      const owner = this.liveOwner(at.namespace, r);
      if (owner === 'unknown') continue;
      if (!owner) dangling.push(r);
      else if (owner.metadata.deletionTimestamp && owner.metadata.finalizers?.includes(FOREGROUND)) foregroundOwner = true;
    }
    if (dangling.length === refs.length || foregroundOwner) {
      // Pods are always deleted in the background: their kubelet finishes the job.
      const policy = foregroundOwner && obj.kind !== 'Pod' ? 'Foreground' : 'Background';
      this.deleteQuietly(obj, policy);
    } else if (dangling.length) {
      const next = clone(obj);
      next.metadata.ownerReferences = refs.filter((r) => !dangling.includes(r));
      this.ctx.api.update(next);
    }
  }

  private syncOwner(at: { kind: string; namespace: string; name: string }): void {
    const owner = this.ctx.api.tryGet(at.kind, at.namespace, at.name);
    if (!owner?.metadata.deletionTimestamp) return;
    const uid = owner.metadata.uid!;
    const finalizers = owner.metadata.finalizers ?? [];
    const dependents = this.liveDependents(at.namespace, uid);
    if (finalizers.includes(ORPHAN)) {
      for (const dep of dependents) {
        const next = clone(dep);
        next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        this.ctx.api.update(next);
      }
      this.removeFinalizer(owner, ORPHAN);
      return;
    }
    if (finalizers.includes(FOREGROUND)) {
      for (const dep of dependents) if (!dep.metadata.deletionTimestamp) this.deleteQuietly(dep, dep.kind === 'Pod' ? 'Background' : 'Foreground');
      const blocking = this.liveDependents(at.namespace, uid).filter((d) => d.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion));
      if (blocking.length === 0) this.removeFinalizer(owner, FOREGROUND);
    }
  }

  private deleteQuietly(obj: KubeObject, policy: 'Background' | 'Foreground'): void {
    try {
      this.ctx.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, { uid: obj.metadata.uid, propagationPolicy: policy });
    } catch (err) {
      // Already gone, or replaced by a new object of the same name: nothing to collect.
      if (!isReason(err, 'NotFound') && !isReason(err, 'Conflict')) throw err;
    }
  }

  private removeFinalizer(owner: KubeObject, finalizer: string): void {
    const next = clone(owner);
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    this.ctx.api.update(next);
  }
}
