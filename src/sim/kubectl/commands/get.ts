/**
 * `kubectl get`: `TYPE[.group] [NAME...]`, `TYPE/NAME...`, `TYPE1,TYPE2`, `all`,
 * with -o, -l, --field-selector, -n, -A, --show-labels, -L, --sort-by,
 * --no-headers and -w (reference §6). `watchGet` gives the Worker the lines a
 * running `kubectl get -w` prints for each later change.
 */
import { fieldSelectorPredicate } from '../../api/field-selectors';
import { allResources, type ResourceInfo } from '../../api/resources';
import { parseSelector } from '../../api/selectors';
import type { KubeObject } from '../../api/types';
import { badRequest, isReason, notFound } from '../../apiserver/errors';
import type { StoreChange } from '../../store/store';
import { namespaceFlag, type Command, type KubectlContext } from '../command';
import { UsageError, parseFlags, type FlagSpec, type ParsedArgs } from '../flags';
import type { KubectlResult } from '../kubectl';
import type { PrintContext } from '../printers/columns';
import { kindPrefix, parseOutput, printObjects, sortObjects, type KindGroup, type OutputFormat } from '../printers/output';
import { printerFor } from '../printers/registry';
import { tableRows } from '../printers/table';
import { formatRows } from '../printers/tabwriter';
import { cliError, resolveType } from './resource-args';

/** One kind a `get` asks for, with the names it asks for (none: list). */
export interface ResourceRequest {
  info: ResourceInfo;
  names: string[];
}

/** The group order of discovery, which `all` follows. */
const GROUP_ORDER = ['', 'apps', 'autoscaling', 'batch'];

/** The kinds in the `all` category, in discovery order. */
export function allCategory(): ResourceInfo[] {
  return allResources()
    .filter((r) => (r as ResourceInfo & { categories?: string[] }).categories?.includes('all'))
    .sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || a.resource.localeCompare(b.resource));
}

