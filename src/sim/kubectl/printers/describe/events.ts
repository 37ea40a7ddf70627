/** The `Events:` table at the end of every describe (DescribeEvents, reference §6.5). */
import type { KubeObject } from '../../../api/types';
import { since, type PrintContext } from '../columns';
import type { DescribeSource, DescribeWriter } from './writer';

/** When an event last happened, for sorting: series, lastTimestamp, else eventTime. */
function sortTime(e: KubeObject): number {
  const t = e.series?.lastObservedTime || e.lastTimestamp || e.eventTime;
  return t ? Date.parse(t) : 0;
}

/** The age of an event: `60s`, or `2m5s (x4 over 5m)` when it repeated (describe and `kubectl events`). */
export function eventInterval(e: KubeObject, ctx: PrintContext): string {
  const first = since(ctx, e.eventTime || e.firstTimestamp);
  if (e.series) return `${since(ctx, e.series.lastObservedTime)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(ctx, e.lastTimestamp)} (x${e.count} over ${first})`;
  return first;
}

/** Sorts events oldest first, as kubectl's SortableEvents does; written order breaks ties. */
export function sortEvents(events: KubeObject[]): KubeObject[] {
  return events
    .map((e, i) => ({ e, i, rv: Number(e.metadata.resourceVersion ?? 0) }))
    .sort((a, b) => sortTime(a.e) - sortTime(b.e) || a.rv - b.rv || a.i - b.i)
    .map((x) => x.e);
}

/** Events about `obj` (by uid when the event has one, else by kind and name), oldest first. */
export function eventsFor(src: DescribeSource, obj: KubeObject): KubeObject[] {
  const ns = obj.metadata.namespace ?? 'default';
  const events = src.list('Event', obj.kind === 'Node' || !obj.metadata.namespace ? undefined : ns).filter((e) => {
    const io = e.involvedObject ?? {};
    if (io.name !== obj.metadata.name) return false;
    if (io.uid && obj.metadata.uid && io.uid !== obj.metadata.uid && !(obj.kind === 'Node' && io.uid === obj.metadata.name)) return false;
    return !io.kind || io.kind === obj.kind;
  });
  return sortEvents(events);
}

/** Writes the events table: `Type Reason Age From Message`, `(x4 over 5m)` for repeats, `Events:  <none>` when empty. */
export function describeEvents(w: DescribeWriter, events: KubeObject[]): void {
  if (!events.length) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const interval = eventInterval(e, w.ctx);
    const from = e.source?.component || e.reportingController || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${from}\t${String(e.message ?? '').trim()}\n`);
  }
}
