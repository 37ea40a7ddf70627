/**
 * What a `kubectl get` printer is: the columns of one kind (reference §6.2) and
 * the helpers their cells share (AGE, `<none>`, container lists).
 */
import type { KubeObject } from '../../api/types';
import { humanDuration } from '../age';

/** Everything a cell may need besides its object. */
export interface PrintContext {
  /** Wall-clock ms of "now" on the virtual clock (epoch + virtual time). */
  now: number;
  /** `-o wide`: some cells (EXTERNAL-IP) are not clipped then. */
  wide?: boolean;
  /** Looks up another object (a pod's events, a node's lease...); optional for pure tests. */
  lookup?: (kind: string, namespace: string | undefined) => KubeObject[];
}

/** One column: its header and how a cell is computed. `wide` columns appear only with `-o wide`. */
export interface Column {
  header: string;
  wide?: boolean;
  cell(obj: KubeObject, ctx: PrintContext): string;
}

/** The printer of one kind. `noName` kinds (events) have no leading NAME column. */
export interface KindPrinter {
  kind: string;
  columns: Column[];
  noName?: boolean;
}

/** HumanDuration since an RFC 3339 timestamp, or `<unknown>` when there is none. */
export function since(ctx: PrintContext, ts: string | undefined | null): string {
  if (!ts) return '<unknown>';
  const t = Date.parse(ts);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(ctx.now - t);
}

/** The AGE column every kind ends with. */
export const AGE: Column = { header: 'AGE', cell: (o, ctx) => since(ctx, o.metadata.creationTimestamp) };

/** `<none>` for an empty cell, as kubectl prints it. */
export function orNone(s: string | undefined | null): string {
  return s ? s : '<none>';
}

/** `k=v,k2=v2` of a plain map, keys sorted (labels.FormatLabels); `<none>` when empty. */
export function formatMap(m: Record<string, string> | undefined | null): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The CONTAINERS and IMAGES wide columns of a workload's pod template. */
export function templateColumns(template: (o: KubeObject) => any): Column[] {
  return [
    { header: 'CONTAINERS', wide: true, cell: (o) => (template(o)?.spec?.containers ?? []).map((c: any) => c.name).join(',') },
    { header: 'IMAGES', wide: true, cell: (o) => (template(o)?.spec?.containers ?? []).map((c: any) => c.image).join(',') },
  ];
}

/** A number cell that prints 0 when the field is unset. */
export function num(v: unknown): string {
  return String(typeof v === 'number' ? v : 0);
}