/** Parses the positional arguments of get/describe into requests. */
export function parseRequests(args: string[]): ResourceRequest[] {
  if (!args.length) {
    throw new UsageError(
      "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples",
    );
  }
  if (args.every((a) => a.includes('/'))) {
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const name = a.slice(i + 1);
      if (!name || name.includes('/')) throw new UsageError('error: arguments in resource/name form must have a single resource and name');
      const info = resolveType(a.slice(0, i));
      const prev = out.find((r) => r.info === info);
      if (prev) prev.names.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  if (args.slice(1).some((a) => a.includes('/'))) {
    throw new UsageError(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
  const infos: ResourceInfo[] = [];
  for (const t of args[0].split(',').filter(Boolean)) {
    for (const info of t.toLowerCase() === 'all' ? allCategory() : [resolveType(t)]) if (!infos.includes(info)) infos.push(info);
  }
  return infos.map((info) => ({ info, names: args.slice(1) }));
}

/** The label and field filters of -l and --field-selector, with the server's errors. */
export function listFilters(parsed: ParsedArgs, info: ResourceInfo) {
  const labelText = String(parsed.flags.selector ?? '');
  const fieldText = String(parsed.flags['field-selector'] ?? '');
  let labelSelector: ((l: Record<string, string>) => boolean) | undefined;
  let fieldSelector: ((o: KubeObject) => boolean) | undefined;
  try {
    if (labelText) {
      const sel = parseSelector(labelText);
      labelSelector = (l) => sel.matches(l);
    }
    if (fieldText) fieldSelector = fieldSelectorPredicate(info.kind, fieldText);
  } catch (e) {
    const what = `${info.group ? `${info.group}/` : '/'}${info.version}, Resource=${info.resource}`;
    throw badRequest(`Unable to find "${what}" that match label selector "${labelText}", field selector "${fieldText}": ${(e as Error).message}`);
  }
  return { labelSelector, fieldSelector };
}

/** The wall-clock "now" of the cluster, for ages. */
export function printContext(ctx: KubectlContext): PrintContext {
  const clock = ctx.cluster.clock;
  return { now: clock.epochMs + clock.now() };
}

/** What a `get` fetched: groups by kind, and the errors of names not found. */
interface Fetched {
  groups: KindGroup[];
  errors: string[];
}

function fetch(ctx: KubectlContext, parsed: ParsedArgs, requests: ResourceRequest[]): Fetched {
  const api = ctx.cluster.api;
  const ns = namespaceFlag(parsed);
  const allNs = !!parsed.flags['all-namespaces'];
  const groups: KindGroup[] = [];
  const errors: string[] = [];
  for (const { info, names } of requests) {
    const items: KubeObject[] = [];
    if (names.length) {
      for (const name of names) {
        const obj = api.tryGet(info.kind, ns, name);
        if (obj) items.push(obj);
        else if (!parsed.flags['ignore-not-found']) errors.push(`Error from server (NotFound): ${notFound(info, name).message}`);
      }
    } else {
      const { labelSelector, fieldSelector } = listFilters(parsed, info);
      items.push(...api.list(info.kind, info.namespaced && !allNs ? ns : undefined, { labelSelector, fieldSelector }).items);
    }
    groups.push({ kind: info.kind, items: parsed.flags['sort-by'] ? sortObjects(items, String(parsed.flags['sort-by'])) : items });
  }
  return { groups, errors };
}

function labelColumns(parsed: ParsedArgs): string[] {
  return (parsed.flags['label-columns'] as string[]).flatMap((s) => s.split(',')).filter(Boolean);
}

/** Table decorations from the flags. */
function tableOptions(parsed: ParsedArgs, requests: ResourceRequest[]) {
  const allNs = !!parsed.flags['all-namespaces'];
  return {
    withNamespace: allNs && requests.some((r) => r.info.namespaced),
    showLabels: !!parsed.flags['show-labels'],
    labelColumns: labelColumns(parsed),
    noHeaders: !!parsed.flags['no-headers'],
    kindPrefix: parsed.flags['show-kind'] ? 'yes' : undefined,
  };
}

/** The flags of `kubectl get`. */
export const GET_FLAGS: FlagSpec[] = [
  { name: 'output', shorthand: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).' },
  { name: 'selector', shorthand: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'." },
  { name: 'field-selector', type: 'string', default: '', usage: "Selector (field query) to filter on, supports '=', '==', and '!='." },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces.' },
  { name: 'show-labels', type: 'bool', default: false, usage: 'When printing, show all labels as the last column (default hide labels column)' },
  { name: 'label-columns', shorthand: 'L', type: 'stringArray', default: [], usage: 'Accepts a comma separated list of labels that are going to be presented as columns.' },
  { name: 'sort-by', type: 'string', default: '', usage: 'If non-empty, sort list types using this field specification.' },
  { name: 'no-headers', type: 'bool', default: false, usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
  { name: 'watch', shorthand: 'w', type: 'bool', default: false, usage: 'After listing/getting the requested object, watch for changes.' },
  { name: 'watch-only', type: 'bool', default: false, usage: 'Watch for changes to the requested object(s), without listing/getting first.' },
  { name: 'show-kind', type: 'bool', default: false, usage: 'If present, list the resource type for the requested object(s).' },
  { name: 'ignore-not-found', type: 'bool', default: false, usage: 'If set to true, suppresses NotFound error for specific objects that do not exist.' },
  { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once.' },
];

/** `No resources found in default namespace.` or, across namespaces or for cluster-scoped kinds, `No resources found`. */
function noResources(parsed: ParsedArgs, requests: ResourceRequest[]): string {
  if (parsed.flags['all-namespaces'] || requests.every((r) => !r.info.namespaced)) return 'No resources found';
  return `No resources found in ${namespaceFlag(parsed)} namespace.`;
}

export const getCommand: Command = {
  name: 'get',
  short: 'Display one or many resources',
  flags: GET_FLAGS,
  run(ctx, parsed, io) {
    const format = parseOutput(String(parsed.flags.output ?? ''));
    const requests = parseRequests(parsed.args);
    let fetched: Fetched;
    try {
      fetched = fetch(ctx, parsed, requests);
    } catch (e) {
      throw cliError(e);
    }
    const { groups, errors } = fetched;
    const total = groups.reduce((n, g) => n + g.items.length, 0);
    const named = requests.some((r) => r.names.length);
    const single = requests.length === 1 && requests[0].names.length === 1 && !parsed.args[0].includes(',');
    if (parsed.flags['watch-only']) return errors.length ? 1 : 0;
    if (total === 0 && !named && (format.type === 'table' || format.type === 'name' || format.type === 'custom-columns')) {
      io.err(noResources(parsed, requests));
    } else if (total > 0 || (format.type !== 'table' && format.type !== 'name' && !single)) {
      const text = printObjects(groups, format, printContext(ctx), { ...tableOptions(parsed, requests), single });
      // jsonpath prints exactly what its template yields, with no newline of its own.
      if (text && format.type === 'jsonpath') io.write(text);
      else if (text) io.out(text);
    }
    for (const e of errors) io.err(e);
    return errors.length ? 1 : 0;
  },
};

/** A running `kubectl get -w`: what it printed first, and the line(s) to print for each later change. */
export interface GetWatch {
  initial: KubectlResult;
  /** The watch line for a store change, or undefined when the change is not watched. */
  onChange(change: StoreChange): string | undefined;
}

/**
 * Starts `kubectl get ... -w` for the Worker: runs the get once and returns a
 * function that turns each later store change into the row kubectl prints.
 * Each row is flushed alone, so its columns are padded by their own width, as
 * kubectl's watch output is.
 */
export function watchGet(ctx: KubectlContext, argv: string[], run: (argv: string[]) => KubectlResult): GetWatch {
  const initial = run(argv);
  const getIdx = argv.indexOf('get');
  const parsed = parseFlags(argv.slice(getIdx + 1), GET_FLAGS, 'kubectl get');
  let requests: ResourceRequest[] = [];
  let format: OutputFormat = { type: 'table', wide: false };
  try {
    requests = parseRequests(parsed.args);
    format = parseOutput(String(parsed.flags.output ?? ''));
  } catch (e) {
    if (!(e instanceof UsageError) && !isReason(e, 'BadRequest')) throw e;
  }
  const ns = namespaceFlag(parsed);
  const allNs = !!parsed.flags['all-namespaces'];
  return {
    initial,
    onChange(change) {
      const obj = change.object;
      const req = requests.find((r) => r.info.kind === obj.kind);
      if (!req || initial.exitCode !== 0) return undefined;
      if (req.info.namespaced && !allNs && obj.metadata.namespace !== ns) return undefined;
      if (req.names.length && !req.names.includes(obj.metadata.name)) return undefined;
      const { labelSelector, fieldSelector } = listFilters(parsed, req.info);
      if (labelSelector && !labelSelector(obj.metadata.labels ?? {})) return undefined;
      if (fieldSelector && !fieldSelector(obj)) return undefined;
      if (format.type !== 'table') return printObjects([{ kind: obj.kind, items: [obj] }], format, printContext(ctx), { single: true });
      const rows = tableRows([obj], printerFor(obj.kind), printContext(ctx), { ...tableOptions(parsed, requests), wide: format.wide, noHeaders: true, kindPrefix: requests.length > 1 ? kindPrefix(obj.kind) : undefined });
      return formatRows(rows);
    },
  };
}
