/**
 * The ReplicaSet controller (reference §3.1): keeps `spec.replicas` active pods
 * that match the selector, adopting orphans, releasing pods that stop matching,
 * creating in slow-start batches and deleting the best-ranked surplus.
 */
import { Controller, type ReconcileResult } from '../../system/controller';
import type { ComponentContext, Process } from '../../system/component';
import { clone } from '../../apiserver/apiserver';
import { namespacedName, type KubeObject, type ReplicaSet } from '../../api/types';
import { selectorMatches } from '../../api/selectors';
import { rfc3339 } from '../../core/time';
import { CONTROLLER_UID_INDEX, ORPHAN_INDEX, type Informer } from '../../client/informer';
import { controllerRefOf, isControlledBy, newControllerRef } from '../util/owners';
import { isPodActive, isPodAvailable, isPodReady, podReadySince } from '../util/pods';
import { Expectations } from '../util/expectations';
import { removeCondition, setCondition, type StatusCondition } from '../util/conditions';
import { writeStatusIfChanged } from '../util/status';
import { rankPodsForDeletion } from './ranking';

/** Most pods created or deleted in one sync (burstReplicas). */
export const BURST_REPLICAS = 500;

/** Reconciles ReplicaSets against their pods. */
export class ReplicaSetController extends Controller {
  private readonly pods: Informer;
  private readonly replicaSets: Informer;
  /** Pods created or deleted but not yet seen through the watch. */
  readonly expectations: Expectations;

  constructor(ctx: ComponentContext, process?: Process) {
    super('controller/replicaset', ctx, 'replicaset-controller', process);
    this.expectations = new Expectations(ctx.clock);
    this.replicaSets = this.process.informers.forKind('ReplicaSet');
    this.pods = this.process.informers.forKind('Pod');
    // Owned pods and orphans by index, so a sync costs the ReplicaSet's pods, not the namespace's.
    this.pods.addIndexer(CONTROLLER_UID_INDEX);
    this.pods.addIndexer(ORPHAN_INDEX);
    this.replicaSets.addIndexer(CONTROLLER_UID_INDEX);
    this.replicaSets.addHandlers({
      add: (rs) => this.queue.add(namespacedName(rs)),
      update: (_old, rs) => this.queue.add(namespacedName(rs)),
      delete: (rs) => {
        this.expectations.clear(namespacedName(rs));
        this.queue.add(namespacedName(rs));
      },
    });
    this.pods.addHandlers({
      add: (pod) => {
        this.expectations.observeCreate(namespacedName(pod));
        if (pod.metadata.deletionTimestamp) this.expectations.observeDelete(namespacedName(pod));
        this.enqueueFor(pod);
      },
      update: (old, pod) => {
        if (pod.metadata.deletionTimestamp && !old.metadata.deletionTimestamp) this.expectations.observeDelete(namespacedName(pod));
        // A pod whose labels or owner changed may concern its old ReplicaSet too.
        this.enqueueFor(old);
        this.enqueueFor(pod);
      },
      delete: (pod) => {
        this.expectations.observeDelete(namespacedName(pod));
        this.enqueueFor(pod);
      },
    });
  }

  /** Enqueues the pod's controlling ReplicaSet, or every ReplicaSet that could adopt it. */
  private enqueueFor(pod: KubeObject): void {
    const ref = controllerRefOf(pod);
    const ns = pod.metadata.namespace!;
    if (ref) {
      if (ref.kind === 'ReplicaSet') this.queue.add(`${ns}/${ref.name}`);
      return;
    }
    for (const rs of this.replicaSets.list(ns)) {
      if (selectorMatches(rs.spec?.selector, pod.metadata.labels)) this.queue.add(namespacedName(rs));
    }
  }

  reconcile(key: string): ReconcileResult | void {
    const rs = this.replicaSets.get(key) as ReplicaSet & KubeObject | undefined;
    if (!rs) {
      this.expectations.clear(key);
      return;
    }
    const pods = this.claimPods(rs);
    const active = pods.filter(isPodActive);
    let failure: string | undefined;
    if (this.expectations.satisfied(key) && !rs.metadata.deletionTimestamp) {
      failure = this.manageReplicas(rs, key, active);
    }
    return this.updateStatus(rs, active, failure);
  }

  /** Adopts matching orphans and releases owned pods that no longer match; returns the pods it owns. */
  private claimPods(rs: KubeObject): KubeObject[] {
    const owned: KubeObject[] = [];
    const uid = rs.metadata.uid!;
    // Pods controlled by someone else are never claimed: only own pods and orphans can matter.
    const candidates = this.pods.byIndexes([
      [CONTROLLER_UID_INDEX, uid],
      [ORPHAN_INDEX, rs.metadata.namespace!],
    ]);
    for (const pod of candidates) {
      const matches = selectorMatches(rs.spec?.selector, pod.metadata.labels);
      const ref = controllerRefOf(pod);
      if (ref) {
        if (ref.uid !== uid) continue;
        if (matches) owned.push(pod);
        else if (!rs.metadata.deletionTimestamp) this.release(pod, uid);
        continue;
      }
      if (!matches || pod.metadata.deletionTimestamp || rs.metadata.deletionTimestamp) continue;
      const adopted = this.adopt(pod, rs);
      if (adopted) owned.push(adopted);
    }
    return owned;
  }

