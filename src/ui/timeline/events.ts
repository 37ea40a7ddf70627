/** Helpers for core/v1 Events as `kubectl get events` prints them (k8s-semantics §6.2). */
import type { PlainObject } from '../../worker/protocol';

/** When the event was last seen, in wall ms (lastTimestamp, else firstTimestamp, else eventTime). */
export function eventTime(e: PlainObject): number {
  const ts = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.firstTimestamp ?? e.eventTime;
  const t = typeof ts === 'string' ? Date.parse(ts) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** OBJECT column: `<lowercase kind>/<name>`. */
export function eventObject(e: PlainObject): string {
  const io = e.involvedObject ?? {};
  return `${String(io.kind ?? '').toLowerCase()}/${io.name ?? ''}`;
}
