/**
 * Taint-based eviction (reference §3.8, the taint-eviction-controller): pods on a
 * node with a NoExecute taint they do not tolerate are deleted at once; pods that
 * tolerate it for tolerationSeconds are deleted when that time runs out (300 s
 * for ordinary pods, thanks to DefaultTolerationSeconds), unless the taint goes.
 */
import type { TimerId, VirtualClock } from '../../core/clock';
import { parseTimestamp, rfc3339 } from '../../core/time';
import { clone } from '../../apiserver/apiserver';
import type { EventRecorder } from '../../client/events';
import type { Process } from '../../system/component';
import { namespacedName, type KubeObject, type Taint, type Toleration } from '../../api/types';
import { isPodTerminal } from '../util/pods';
import { setCondition } from '../util/conditions';

/** True when `toleration` tolerates `taint` (core/v1 ToleratesTaint). */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key;
  return toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? '');
}

/** When a pod must go: now, at a virtual time, or never. */
export type EvictionVerdict = { kind: 'now' } | { kind: 'at'; at: number } | { kind: 'never' };

/**
 * The verdict for a pod facing `taints` (only NoExecute ones count): now if one is
 * not tolerated, else the earliest timeAdded plus the smallest tolerationSeconds
 * among the tolerations used; never when those tolerate forever.
 */
export function evictionVerdict(clock: VirtualClock, tolerations: readonly Toleration[], taints: readonly Taint[]): EvictionVerdict {
  const noExecute = taints.filter((t) => t.effect === 'NoExecute');
  if (noExecute.length === 0) return { kind: 'never' };
  let minSeconds: number | undefined;
  for (const taint of noExecute) {
    const used = tolerations.filter((t) => tolerates(t, taint));
    if (used.length === 0) return { kind: 'now' };
    for (const t of used) {
      if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
      minSeconds = Math.min(minSeconds ?? Infinity, Math.max(0, t.tolerationSeconds));
    }
  }
  if (minSeconds === undefined) return { kind: 'never' };
  const added = noExecute.map((t) => parseTimestamp(clock, t.timeAdded as string | undefined) ?? clock.now());
  return { kind: 'at', at: Math.min(...added) + minSeconds * 1000 };
}

/** Schedules, cancels and carries out NoExecute evictions; driven by the node lifecycle controller. */
export class TaintEvictionManager {
  private scheduled = new Map<string, { timer: TimerId; at: number }>();

  constructor(
    private readonly process: Process,
    private readonly recorder: EventRecorder,
    /** Asks for the pod (work-queue key `pod:<ns>/<name>`) to be looked at again. */
    private readonly requeue: (podKey: string) => void,
  ) {}

  /** Virtual time at which the pod is due to be evicted, if scheduled. */
  scheduledAt(podKey: string): number | undefined {
    return this.scheduled.get(podKey)?.at;
  }

  /** Looks at one pod against its node's taints. */
  reconcilePod(pod: KubeObject, node: KubeObject | undefined): void {
    const key = namespacedName(pod);
    if (pod.metadata.deletionTimestamp || isPodTerminal(pod)) {
      this.cancel(key);
      return;
    }
    const clock = this.process.ctx.clock;
    const verdict = evictionVerdict(clock, pod.spec?.tolerations ?? [], node?.spec?.taints ?? []);
    if (verdict.kind === 'never') {
      if (this.cancel(key)) this.recorder.record(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
      return;
    }
    if (verdict.kind === 'now' || verdict.at <= clock.now()) {
      this.cancel(key);
      this.evict(pod);
      return;
    }
    const existing = this.scheduled.get(key);
    if (existing?.at === verdict.at) return;
    this.cancel(key);
    const timer = this.process.timers.schedule(verdict.at - clock.now(), () => {
      this.scheduled.delete(key);
      this.requeue(key);
    });
    this.scheduled.set(key, { timer, at: verdict.at });
  }

  /** Forgets every scheduled eviction (the process stopped). */
  reset(): void {
    this.scheduled.clear();
  }

  private cancel(key: string): boolean {
    const s = this.scheduled.get(key);
    if (!s) return false;
    this.process.timers.cancel(s.timer);
    this.scheduled.delete(key);
    return true;
  }

  private evict(pod: KubeObject): void {
    const api = this.process.ctx.api;
    const ns = pod.metadata.namespace!;
    // The cache may lag behind our own writes: only a pod that is not already being deleted is marked.
    const fresh = api.tryGet('Pod', ns, pod.metadata.name);
    if (!fresh || fresh.metadata.uid !== pod.metadata.uid || fresh.metadata.deletionTimestamp) return;
    this.recorder.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${pod.metadata.name}`);
    const next = clone(fresh);
    next.status.conditions = setCondition(
      next.status.conditions,
      { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastProbeTime: null },
      rfc3339(this.process.ctx.clock),
    );
    api.updateStatus(next);
    // A normal graceful delete: the pod stays Terminating until its kubelet confirms.
    api.delete('Pod', ns, pod.metadata.name, { uid: pod.metadata.uid });
  }
}
