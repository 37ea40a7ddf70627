/** `kubectl get events` (printEvent, reference §6.2): no NAME column unless wide. */
import type { KubeObject } from '../../../api/types';
import { since, type KindPrinter, type PrintContext } from '../columns';

/** The time an event last happened: series, lastTimestamp, eventTime, firstTimestamp. */
export function eventLastTime(e: KubeObject): string | undefined {
  return e.series?.lastObservedTime || e.lastTimestamp || e.eventTime || e.firstTimestamp || undefined;
}

/** LAST SEEN: age of the last occurrence. */
export function lastSeen(e: KubeObject, ctx: PrintContext): string {
  return since(ctx, eventLastTime(e));
}

/** OBJECT: `<lowercase kind>/<name>` of the involved object. */
export function eventObject(e: KubeObject): string {
  return `${String(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`;
}

function source(e: KubeObject): string {
  const component = e.source?.component || e.reportingComponent || e.reportingController || '';
  const host = e.source?.host || e.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

/** Events: LAST SEEN TYPE REASON OBJECT MESSAGE; wide adds SUBOBJECT SOURCE FIRST SEEN COUNT NAME. */
export const eventPrinter: KindPrinter = {
  kind: 'Event',
  noName: true,
  columns: [
    { header: 'LAST SEEN', cell: lastSeen },
    { header: 'TYPE', cell: (e) => e.type ?? '' },
    { header: 'REASON', cell: (e) => e.reason ?? '' },
    { header: 'OBJECT', cell: eventObject },
    { header: 'SUBOBJECT', wide: true, cell: (e) => e.involvedObject?.fieldPath ?? '' },
    { header: 'SOURCE', wide: true, cell: source },
    { header: 'MESSAGE', cell: (e) => String(e.message ?? '').trim() },
    { header: 'FIRST SEEN', wide: true, cell: (e, ctx) => since(ctx, e.firstTimestamp || e.eventTime) },
    { header: 'COUNT', wide: true, cell: (e) => String(e.series?.count ?? (e.count || 1)) },
    { header: 'NAME', wide: true, cell: (e) => e.metadata.name },
  ],
};
