/** Timestamps as the API writes them, from the virtual clock. */
import type { VirtualClock } from './clock';

/** RFC 3339 with second precision, e.g. `2026-01-01T09:00:05Z` (reference §1.2). */
export function rfc3339(clock: VirtualClock, offsetMs = 0): string {
  const d = new Date(clock.epochMs + clock.now() + offsetMs);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 3339 with microseconds, as MicroTime fields (Lease renewTime) are written. */
export function rfc3339Micro(clock: VirtualClock): string {
  const d = new Date(clock.epochMs + clock.now());
  return d.toISOString().replace(/Z$/, '000Z');
}

/** Virtual milliseconds for a timestamp written by `rfc3339` (for ages and deadlines). */
export function parseTimestamp(clock: VirtualClock, ts: string | undefined): number | undefined {
  if (!ts) return undefined;
  const t = Date.parse(ts);
  return Number.isNaN(t) ? undefined : t - clock.epochMs;
}
