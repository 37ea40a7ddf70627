/**
 * The Deployment controller (reference §3.2): finds or creates the ReplicaSet
 * for the current pod template (`<deploy>-<pod-template-hash>`), rolls pods over
 * with RollingUpdate or Recreate, keeps revisions, and reports the status and
 * the Available / Progressing conditions that `kubectl rollout status` reads.
 */
import { Controller, type ReconcileResult } from '../../system/controller';
import type { ComponentContext, Process } from '../../system/component';
import { clone } from '../../apiserver/apiserver';
import { isReason } from '../../apiserver/errors';
import { namespacedName, type KubeObject } from '../../api/types';
import { selectorMatches } from '../../api/selectors';
import { parseTimestamp, rfc3339 } from '../../core/time';
import { CONTROLLER_UID_INDEX, ORPHAN_INDEX, type Informer } from '../../client/informer';
import { controllerRefOf, isControlledBy, newControllerRef } from '../util/owners';
import { isPodTerminal } from '../util/pods';
import { computePodTemplateHash, POD_TEMPLATE_HASH_LABEL } from '../util/hash';
import { stableStringify } from '../util/stable-json';
import { findCondition, setCondition, type StatusCondition } from '../util/conditions';
import { writeStatusIfChanged } from '../util/status';
import { fenceposts, newReplicaSetSize, scaleDownOld } from './rollout';

/** The revision of a ReplicaSet, copied to its Deployment. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** spec.replicas of the Deployment when the ReplicaSet was last scaled. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
/** replicas + maxSurge of the Deployment when the ReplicaSet was last scaled. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';

const OWN_ANNOTATIONS = new Set([REVISION_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, 'deployment.kubernetes.io/revision-history', 'kubectl.kubernetes.io/last-applied-configuration']);

/** The revision number a ReplicaSet carries (0 when unset). */
export function revisionOf(rs: KubeObject): number {
  return Number.parseInt(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '0', 10) || 0;
}

/** True when the ReplicaSet's template is the Deployment's (ignoring the hash label). */
export function templateMatches(rs: KubeObject, deployment: KubeObject): boolean {
  const strip = (t: KubeObject['spec']) => {
    const c = clone(t ?? {});
    if (c.metadata?.labels) delete c.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    return stableStringify(c);
  };
  return strip(rs.spec?.template) === strip(deployment.spec?.template);
}

function byAge(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  return ta === tb ? a.metadata.name.localeCompare(b.metadata.name) : ta < tb ? -1 : 1;
}

/** What one sync has learnt and changed, so later steps see its own writes. */
interface SyncState {
  d: KubeObject;
  newRs?: KubeObject;
  old: KubeObject[];
  /** A Progressing condition set while finding or creating the new ReplicaSet. */
  progressing?: StatusCondition;
  surge: number;
  unavailable: number;
}

/** Reconciles Deployments into ReplicaSets. */
export class DeploymentController extends Controller {
  private readonly deployments: Informer;
  private readonly replicaSets: Informer;
  private readonly pods: Informer;

  constructor(ctx: ComponentContext, process?: Process) {
    super('controller/deployment', ctx, 'deployment-controller', process);
    this.deployments = this.process.informers.forKind('Deployment');
    this.replicaSets = this.process.informers.forKind('ReplicaSet');
    this.pods = this.process.informers.forKind('Pod');
    // What a Deployment owns, and the orphans it may adopt, by index rather than by scanning.
    this.replicaSets.addIndexer(CONTROLLER_UID_INDEX);
    this.replicaSets.addIndexer(ORPHAN_INDEX);
    this.pods.addIndexer(CONTROLLER_UID_INDEX);
    this.deployments.addHandlers({
      add: (d) => this.queue.add(namespacedName(d)),
      update: (_old, d) => this.queue.add(namespacedName(d)),
      delete: (d) => this.queue.add(namespacedName(d)),
    });
    this.replicaSets.addHandlers({
      add: (rs) => this.enqueueForReplicaSet(rs),
      update: (old, rs) => {
        this.enqueueForReplicaSet(old);
        this.enqueueForReplicaSet(rs);
      },
      delete: (rs) => this.enqueueForReplicaSet(rs),
    });
    // Recreate waits for old pods to be gone, so their deletion matters.
    this.pods.addHandlers({ delete: (pod) => this.enqueueForPod(pod) });
  }

