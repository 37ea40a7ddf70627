/**
 * The namespace controller (reference §3.11): a namespace being deleted
 * (Terminating) is emptied of every namespaced object, pods gracefully; its
 * conditions say what remains; once nothing does, `kubernetes` is removed from
 * spec.finalizers and the namespace disappears.
 */
import { Controller, type ReconcileResult } from '../../system/controller';
import type { ComponentContext, Process } from '../../system/component';
import { clone } from '../../apiserver/apiserver';
import { isReason } from '../../apiserver/errors';
import { allResources } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { rfc3339 } from '../../core/time';
import type { Informer } from '../../client/informer';
import { setCondition, type StatusCondition } from '../util/conditions';
import { writeStatusIfChanged } from '../util/status';

/** How soon a namespace with content left (terminating pods) is looked at again. */
export const RECHECK_MS = 5_000;

function isTerminating(ns: KubeObject | undefined): boolean {
  return !!ns && (!!ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating');
}

/** Empties and finalizes terminating namespaces. */
export class NamespaceController extends Controller {
  private readonly namespaces: Informer;

  constructor(ctx: ComponentContext, process?: Process) {
    super('controller/namespace', ctx, 'namespace-controller', process);
    this.namespaces = this.process.informers.forKind('Namespace');
    this.namespaces.addHandlers({
      add: (ns) => isTerminating(ns) && this.queue.add(ns.metadata.name),
      update: (_o, ns) => isTerminating(ns) && this.queue.add(ns.metadata.name),
    });
    // A pod finishing its termination may be the last thing keeping a namespace.
    this.process.informers.forKind('Pod').addHandlers({
      delete: (pod) => isTerminating(this.namespaces.get(pod.metadata.namespace!)) && this.queue.add(pod.metadata.namespace!),
    });
  }

  reconcile(name: string): ReconcileResult | void {
    const ns = this.ctx.api.tryGet('Namespace', '', name);
    if (!isTerminating(ns)) return;
    const remaining: string[] = [];
    for (const info of allResources()) {
      if (!info.namespaced) continue;
      for (const obj of this.ctx.api.list(info.kind, name).items) {
        if (obj.metadata.deletionTimestamp) continue;
        try {
          this.ctx.api.delete(info.kind, name, obj.metadata.name, { uid: obj.metadata.uid, propagationPolicy: 'Background' });
        } catch (err) {
          if (!isReason(err, 'NotFound') && !isReason(err, 'Conflict')) throw err;
        }
      }
      const left = this.ctx.api.list(info.kind, name).items.length;
      if (left) remaining.push(`${info.resource}.${info.group} has ${left} resource instances`);
    }
    const current = this.ctx.api.get('Namespace', '', name);
    if (remaining.length === 0) {
      const next = clone(current);
      next.spec = { ...(next.spec ?? {}), finalizers: (next.spec?.finalizers ?? []).filter((f: string) => f !== 'kubernetes') };
      this.ctx.api.update(next);
      return;
    }
    writeStatusIfChanged(this.ctx.api, current, { ...(current.status ?? {}), phase: 'Terminating', conditions: this.conditions(current, remaining) });
    return { requeueAfter: RECHECK_MS };
  }

  private conditions(ns: KubeObject, remaining: string[]): StatusCondition[] {
    const now = rfc3339(this.ctx.clock);
    let c: StatusCondition[] = ns.status?.conditions ?? [];
    c = setCondition(c, { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' }, now);
    c = setCondition(c, { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' }, now);
    c = setCondition(c, { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' }, now);
    c = setCondition(c, { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${remaining.join(', ')}` }, now);
    c = setCondition(c, { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' }, now);
    return c;
  }
}
