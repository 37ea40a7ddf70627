/**
 * The kubelet's per-key back-off (client-go flowcontrol.Backoff), used for
 * image pulls and container restarts: 10 s doubling to 300 s, forgotten after
 * 10 min without an update (reference §4.4, §0).
 */

/** Initial delay, 10 s. */
export const BACKOFF_INITIAL_MS = 10_000;
/** Cap, 300 s (MaxContainerBackOff). */
export const BACKOFF_MAX_MS = 300_000;
/** An entry untouched for 2 × max is reset. */
const EXPIRY_MS = 2 * BACKOFF_MAX_MS;

interface Entry {
  delayMs: number;
  lastUpdate: number;
}

/** Back-off delays keyed by container (or image). */
export class Backoff {
  private entries = new Map<string, Entry>();

  /** Records a failure at `now` and returns the delay before the next attempt. */
  next(key: string, now: number): number {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > EXPIRY_MS) {
      this.entries.set(key, { delayMs: BACKOFF_INITIAL_MS, lastUpdate: now });
      return BACKOFF_INITIAL_MS;
    }
    e.delayMs = Math.min(e.delayMs * 2, BACKOFF_MAX_MS);
    e.lastUpdate = now;
    return e.delayMs;
  }

  /** The live entry for `key` at `now` (undefined when none or expired). */
  entry(key: string, now: number): Readonly<Entry> | undefined {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > EXPIRY_MS) return undefined;
    return e;
  }

  /** Forgets everything (the process restarted). */
  clear(): void {
    this.entries.clear();
  }

  /** Forgets every key starting with `prefix`. */
  resetPrefix(prefix: string): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}
