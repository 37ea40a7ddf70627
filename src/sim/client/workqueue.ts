/**
 * A rate-limited work queue of string keys, as client-go's workqueue: a key is
 * held at most once while waiting, never processed by two workers at once, and
 * failed keys come back with per-item exponential backoff (5 ms doubling to 1000 s).
 */
import type { VirtualClock, TimerId } from '../core/clock';

const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1000_000;

/** A FIFO of keys with de-duplication, delayed adds and per-key backoff. */
export class WorkQueue {
  private queue: string[] = [];
  private dirty = new Set<string>();
  private failures = new Map<string, number>();
  private delayed = new Map<string, TimerId>();
  private readyListener?: () => void;

  constructor(private readonly clock: VirtualClock) {}

  /** Called whenever the queue goes from empty to having work. */
  onReady(listener: () => void): void {
    this.readyListener = listener;
  }

  /** Adds `key` unless it is already waiting. */
  add(key: string): void {
    if (this.dirty.has(key)) return;
    this.dirty.add(key);
    this.queue.push(key);
    if (this.queue.length === 1) this.readyListener?.();
  }

  /** Adds `key` after `delayMs` (an earlier pending delayed add wins). */
  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) return this.add(key);
    if (this.delayed.has(key)) return;
    const id = this.clock.schedule(delayMs, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, id);
  }

  /** Adds `key` after its exponential backoff. */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(BASE_DELAY_MS * 2 ** n, MAX_DELAY_MS));
  }

  /** Clears the key's failure history after a successful sync. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Takes the next key, or undefined when empty. */
  next(): string | undefined {
    const key = this.queue.shift();
    if (key !== undefined) this.dirty.delete(key);
    return key;
  }

  /** Number of keys waiting now. */
  get length(): number {
    return this.queue.length;
  }

  /** Drops everything (a stopped process forgets its queue). */
  clear(): void {
    this.queue = [];
    this.dirty.clear();
    for (const id of this.delayed.values()) this.clock.cancel(id);
    this.delayed.clear();
    this.failures.clear();
  }
}
