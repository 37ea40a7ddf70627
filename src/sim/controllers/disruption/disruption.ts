/**
 * The disruption controller (reference §2.7, PodDisruptionBudget): keeps each
 * PDB's status in step with the pods it selects. currentHealthy counts the ready
 * pods not being deleted; desiredHealthy comes from minAvailable, or from the
 * owning controllers' scale minus maxUnavailable; disruptionsAllowed is the
 * difference, floored at 0, with a DisruptionAllowed condition.
 */
import { Controller, type ReconcileResult } from '../../system/controller';
import type { ComponentContext, Process } from '../../system/component';
import { namespacedName, type KubeObject } from '../../api/types';
import { selectorMatches } from '../../api/selectors';
import { rfc3339 } from '../../core/time';
import type { Informer } from '../../client/informer';
import { controllerRefOf } from '../util/owners';
import { isPodReady } from '../util/pods';
import { setCondition, type StatusCondition } from '../util/conditions';
import { writeStatusIfChanged } from '../util/status';

/** The PDB condition type the controller maintains. */
export const DISRUPTION_ALLOWED = 'DisruptionAllowed';
/** Reason when at least one disruption is allowed. */
export const REASON_SUFFICIENT_PODS = 'SufficientPods';
/** Reason when no disruption is allowed. */
export const REASON_INSUFFICIENT_PODS = 'InsufficientPods';
/** Reason when the status could not be computed (no controller for a pod, say). */
export const REASON_SYNC_FAILED = 'SyncFailed';

/** The numbers a PDB's status reports. */
export interface PdbCounts {
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  disruptionsAllowed: number;
}

/** `n` or `p%` of `total`, rounded up (GetScaledValueFromIntOrPercent with roundUp). */
export function scaledValue(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  return Math.ceil((parseInt(value, 10) * total) / 100);
}

/** A pod that counts towards currentHealthy: ready and not being deleted. */
export function isHealthy(pod: KubeObject): boolean {
  return !pod.metadata.deletionTimestamp && isPodReady(pod);
}

/**
 * The PDB arithmetic. `expectedScale` is asked for only when the budget needs it
 * (maxUnavailable, or a percentage minAvailable); an int minAvailable expects
 * as many pods as match.
 */
export function computeCounts(spec: { minAvailable?: number | string; maxUnavailable?: number | string }, pods: KubeObject[], expectedScale: () => number): PdbCounts {
  let expectedPods = 0;
  let desiredHealthy = 0;
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    expectedPods = expectedScale();
    desiredHealthy = Math.max(0, expectedPods - scaledValue(spec.maxUnavailable, expectedPods));
  } else if (typeof spec.minAvailable === 'number') {
    desiredHealthy = spec.minAvailable;
    expectedPods = pods.length;
  } else if (typeof spec.minAvailable === 'string') {
    expectedPods = expectedScale();
    desiredHealthy = scaledValue(spec.minAvailable, expectedPods);
  }
  const currentHealthy = pods.filter(isHealthy).length;
  const diff = currentHealthy - desiredHealthy;
  // No expected pods, or not enough healthy ones: nothing may be disrupted.
  const disruptionsAllowed = expectedPods <= 0 || diff <= 0 ? 0 : diff;
  return { currentHealthy, desiredHealthy, expectedPods, disruptionsAllowed };
}

/** Thrown when the expected scale cannot be worked out; the PDB fails safe. */
class ScaleError extends Error {}

/** Reconciles PodDisruptionBudget status against the pods they select. */
export class DisruptionController extends Controller {
  private readonly pdbs: Informer;
  private readonly pods: Informer;
  private readonly replicaSets: Informer;
  private readonly deployments: Informer;

  constructor(ctx: ComponentContext, process?: Process) {
    super('controller/disruption', ctx, 'controllermanager', process);
    this.pdbs = this.process.informers.forKind('PodDisruptionBudget');
    this.pods = this.process.informers.forKind('Pod');
    this.replicaSets = this.process.informers.forKind('ReplicaSet');
    this.deployments = this.process.informers.forKind('Deployment');
    this.pdbs.addHandlers({
      add: (pdb) => this.queue.add(namespacedName(pdb)),
      update: (_old, pdb) => this.queue.add(namespacedName(pdb)),
    });
    this.pods.addHandlers({
      add: (pod) => this.enqueueFor(pod),
      // Labels may have changed: both the old and the new matches care.
      update: (old, pod) => {
        this.enqueueFor(old);
        this.enqueueFor(pod);
      },
      delete: (pod) => this.enqueueFor(pod),
    });
  }

