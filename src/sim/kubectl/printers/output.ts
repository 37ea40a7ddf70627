/**
 * Choosing and running a `kubectl get -o` printer: table (default, wide),
 * name, yaml, json, jsonpath and custom-columns, over objects of one or more kinds.
 */
import type { KubeObject } from '../../api/types';
import { resourceForKind } from '../../api/resources';
import { UsageError } from '../flags';
import type { PrintContext } from './columns';
import { evalPath, executeTemplate, JsonPathError, relaxedPath, valueText } from './jsonpath';
import { printerFor } from './registry';
import { asList, toJson, toYaml } from './serialize';
import { printTable, type TableOptions } from './table';
import { formatRows } from './tabwriter';

/** The formats `-o` accepts, as kubectl lists them in its error. */
export const ALLOWED_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** A parsed `-o` value. */
export type OutputFormat =
  | { type: 'table'; wide: boolean }
  | { type: 'name' | 'yaml' | 'json' }
  | { type: 'jsonpath'; template: string }
  | { type: 'custom-columns'; spec: string };

/** Parses `-o`, with kubectl's error for an unknown format. */
export function parseOutput(value: string): OutputFormat {
  if (!value) return { type: 'table', wide: false };
  if (value === 'wide') return { type: 'table', wide: true };
  if (value === 'name' || value === 'yaml' || value === 'json') return { type: value };
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const arg = eq < 0 ? '' : value.slice(eq + 1);
  if (name === 'jsonpath') {
    if (!arg) throw new UsageError('error: template format specified but no template given');
    return { type: 'jsonpath', template: arg };
  }
  if (name === 'custom-columns') {
    if (!arg) throw new UsageError('error: custom-columns format specified but no custom columns given');
    return { type: 'custom-columns', spec: arg };
  }
  throw new UsageError(`error: unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED_FORMATS}`);
}

/** `pod`, `deployment.apps`: the prefix of `-o name` and multi-kind tables. */
export function kindPrefix(kind: string): string {
  const info = resourceForKind(kind);
  return info?.group ? `${kind.toLowerCase()}.${info.group}` : kind.toLowerCase();
}

/** `-o custom-columns=NAME:.metadata.name,...` over `objs`. */
export function printCustomColumns(objs: readonly KubeObject[], spec: string, noHeaders: boolean): string {
  const cols = spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw new UsageError(`error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), path: relaxedPath(part.slice(i + 1)) };
  });
  const rows = objs.map((o) =>
    cols.map((c) => {
      const vals = evalPath(c.path, o);
      return vals.length ? vals.map(valueText).join(',') : '<none>';
    }),
  );
  return formatRows(noHeaders ? rows : [cols.map((c) => c.header), ...rows]);
}

/** Sorts by a `--sort-by` JSONPath: numbers numerically, everything else as text; missing values first. */
export function sortObjects(objs: KubeObject[], expr: string): KubeObject[] {
  let path;
  try {
    path = relaxedPath(expr);
  } catch (e) {
    throw new UsageError(`error: couldn't parse sort-by expression: ${(e as Error).message}`);
  }
  const key = (o: KubeObject) => evalPath(path, o)[0];
  return [...objs].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const sx = valueText(x);
    const sy = valueText(y);
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  });
}

/** What one group of printed objects is: the kind and its objects. */
export interface KindGroup {
  kind: string;
  items: KubeObject[];
}

/** Options for printing a `get` result. */
export interface PrintOptions extends TableOptions {
  /** True when the result is one named object (`get pod x`), which -o yaml/json print bare, not as a List. */
  single: boolean;
}

/** Prints groups of objects in `format`, as `kubectl get` does. */
export function printObjects(groups: KindGroup[], format: OutputFormat, ctx: PrintContext, opts: PrintOptions): string {
  const all = groups.flatMap((g) => g.items);
  const doc = opts.single && all.length === 1 ? all[0] : asList(all);
  switch (format.type) {
    case 'name':
      return all.map((o) => `${kindPrefix(o.kind)}/${o.metadata.name}\n`).join('');
    case 'yaml':
      return toYaml(doc);
    case 'json':
      return `${toJson(doc)}\n`;
    case 'jsonpath':
      try {
        return executeTemplate(format.template, doc);
      } catch (e) {
        if (e instanceof JsonPathError) throw new UsageError(`error: error parsing jsonpath ${format.template}, ${e.message}`);
        throw e;
      }
    case 'custom-columns':
      return printCustomColumns(all, format.spec, !!opts.noHeaders);
    case 'table': {
      // Several kinds in one answer: names get their kind, tables a blank line between them.
      const multi = groups.filter((g) => g.items.length).length > 1;
      return groups
        .filter((g) => g.items.length)
        .map((g) => printTable(g.items, printerFor(g.kind), ctx, { ...opts, wide: format.wide, kindPrefix: multi || opts.kindPrefix ? kindPrefix(g.kind) : undefined }))
        .join('\n');
    }
  }
}