  private adopt(pod: KubeObject, rs: KubeObject): KubeObject | undefined {
    const next = clone(pod);
    next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), newControllerRef(rs)];
    return this.ctx.api.update(next);
  }

  private release(pod: KubeObject, uid: string): void {
    const next = clone(pod);
    next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
    this.ctx.api.update(next);
  }

  /** Creates or deletes pods to reach spec.replicas; returns a create error message, if any. */
  private manageReplicas(rs: KubeObject, key: string, active: KubeObject[]): string | undefined {
    const want = rs.spec?.replicas ?? 1;
    const diff = active.length - want;
    if (diff < 0) return this.createPods(rs, key, Math.min(-diff, BURST_REPLICAS));
    if (diff > 0) this.deletePods(rs, key, active, Math.min(diff, BURST_REPLICAS));
    return undefined;
  }

  /** Slow start: batches of 1, 2, 4... and stop after a batch with a failure. */
  private createPods(rs: KubeObject, key: string, count: number): string | undefined {
    let remaining = count;
    for (let batch = 1; remaining > 0; batch *= 2) {
      const size = Math.min(batch, remaining);
      let failure: string | undefined;
      for (let i = 0; i < size; i++) {
        try {
          const pod = this.ctx.api.create(this.podFromTemplate(rs));
          this.expectations.expectCreate(key, namespacedName(pod));
          this.recorder.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
        } catch (err) {
          failure = (err as Error).message;
          this.recorder.record(rs, 'Warning', 'FailedCreate', `Error creating: ${failure}`);
        }
      }
      if (failure !== undefined) return failure;
      remaining -= size;
    }
    return undefined;
  }

  private podFromTemplate(rs: KubeObject): KubeObject {
    const template = rs.spec?.template ?? {};
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: '',
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}) },
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [newControllerRef(rs)],
      },
      spec: clone(template.spec ?? {}),
    };
  }

  private deletePods(rs: KubeObject, key: string, active: KubeObject[], count: number): void {
    const rank = this.siblingRank(rs);
    const victims = rankPodsForDeletion(this.ctx.clock, active, rank).slice(0, count);
    for (const pod of victims) {
      this.expectations.expectDelete(key, namespacedName(pod));
      try {
        this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { uid: pod.metadata.uid });
        this.recorder.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      } catch (err) {
        this.expectations.observeDelete(namespacedName(pod));
        this.recorder.record(rs, 'Warning', 'FailedDelete', `Error deleting: ${(err as Error).message}`);
      }
    }
  }

  /** Per pod: active pods of related ReplicaSets (same Deployment) on the same node. */
  private siblingRank(rs: KubeObject): (pod: KubeObject) => number {
    const owner = controllerRefOf(rs)?.uid;
    const related = new Set<string>([rs.metadata.uid!]);
    if (owner) for (const other of this.replicaSets.byIndex(CONTROLLER_UID_INDEX, owner)) if (isControlledBy(other, owner)) related.add(other.metadata.uid!);
    const perNode = new Map<string, number>();
    for (const pod of this.pods.byIndexes([...related].map((u) => [CONTROLLER_UID_INDEX, u] as const))) {
      if (pod.metadata.namespace !== rs.metadata.namespace || !isPodActive(pod) || !pod.spec?.nodeName) continue;
      perNode.set(pod.spec.nodeName, (perNode.get(pod.spec.nodeName) ?? 0) + 1);
    }
    return (pod) => (pod.spec?.nodeName ? perNode.get(pod.spec.nodeName) ?? 0 : 0);
  }

  private updateStatus(rs: KubeObject, active: KubeObject[], failure: string | undefined): ReconcileResult | void {
    const clock = this.ctx.clock;
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const templateLabels: Record<string, string> = rs.spec?.template?.metadata?.labels ?? {};
    const labelEntries = Object.entries(templateLabels);
    const fullyLabeled = active.filter((p) => labelEntries.every(([k, v]) => p.metadata.labels?.[k] === v));
    const ready = active.filter(isPodReady);
    const available = active.filter((p) => isPodAvailable(clock, p, minReady));
    let conditions: StatusCondition[] = rs.status?.conditions ?? [];
    if (failure !== undefined) {
      conditions = setCondition(conditions, { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failure }, rfc3339(clock));
    } else if (conditions.some((c) => c.type === 'ReplicaFailure')) {
      conditions = removeCondition(conditions, 'ReplicaFailure');
    }
    const status: Record<string, unknown> = {
      replicas: active.length,
      fullyLabeledReplicas: fullyLabeled.length,
      readyReplicas: ready.length,
      availableReplicas: available.length,
      observedGeneration: rs.metadata.generation,
    };
    if (conditions.length) status.conditions = conditions;
    // Kubernetes omits zero counts (omitempty), except replicas.
    for (const f of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (status[f] === 0) delete status[f];
    writeStatusIfChanged(this.ctx.api, rs, status);
    // Look again when a ready pod crosses minReadySeconds.
    if (minReady > 0 && available.length < ready.length) {
      const soonest = Math.min(...ready.map((p) => (podReadySince(clock, p) ?? 0) + minReady * 1000));
      return { requeueAfter: Math.max(1, soonest - clock.now()) };
    }
  }
}