  /** Enqueues every PDB in the pod's namespace whose selector matches it. */
  private enqueueFor(pod: KubeObject): void {
    for (const pdb of this.pdbs.list(pod.metadata.namespace)) {
      if (selectorMatches(pdb.spec?.selector, pod.metadata.labels)) this.queue.add(namespacedName(pdb));
    }
  }

  reconcile(key: string): ReconcileResult | void {
    const pdb = this.pdbs.get(key);
    if (!pdb || pdb.metadata.deletionTimestamp) return;
    // policy/v1: an empty selector selects every pod of the namespace, a missing one none.
    const pods = this.pods.list(pdb.metadata.namespace).filter((p) => selectorMatches(pdb.spec?.selector, p.metadata.labels));
    if (pods.length === 0) this.recorder.record(pdb, 'Normal', 'NoPods', 'No matching pods found');
    let counts: PdbCounts;
    try {
      counts = computeCounts(pdb.spec ?? {}, pods, () => this.expectedScale(pdb, pods));
    } catch (err) {
      if (!(err instanceof ScaleError)) throw err;
      this.recorder.record(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${err.message}`);
      this.writeStatus(pdb, { ...this.previousCounts(pdb), disruptionsAllowed: 0 }, REASON_SYNC_FAILED, err.message);
      return;
    }
    this.writeStatus(pdb, counts, counts.disruptionsAllowed > 0 ? REASON_SUFFICIENT_PODS : REASON_INSUFFICIENT_PODS, '');
  }

  /** The counts already in the status (kept when a sync fails). */
  private previousCounts(pdb: KubeObject): PdbCounts {
    const s = pdb.status ?? {};
    return { currentHealthy: s.currentHealthy ?? 0, desiredHealthy: s.desiredHealthy ?? 0, expectedPods: s.expectedPods ?? 0, disruptionsAllowed: s.disruptionsAllowed ?? 0 };
  }

  private writeStatus(pdb: KubeObject, counts: PdbCounts, reason: string, message: string): void {
    const allowed = counts.disruptionsAllowed > 0;
    const conditions = setCondition<StatusCondition>(
      pdb.status?.conditions,
      { type: DISRUPTION_ALLOWED, status: allowed ? 'True' : 'False', reason, message },
      rfc3339(this.ctx.clock),
    );
    const status: Record<string, unknown> = {
      observedGeneration: pdb.metadata.generation,
      disruptionsAllowed: counts.disruptionsAllowed,
      currentHealthy: counts.currentHealthy,
      desiredHealthy: counts.desiredHealthy,
      expectedPods: counts.expectedPods,
      conditions,
    };
    writeStatusIfChanged(this.ctx.api, pdb, status);
  }

  /**
   * The sum of the scales of the controllers that own the pods: a Deployment
   * through its ReplicaSet, else the ReplicaSet itself. Each controller counts once.
   */
  private expectedScale(pdb: KubeObject, pods: KubeObject[]): number {
    const scales = new Map<string, number>();
    const seenRefs = new Set<string>();
    for (const pod of pods) {
      const ref = controllerRefOf(pod);
      if (!ref) {
        const message = `found no controller ref for pod "${pod.metadata.name}"`;
        this.recorder.record(pdb, 'Warning', 'NoControllerRef', message);
        throw new ScaleError(message);
      }
      if (seenRefs.has(ref.uid)) continue;
      seenRefs.add(ref.uid);
      const found = this.controllerScale(ref, pod.metadata.namespace!);
      if (!found) {
        const message = `found no controllers for pod "${pod.metadata.name}"`;
        this.recorder.record(pdb, 'Warning', 'NoControllers', message);
        throw new ScaleError(message);
      }
      scales.set(found.uid, found.scale);
    }
    let total = 0;
    for (const scale of scales.values()) total += scale;
    return total;
  }

  /** The controller (and its desired replicas) behind a pod's controller ref, if it is one we know. */
  private controllerScale(ref: { kind: string; name: string; uid: string }, namespace: string): { uid: string; scale: number } | undefined {
    if (ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.replicaSets.get(`${namespace}/${ref.name}`);
    if (!rs || rs.metadata.uid !== ref.uid) return undefined;
    const owner = controllerRefOf(rs);
    if (owner?.kind === 'Deployment') {
      const deploy = this.deployments.get(`${namespace}/${owner.name}`);
      if (!deploy || deploy.metadata.uid !== owner.uid) return undefined;
      return { uid: deploy.metadata.uid!, scale: deploy.spec?.replicas ?? 1 };
    }
    return { uid: rs.metadata.uid!, scale: rs.spec?.replicas ?? 1 };
  }
}
