/** `kubectl get pods` (printPod, reference §6.4). */
import type { KubeObject } from '../../../api/types';
import { AGE, orNone, since, type KindPrinter } from '../columns';
import { lastRestartTime, podRow } from '../podStatus';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** RESTARTS: the count, with how long ago the last one was, e.g. `3 (42s ago)`. */
function restarts(pod: KubeObject, now: number): string {
  const n = podRow(pod).restarts;
  const last = lastRestartTime(pod);
  return n > 0 && last ? `${n} (${since({ now }, last)} ago)` : String(n);
}

function readinessGates(pod: KubeObject): string {
  const gates: any[] = pod.spec?.readinessGates ?? [];
  if (!gates.length) return '<none>';
  const conditions: any[] = pod.status?.conditions ?? [];
  const ok = gates.filter((g) => conditions.some((c) => c.type === g.conditionType && c.status === 'True')).length;
  return `${ok}/${gates.length}`;
}

/** Pods: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES. */
export const podPrinter: KindPrinter = {
  kind: 'Pod',
  columns: [
    { header: 'READY', cell: (p) => podRow(p).ready },
    { header: 'STATUS', cell: (p) => podRow(p).status },
    { header: 'RESTARTS', cell: (p, ctx) => restarts(p, ctx.now) },
    AGE,
    { header: 'IP', wide: true, cell: (p) => orNone(p.status?.podIPs?.[0]?.ip ?? p.status?.podIP) },
    { header: 'NODE', wide: true, cell: (p) => orNone(p.spec?.nodeName) },
    { header: 'NOMINATED NODE', wide: true, cell: (p) => orNone(p.status?.nominatedNodeName) },
    { header: 'READINESS GATES', wide: true, cell: readinessGates },
  ],
};
