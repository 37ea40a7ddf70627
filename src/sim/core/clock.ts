/**
 * The virtual clock: a discrete-event queue ordered by (time, sequence).
 * Nothing in the simulation reads the wall clock; every delay, timeout and
 * period is a callback scheduled here. Tests advance it instantly, the Worker
 * advances it from wall time × speed.
 */

/** A handle to a scheduled callback, usable to cancel it. */
export type TimerId = number;

interface Timer {
  id: TimerId;
  at: number;
  seq: number;
  fn: () => void;
  cancelled?: boolean;
}

/** Virtual clock in milliseconds since the cluster's epoch. */
export class VirtualClock {
  private current = 0;
  private seq = 0;
  private nextId = 1;
  private heap: Timer[] = [];
  /** Timers still in the heap, so cancel() finds them; a cancel after the run leaves nothing behind. */
  private pending = new Map<TimerId, Timer>();

  /** @param epochMs wall-clock time the virtual time 0 stands for (used only to print timestamps). */
  constructor(readonly epochMs = Date.UTC(2026, 0, 1, 9, 0, 0)) {}

  /** Virtual milliseconds since the cluster started. */
  now(): number {
    return this.current;
  }

  /** The current time as a Date, for RFC 3339 timestamps. */
  date(): Date {
    return new Date(this.epochMs + this.current);
  }

  /** Runs `fn` after `delayMs` virtual milliseconds (0 = after everything already due now). */
  schedule(delayMs: number, fn: () => void): TimerId {
    const timer: Timer = { id: this.nextId++, at: this.current + Math.max(0, delayMs), seq: this.seq++, fn };
    this.push(timer);
    this.pending.set(timer.id, timer);
    return timer.id;
  }

  /** Cancels a scheduled callback; a no-op if it already ran. */
  cancel(id: TimerId): void {
    const timer = this.pending.get(id);
    if (!timer) return;
    timer.cancelled = true;
    this.pending.delete(id);
  }

  /** Time of the next pending callback, or undefined when nothing is scheduled. */
  nextEventTime(): number | undefined {
    this.dropCancelledHead();
    return this.heap[0]?.at;
  }

  /** Runs every callback due up to `time`, then sets the clock to `time`. */
  runUntil(time: number): void {
    for (;;) {
      this.dropCancelledHead();
      const head = this.heap[0];
      if (!head || head.at > time) break;
      this.pop();
      this.pending.delete(head.id);
      this.current = head.at;
      head.fn();
    }
    if (time > this.current) this.current = time;
  }

  /** Advances the clock by `ms`, running everything due on the way. */
  runFor(ms: number): void {
    this.runUntil(this.current + ms);
  }

  /** Jumps to the next scheduled moment and runs everything due then. Returns false if nothing is scheduled. */
  skipToNext(): boolean {
    const next = this.nextEventTime();
    if (next === undefined) return false;
    this.runUntil(next);
    return true;
  }

  /** Adapter for XState's `clock` actor option, so machine delays run on virtual time. */
  readonly xstateClock = {
    setTimeout: (fn: (...args: unknown[]) => void, timeout: number) => this.schedule(timeout, fn),
    clearTimeout: (id: unknown) => this.cancel(id as TimerId),
  };

  private dropCancelledHead(): void {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
  }

  private before(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
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
