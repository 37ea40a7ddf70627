/**
 * The controller pattern (reference §3, sample-controller): informer handlers
 * only enqueue `namespace/name` keys; `reconcile(key)` is the single entry point,
 * reads from the informer caches and writes through the API. A thrown error
 * (a Conflict, say) requeues the key with backoff.
 */
import { Process, type Component, type ComponentContext } from './component';
import { WorkQueue } from '../client/workqueue';
import type { EventRecorder } from '../client/events';

/** What a reconcile asks for next. */
export interface ReconcileResult {
  /** Look at this key again after this many virtual ms. */
  requeueAfter?: number;
}

/** Base for controllers: a process with a work queue and an event recorder. */
export abstract class Controller implements Component {
  readonly process: Process;
  readonly queue: WorkQueue;
  readonly recorder: EventRecorder;
  readonly periodMs?: number;
  requestWork: () => void = () => {};

  constructor(
    readonly id: string,
    ctx: ComponentContext,
    /** The `source.component` of its events, e.g. `replicaset-controller`. */
    component: string,
    process?: Process,
  ) {
    this.process = process ?? new Process(ctx);
    this.queue = new WorkQueue(ctx.clock);
    this.queue.onReady(() => this.process.timers.schedule(0, () => this.requestWork()));
    this.recorder = this.process.recorder({ component });
  }

  get ctx(): ComponentContext {
    return this.process.ctx;
  }

  /** Reconciles one key. */
  abstract reconcile(key: string): ReconcileResult | void;

  /** Registers informer handlers; called once from the constructor of the subclass. */
  start(): void {
    this.process.informers.startAll();
  }

  stop(): void {
    this.process.informers.stopAll();
    this.process.timers.cancelAll();
    this.queue.clear();
  }

  work(): void {
    for (let key = this.queue.next(); key !== undefined; key = this.queue.next()) {
      try {
        const result = this.reconcile(key);
        this.queue.forget(key);
        if (result?.requeueAfter !== undefined) this.queue.addAfter(key, result.requeueAfter);
      } catch {
        this.queue.addRateLimited(key);
      }
    }
  }
}
