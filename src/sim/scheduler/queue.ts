/**
 * The scheduling queue (reference §2.2): activeQ ordered by priority then time
 * added; backoffQ for pods waiting out 1 s doubling to 10 s; and the
 * unschedulable pool, left on a relevant cluster event (respecting backoff) or
 * after 5 minutes at the latest.
 */
import type { TimerId, VirtualClock } from '../core/clock';
import type { ProcessTimers } from '../core/timers';
import type { Pod } from '../api/types';
import { podKey, type Status } from './framework';
import { preEnqueue as schedulingGates } from './plugins/schedulinggates';

/** podInitialBackoff (reference §0). */
export const INITIAL_BACKOFF_MS = 1_000;
/** podMaxBackoff (reference §0). */
export const MAX_BACKOFF_MS = 10_000;
/** DefaultPodMaxInUnschedulablePodsDuration (reference §2.2). */
export const MAX_UNSCHEDULABLE_MS = 5 * 60_000;

/** Where a pod waits. */
export type QueueName = 'activeQ' | 'backoffQ' | 'unschedulablePods' | 'inFlight';

/** A pod known to the queue, with its scheduling history. */
export interface QueuedPod {
  key: string;
  pod: Pod;
  /** When it last entered the queue or failed: orders activeQ and starts its backoff. */
  timestamp: number;
  /** Failed attempts that found the pod unschedulable. */
  attempts: number;
  /** Consecutive attempts that failed with an error (a failed bind). */
  errors: number;
  /** Which kind of failure the backoff follows. */
  lastFailure: 'unschedulable' | 'error' | 'none';
  queue: QueueName;
  /** Held by a PreEnqueue check (scheduling gates): waits in the unschedulable pool until the pod changes. */
  gated?: boolean;
}

/** Backoff after `n` failures: `1 s × 2^(n−1)`, capped at 10 s (1, 2, 4, 8, 10, 10... s). */
export function backoffDuration(n: number): number {
  if (n <= 0) return 0;
  return Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** Math.min(n - 1, 30));
}

interface HeapEntry {
  key: string;
  priority: number;
  timestamp: number;
  seq: number;
}

