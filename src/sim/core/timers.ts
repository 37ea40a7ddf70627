/**
 * Timers owned by one simulated process (a kubelet, the scheduler...). When the
 * process dies (its node is killed) every timer it set is cancelled at once,
 * as a dead machine does nothing more.
 */
import type { TimerId, VirtualClock } from './clock';

/** A set of clock timers that can be cancelled together. */
export class ProcessTimers {
  private ids = new Set<TimerId>();

  constructor(private readonly clock: VirtualClock) {}

  /** Schedules `fn` after `delayMs` on the virtual clock, owned by this process. */
  schedule(delayMs: number, fn: () => void): TimerId {
    const id = this.clock.schedule(delayMs, () => {
      this.ids.delete(id);
      fn();
    });
    this.ids.add(id);
    return id;
  }

  /** Cancels one timer. */
  cancel(id: TimerId | undefined): void {
    if (id === undefined) return;
    this.clock.cancel(id);
    this.ids.delete(id);
  }

  /** Cancels every pending timer of this process. */
  cancelAll(): void {
    for (const id of this.ids) this.clock.cancel(id);
    this.ids.clear();
  }
}
