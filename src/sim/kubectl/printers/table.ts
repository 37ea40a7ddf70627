/**
 * `kubectl get` tables: a kind's columns plus the decorations the flags ask for
 * (NAMESPACE with -A, `kind/` name prefixes for multi-kind output, LABELS with
 * --show-labels, one column per -L key), laid out by the tabwriter.
 */
import type { KubeObject } from '../../api/types';
import { formatMap, type KindPrinter, type PrintContext } from './columns';
import { formatRows } from './tabwriter';

/** How to decorate a table. */
export interface TableOptions {
  wide?: boolean;
  /** Prepend NAMESPACE (with -A on a namespaced kind). */
  withNamespace?: boolean;
  showLabels?: boolean;
  /** Keys given with -L. */
  labelColumns?: string[];
  noHeaders?: boolean;
  /** `pod`, `deployment.apps`: prefixes names when several kinds are printed. */
  kindPrefix?: string;
}

/** The header and cell rows of a table, before layout. */
export function tableRows(objs: readonly KubeObject[], printer: KindPrinter, ctx: PrintContext, opts: TableOptions = {}): string[][] {
  const cellCtx = { ...ctx, wide: !!opts.wide };
  const columns = printer.columns.filter((c) => !c.wide || opts.wide);
  const header: string[] = [];
  if (opts.withNamespace) header.push('NAMESPACE');
  if (!printer.noName) header.push('NAME');
  header.push(...columns.map((c) => c.header));
  for (const key of opts.labelColumns ?? []) header.push(key.toUpperCase());
  if (opts.showLabels) header.push('LABELS');
  const rows = objs.map((o) => {
    const row: string[] = [];
    if (opts.withNamespace) row.push(o.metadata.namespace ?? '');
    if (!printer.noName) row.push(opts.kindPrefix ? `${opts.kindPrefix}/${o.metadata.name}` : o.metadata.name);
    row.push(...columns.map((c) => c.cell(o, cellCtx)));
    for (const key of opts.labelColumns ?? []) row.push(o.metadata.labels?.[key] ?? '');
    if (opts.showLabels) row.push(formatMap(o.metadata.labels));
    return row;
  });
  return opts.noHeaders ? rows : [header, ...rows];
}

/** A whole table as `kubectl get` prints it. */
export function printTable(objs: readonly KubeObject[], printer: KindPrinter, ctx: PrintContext, opts: TableOptions = {}): string {
  return formatRows(tableRows(objs, printer, ctx, opts));
}