/** The three-part queue of pods waiting to be scheduled. */
export class SchedulingQueue {
  private readonly pods = new Map<string, QueuedPod>();
  private heap: HeapEntry[] = [];
  /** The heap entry currently valid for a pod in activeQ (older entries are skipped lazily). */
  private activeSeq = new Map<string, number>();
  private seq = 0;
  private readonly timers = new Map<string, TimerId>();
  /** Keys of pods that had a nominated node when last seen (a superset of those that have one now). */
  private readonly maybeNominated = new Set<string>();
  /** Keys of pods put in the unschedulable pool (a superset of those still there). */
  private readonly maybeUnschedulable = new Set<string>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly processTimers: ProcessTimers,
    /** Called when a pod enters activeQ, so the scheduler runs a cycle. */
    private readonly onActive: () => void,
    /** PreEnqueue checks (SchedulingGates): a pod failing one does not enter activeQ. */
    private readonly preEnqueue: (pod: Pod) => Status = schedulingGates,
  ) {}

  /** Adds a new pending pod to activeQ; a pod already known only gets its object refreshed. */
  add(pod: Pod): void {
    const key = podKey(pod);
    const known = this.pods.get(key);
    if (known) {
      this.setPod(known, pod);
      return;
    }
    const qp: QueuedPod = { key, pod, timestamp: this.clock.now(), attempts: 0, errors: 0, lastFailure: 'none', queue: 'activeQ' };
    this.pods.set(key, qp);
    this.track(qp);
    this.enqueue(qp);
  }

  /** True while a PreEnqueue check holds the pod (it has scheduling gates). */
  isGated(key: string): boolean {
    return !!this.pods.get(key)?.gated;
  }

  /**
   * A pending pod changed. A change that may make it schedulable (spec, labels)
   * moves it out of the unschedulable pool; a status-only change does not.
   */
  update(oldPod: Pod, pod: Pod): void {
    const qp = this.pods.get(podKey(pod));
    if (!qp) return this.add(pod);
    this.setPod(qp, pod);
    // A gated pod is re-checked on every change; once the gates are gone it goes straight to activeQ.
    if (qp.gated) return this.enqueue(qp);
    const relevant = JSON.stringify(oldPod.spec) !== JSON.stringify(pod.spec)
      || JSON.stringify(oldPod.metadata?.labels ?? {}) !== JSON.stringify(pod.metadata?.labels ?? {});
    if (relevant && qp.queue === 'unschedulablePods') this.moveToActiveOrBackoff(qp);
  }

  /** Forgets a pod (deleted, or bound by someone else). */
  delete(key: string): void {
    const qp = this.pods.get(key);
    if (!qp) return;
    this.cancelTimer(key);
    this.activeSeq.delete(key);
    this.pods.delete(key);
  }

  /** True when the pod is anywhere in the queue (including in flight). */
  has(key: string): boolean {
    return this.pods.has(key);
  }

  /** Takes the next pod from activeQ: highest priority first, then the earliest added. */
  pop(): QueuedPod | undefined {
    for (;;) {
      const top = this.popHeap();
      if (!top) return undefined;
      if (this.activeSeq.get(top.key) !== top.seq) continue;
      this.activeSeq.delete(top.key);
      const qp = this.pods.get(top.key)!;
      qp.queue = 'inFlight';
      return qp;
    }
  }

  /** The pod was assumed on a node: it leaves the queue (a failed bind brings it back with `requeueAfterError`). */
  done(key: string): void {
    this.delete(key);
  }

  /** After an Unschedulable attempt: into the unschedulable pool until a cluster event or 5 minutes. */
  requeueUnschedulable(qp: QueuedPod): void {
    // Deleted while its attempt ran: nothing to requeue.
    if (this.pods.get(qp.key) !== qp) return;
    qp.attempts++;
    qp.lastFailure = 'unschedulable';
    qp.timestamp = this.clock.now();
    qp.queue = 'unschedulablePods';
    this.maybeUnschedulable.add(qp.key);
    this.pods.set(qp.key, qp);
    this.track(qp);
    this.setTimer(qp.key, MAX_UNSCHEDULABLE_MS, () => this.moveToActiveOrBackoff(qp));
  }

  /** After an error (a failed bind): straight to backoffQ. */
  requeueAfterError(qp: QueuedPod): void {
    qp.errors++;
    qp.lastFailure = 'error';
    qp.timestamp = this.clock.now();
    this.pods.set(qp.key, qp);
    this.track(qp);
    this.moveToActiveOrBackoff(qp);
  }

  /** A cluster event that may make pods schedulable: every pod in the unschedulable pool moves on. */
  moveAllToActiveOrBackoff(): void {
    // Only pods that entered the pool can be there: walk those, in key order.
    for (const key of [...this.maybeUnschedulable].sort()) {
      const qp = this.pods.get(key);
      if (qp?.queue !== 'unschedulablePods') {
        this.maybeUnschedulable.delete(key);
        continue;
      }
      if (!qp.gated) this.moveToActiveOrBackoff(qp);
    }
  }

  /** When the pod's backoff ends (virtual ms). */
  backoffExpiry(qp: QueuedPod): number {
    const n = qp.lastFailure === 'error' ? qp.errors : qp.attempts;
    return qp.timestamp + backoffDuration(n);
  }

  /** The pods waiting, as plain data for the inspector, sorted by key. */
  pending(): { key: string; queue: QueueName; attempts: number }[] {
    return [...this.pods.keys()].sort().map((key) => {
      const qp = this.pods.get(key)!;
      return { key, queue: qp.queue, attempts: qp.attempts };
    });
  }

  /** Pods known to the queue, sorted by key. */
  queuedPods(): QueuedPod[] {
    return [...this.pods.keys()].sort().map((k) => this.pods.get(k)!);
  }

  /**
   * Pods known to the queue whose status names a nominated node, sorted by key:
   * the ones `queuedPods()` would list with `status.nominatedNodeName` set,
   * found without walking the whole queue.
   */
  nominatedPods(): QueuedPod[] {
    const out: QueuedPod[] = [];
    for (const key of [...this.maybeNominated].sort()) {
      const qp = this.pods.get(key);
      if (qp?.pod.status?.nominatedNodeName) out.push(qp);
      else this.maybeNominated.delete(key);
    }
    return out;
  }

  /** Refreshes the object of a pod the queue holds (the informer's latest copy). */
  setPod(qp: QueuedPod, pod: Pod): void {
    qp.pod = pod;
    this.track(qp);
  }

  /** Drops everything (the scheduler process stopped). */
  clear(): void {
    this.maybeNominated.clear();
    this.maybeUnschedulable.clear();
    for (const key of [...this.timers.keys()]) this.cancelTimer(key);
    this.pods.clear();
    this.activeSeq.clear();
    this.heap = [];
  }

  private track(qp: QueuedPod): void {
    if (qp.pod.status?.nominatedNodeName) this.maybeNominated.add(qp.key);
  }

  /** activeQ, unless a PreEnqueue check holds the pod in the unschedulable pool. */
  private enqueue(qp: QueuedPod): void {
    qp.gated = this.preEnqueue(qp.pod).code !== 'Success';
    if (!qp.gated) return this.pushActive(qp);
    this.cancelTimer(qp.key);
    this.activeSeq.delete(qp.key);
    qp.queue = 'unschedulablePods';
    this.maybeUnschedulable.add(qp.key);
  }

  private moveToActiveOrBackoff(qp: QueuedPod): void {
    this.cancelTimer(qp.key);
    const wait = this.backoffExpiry(qp) - this.clock.now();
    if (wait <= 0) {
      this.pushActive(qp);
      return;
    }
    qp.queue = 'backoffQ';
    this.setTimer(qp.key, wait, () => this.pushActive(qp));
  }

  private pushActive(qp: QueuedPod): void {
    this.cancelTimer(qp.key);
    qp.queue = 'activeQ';
    const entry: HeapEntry = { key: qp.key, priority: qp.pod.spec?.priority ?? 0, timestamp: qp.timestamp, seq: this.seq++ };
    this.activeSeq.set(qp.key, entry.seq);
    this.pushHeap(entry);
    this.onActive();
  }

  private setTimer(key: string, delayMs: number, fn: () => void): void {
    this.cancelTimer(key);
    const id = this.processTimers.schedule(delayMs, () => {
      this.timers.delete(key);
      fn();
    });
    this.timers.set(key, id);
  }

  private cancelTimer(key: string): void {
    const id = this.timers.get(key);
    if (id === undefined) return;
    this.processTimers.cancel(id);
    this.timers.delete(key);
  }

  /** PrioritySort: higher priority first, then earlier timestamp, then arrival order. */
  private before(a: HeapEntry, b: HeapEntry): boolean {
    if (a.priority !== b.priority) return a.priority > b.priority;
    if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
    return a.seq < b.seq;
  }

  private pushHeap(e: HeapEntry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private popHeap(): HeapEntry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l], h[m])) m = l;
        if (r < h.length && this.before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