  private enqueueForReplicaSet(rs: KubeObject): void {
    const ref = controllerRefOf(rs);
    const ns = rs.metadata.namespace!;
    if (ref) {
      if (ref.kind === 'Deployment') this.queue.add(`${ns}/${ref.name}`);
      return;
    }
    for (const d of this.deployments.list(ns)) if (selectorMatches(d.spec?.selector, rs.metadata.labels)) this.queue.add(namespacedName(d));
  }

  private enqueueForPod(pod: KubeObject): void {
    const ref = controllerRefOf(pod);
    if (ref?.kind !== 'ReplicaSet') return;
    const rs = this.replicaSets.get(`${pod.metadata.namespace}/${ref.name}`);
    if (rs) this.enqueueForReplicaSet(rs);
  }

  reconcile(key: string): ReconcileResult | void {
    const cached = this.deployments.get(key);
    if (!cached || cached.metadata.deletionTimestamp) return;
    const d = cached;
    const rsList = this.claimReplicaSets(d).sort(byAge);
    const matching = rsList.filter((rs) => templateMatches(rs, d));
    const newRs = matching[0];
    const rolling = (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    const replicas = d.spec?.replicas ?? 1;
    const { surge, unavailable } = rolling
      ? fenceposts(replicas, d.spec?.strategy?.rollingUpdate?.maxSurge, d.spec?.strategy?.rollingUpdate?.maxUnavailable)
      : { surge: 0, unavailable: 0 };
    const state: SyncState = { d, newRs, old: rsList.filter((rs) => rs !== newRs), surge, unavailable };
    if (d.spec?.paused) return this.syncStatus(state);
    if (rolling) this.rolloutRolling(state);
    else this.rolloutRecreate(state);
    if (this.isComplete(state)) this.cleanup(state);
    return this.syncStatus(state);
  }

  /** Adopts matching orphan ReplicaSets and releases owned ones that stopped matching. */
  private claimReplicaSets(d: KubeObject): KubeObject[] {
    const owned: KubeObject[] = [];
    const candidates = this.replicaSets.byIndexes([
      [CONTROLLER_UID_INDEX, d.metadata.uid!],
      [ORPHAN_INDEX, d.metadata.namespace!],
    ]);
    for (const rs of candidates) {
      const matches = selectorMatches(d.spec?.selector, rs.metadata.labels);
      const ref = controllerRefOf(rs);
      if (ref) {
        if (ref.uid !== d.metadata.uid) continue;
        if (matches) owned.push(rs);
        else {
          const next = clone(rs);
          next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid);
          this.ctx.api.update(next);
        }
      } else if (matches && !rs.metadata.deletionTimestamp) {
        const next = clone(rs);
        next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), newControllerRef(d)];
        owned.push(this.ctx.api.update(next));
      }
    }
    return owned;
  }

  private rolloutRolling(s: SyncState): void {
    const replicas = s.d.spec?.replicas ?? 1;
    const oldTotal = s.old.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
    if (!s.newRs) {
      this.createNewReplicaSet(s, newReplicaSetSize(replicas, s.surge, 0, oldTotal));
      return;
    }
    this.adoptNewReplicaSet(s);
    const newSize = s.newRs.spec?.replicas ?? 0;
    const target = newReplicaSetSize(replicas, s.surge, newSize, oldTotal + newSize);
    if (target !== newSize) {
      s.newRs = this.scale(s, s.newRs, target);
      // One step per sync, as upstream: look again once the change is observed.
      if (target > newSize) return;
    }
    const old = s.old.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
    const sizes = scaleDownOld(
      replicas,
      s.unavailable,
      old.map((rs) => ({ name: rs.metadata.name, replicas: rs.spec?.replicas ?? 0, available: rs.status?.availableReplicas ?? 0 })),
      { replicas: s.newRs.spec?.replicas ?? 0, available: s.newRs.status?.availableReplicas ?? 0 },
    );
    s.old = s.old.map((rs) => {
      const size = sizes.get(rs.metadata.name);
      return size !== undefined && size !== rs.spec?.replicas ? this.scale(s, rs, size) : rs;
    });
  }

  private rolloutRecreate(s: SyncState): void {
    const replicas = s.d.spec?.replicas ?? 1;
    if (s.old.some((rs) => (rs.spec?.replicas ?? 0) > 0)) {
      s.old = s.old.map((rs) => ((rs.spec?.replicas ?? 0) > 0 ? this.scale(s, rs, 0) : rs));
      return;
    }
    const oldPodsRunning = s.old.some((rs) => this.pods.byIndex(CONTROLLER_UID_INDEX, rs.metadata.uid!).some((p) => !isPodTerminal(p)));
    if (oldPodsRunning) return;
    if (!s.newRs) {
      this.createNewReplicaSet(s, replicas);
      return;
    }
    this.adoptNewReplicaSet(s);
    if ((s.newRs.spec?.replicas ?? 0) !== replicas) s.newRs = this.scale(s, s.newRs, replicas);
  }

  private maxOldRevision(s: SyncState): number {
    return s.old.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
  }

  /** Makes an existing matching ReplicaSet the newest revision (a rollback, or a found RS). */
  private adoptNewReplicaSet(s: SyncState): void {
    const rs = s.newRs!;
    const revision = this.maxOldRevision(s) + 1;
    if (revisionOf(rs) < revision) {
      const next = clone(rs);
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [REVISION_ANNOTATION]: String(revision) };
      s.newRs = this.ctx.api.update(next);
    }
    if (!findCondition(s.d.status?.conditions, 'Progressing')) {
      s.progressing = { type: 'Progressing', status: 'True', reason: 'FoundNewReplicaSet', message: `Found new replica set "${rs.metadata.name}"` };
    }
  }

  /** Creates `<deploy>-<hash>` for the current template, already at its first size. */
  private createNewReplicaSet(s: SyncState, size: number): void {
    const d = s.d;
    const hash = computePodTemplateHash(d.spec?.template, d.status?.collisionCount);
    const name = `${d.metadata.name}-${hash}`;
    const template = clone(d.spec?.template ?? {});
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
    const selector = clone(d.spec?.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries<string>(d.metadata.annotations ?? {})) if (!OWN_ANNOTATIONS.has(k)) annotations[k] = v;
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(d.spec?.replicas ?? 1);
    annotations[MAX_REPLICAS_ANNOTATION] = String((d.spec?.replicas ?? 1) + s.surge);
    annotations[REVISION_ANNOTATION] = String(this.maxOldRevision(s) + 1);
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, namespace: d.metadata.namespace, labels: clone(template.metadata.labels), annotations, ownerReferences: [newControllerRef(d)] },
      spec: { replicas: size, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
    };
    try {
      s.newRs = this.ctx.api.create(rs);
    } catch (err) {
      if (!isReason(err, 'AlreadyExists')) throw err;
      const existing = this.ctx.api.get('ReplicaSet', d.metadata.namespace, name);
      if (isControlledBy(existing, d.metadata.uid) && templateMatches(existing, d)) {
        // Our own ReplicaSet that the cache has not shown us yet.
        s.newRs = existing;
        return;
      }
      // A hash collision: bump collisionCount so the next name differs (§1.2).
      const next = clone(d);
      next.status = { ...(next.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
      this.ctx.api.updateStatus(next);
      throw err;
    }
    s.progressing = { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${name}"` };
    if (size > 0) this.recorder.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${size}`);
  }

  /** Sets a ReplicaSet's size (with the desired/max annotations) and records ScalingReplicaSet. */
  private scale(s: SyncState, rs: KubeObject, size: number): KubeObject {
    const from = rs.spec?.replicas ?? 0;
    const next = clone(rs);
    next.spec.replicas = size;
    next.metadata.annotations = {
      ...(next.metadata.annotations ?? {}),
      [DESIRED_REPLICAS_ANNOTATION]: String(s.d.spec?.replicas ?? 1),
      [MAX_REPLICAS_ANNOTATION]: String((s.d.spec?.replicas ?? 1) + s.surge),
    };
    const stored = this.ctx.api.update(next);
    const direction = size > from ? 'up' : 'down';
    this.recorder.record(s.d, 'Normal', 'ScalingReplicaSet', `Scaled ${direction} replica set ${rs.metadata.name} from ${from} to ${size}`);
    return stored;
  }

  private all(s: SyncState): KubeObject[] {
    return s.newRs ? [...s.old, s.newRs] : s.old;
  }

  private counts(s: SyncState) {
    const all = this.all(s);
    const sum = (f: (rs: KubeObject) => number) => all.reduce((n, rs) => n + f(rs), 0);
    const replicas = sum((rs) => rs.status?.replicas ?? 0);
    const updated = s.newRs?.status?.replicas ?? 0;
    const ready = sum((rs) => rs.status?.readyReplicas ?? 0);
    const available = sum((rs) => rs.status?.availableReplicas ?? 0);
    return { replicas, updated, ready, available };
  }

  /** Complete: every replica updated and available, and nothing old left (§3.2). */
  private isComplete(s: SyncState): boolean {
    const want = s.d.spec?.replicas ?? 1;
    const c = this.counts(s);
    return c.updated === want && c.replicas === want && c.available === want && !!s.newRs;
  }

  /** Deletes the oldest empty ReplicaSets beyond revisionHistoryLimit. */
  private cleanup(s: SyncState): void {
    const limit = s.d.spec?.revisionHistoryLimit ?? 10;
    const candidates = s.old.filter((rs) => !rs.metadata.deletionTimestamp).sort((a, b) => revisionOf(a) - revisionOf(b));
    let excess = candidates.length - limit;
    for (const rs of candidates) {
      if (excess <= 0) break;
      if ((rs.spec?.replicas ?? 0) !== 0 || (rs.status?.replicas ?? 0) !== 0) continue;
      this.ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name, { uid: rs.metadata.uid });
      excess--;
    }
  }

  private syncStatus(s: SyncState): ReconcileResult | void {
    const clock = this.ctx.clock;
    const now = rfc3339(clock);
    let d = s.d;
    // The Deployment carries the revision of its newest ReplicaSet.
    const revision = s.newRs?.metadata.annotations?.[REVISION_ANNOTATION];
    if (revision && d.metadata.annotations?.[REVISION_ANNOTATION] !== revision) {
      const next = clone(d);
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision };
      d = this.ctx.api.update(next);
    }
    const want = d.spec?.replicas ?? 1;
    const c = this.counts(s);
    const previous = d.status ?? {};
    let conditions: StatusCondition[] = d.status?.conditions ?? [];
    const availableCond: StatusCondition =
      c.available >= want - s.unavailable
        ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
        : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' };
    conditions = setCondition(conditions, availableCond, now, true);
    if (s.progressing) conditions = setCondition(conditions, s.progressing, now, true);

    let requeueAfter: number | undefined;
    const rsName = s.newRs?.metadata.name;
    const deadline = d.spec?.progressDeadlineSeconds;
    if (d.spec?.paused) {
      conditions = setCondition(conditions, { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' }, now, true);
    } else if (rsName && this.isComplete(s)) {
      conditions = setCondition(conditions, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` }, now, true);
    } else if (rsName) {
      const progressed =
        c.updated > (previous.updatedReplicas ?? 0) ||
        c.replicas - c.updated < (previous.replicas ?? 0) - (previous.updatedReplicas ?? 0) ||
        c.ready > (previous.readyReplicas ?? 0) ||
        c.available > (previous.availableReplicas ?? 0);
      const current = findCondition(conditions, 'Progressing');
      if (progressed) {
        conditions = touchProgressing(conditions, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` }, now);
      } else if (current?.status === 'True' && deadline !== undefined) {
        const since = parseTimestamp(clock, current.lastUpdateTime) ?? clock.now();
        const due = since + deadline * 1000;
        if (clock.now() > due) {
          conditions = setCondition(conditions, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` }, now, true);
        } else requeueAfter = due - clock.now() + 1000;
      }
      if (requeueAfter === undefined && deadline !== undefined && findCondition(conditions, 'Progressing')?.status === 'True') requeueAfter = deadline * 1000 + 1000;
    }

    const status: Record<string, unknown> = {
      observedGeneration: d.metadata.generation,
      replicas: c.replicas,
      updatedReplicas: c.updated,
      readyReplicas: c.ready,
      availableReplicas: c.available,
      unavailableReplicas: Math.max(0, want - c.available),
      conditions,
    };
    if (previous.collisionCount !== undefined) status.collisionCount = previous.collisionCount;
    // apps/v1 DeploymentStatus omits zero counts.
    for (const f of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (status[f] === 0) delete status[f];
    writeStatusIfChanged(this.ctx.api, d, status);
    if (requeueAfter !== undefined) return { requeueAfter };
  }
}

/** Refreshes Progressing's lastUpdateTime (progress was made), keeping lastTransitionTime when still True. */
function touchProgressing(conditions: StatusCondition[], next: StatusCondition, now: string): StatusCondition[] {
  const current = findCondition(conditions, 'Progressing');
  const cond: StatusCondition = { ...next, lastUpdateTime: now, lastTransitionTime: current?.status === next.status ? current.lastTransitionTime : now };
  const i = conditions.findIndex((c) => c.type === 'Progressing');
  const out = [...conditions];
  if (i >= 0) out[i] = cond;
  else out.push(cond);
  return out;
}
