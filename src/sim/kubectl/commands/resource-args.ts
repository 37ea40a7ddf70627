/**
 * What the mutating commands share: turning `TYPE NAME...` / `TYPE/NAME` into
 * objects, kubectl's names for them, reading `-f` files, label selectors from
 * `-l`, and read-modify-write with a retry on Conflict (what kubectl's PATCH
 * gets from the server for free).
 */
import type { ApiServer } from '../../apiserver/apiserver';
import { clone } from '../../apiserver/apiserver';
import { ApiError, isReason } from '../../apiserver/errors';
import { resolveResource, type ResourceInfo } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { toJson, toYaml } from '../printers/serialize';
import type { KubectlContext, KubectlIO } from '../command';
import { UsageError, type FlagSpec, type ParsedArgs } from '../flags';

/** One object a command was asked to act on. */
export interface ObjectArg {
  info: ResourceInfo;
  name: string;
}

/** `deployment.apps`, `pod`: the kind as kubectl prints it before a name. */
export function kindLabel(info: ResourceInfo): string {
  return `${info.kind.toLowerCase()}${info.group ? `.${info.group}` : ''}`;
}

/** The resource type a user typed, or kubectl's error for an unknown one. */
export function resolveType(typed: string): ResourceInfo {
  const info = resolveResource(typed);
  if (!info) throw new UsageError(`error: the server doesn't have a resource type "${typed}"`);
  return info;
}

/**
 * Parses `TYPE NAME [NAME...]`, `TYPE1,TYPE2 NAME` or `TYPE/NAME [TYPE/NAME...]`,
 * with kubectl's errors for mixing the forms.
 */
export function parseObjectArgs(args: string[]): ObjectArg[] {
  if (!args.length) return [];
  if (args.every((a) => a.includes('/'))) {
    return args.map((a) => {
      const i = a.indexOf('/');
      const name = a.slice(i + 1);
      if (!name || name.includes('/')) throw new UsageError('error: arguments in resource/name form must have a single resource and name');
      return { info: resolveType(a.slice(0, i)), name };
    });
  }
  if (args.slice(1).some((a) => a.includes('/'))) {
    throw new UsageError(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
  const types = args[0].split(',').filter(Boolean).map(resolveType);
  const out: ObjectArg[] = [];
  for (const info of types) for (const name of args.slice(1)) out.push({ info, name });
  return out;
}

/** The namespace an object of `info` lives in: `ns` for namespaced kinds, '' otherwise. */
export function scopeOf(info: ResourceInfo, ns: string): string {
  return info.namespaced ? ns : '';
}

/**
 * Reads `obj`, lets `change` edit a copy and writes it back, retrying on a
 * Conflict as the server does for a PATCH. `change` returns false to skip the write.
 */
export function mutate<T extends KubeObject = KubeObject>(api: ApiServer, kind: string, ns: string, name: string, change: (obj: T) => boolean | void): T {
  for (let attempt = 0; ; attempt++) {
    const next = clone(api.get<T>(kind, ns, name));
    if (change(next) === false) return next;
    try {
      return api.update(next);
    } catch (err) {
      if (!isReason(err, 'Conflict') || attempt >= 5) throw err;
    }
  }
}

/** The text of a `-f` argument: `-` is stdin; undefined when the file does not exist. */
export function readFile(ctx: KubectlContext, file: string): string | undefined {
  return file === '-' ? ctx.stdin ?? '' : ctx.files?.[file];
}

/** A label selector parsed from `-l`: `a=b,c!=d,e in (x,y),f notin (z),g,!h`. */
export function parseLabelSelector(text: string): (labels: Record<string, string>) => boolean {
  const reqs: ((l: Record<string, string>) => boolean)[] = [];
  // Split on commas outside parentheses.
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts.map((p) => p.trim()).filter(Boolean)) {
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s*(!=)\s*(.*)$/.exec(raw))) {
      const [, k, , v] = m;
      reqs.push((l) => l[k] !== v.trim());
    } else if ((m = /^([\w./-]+)\s*==?\s*(.*)$/.exec(raw))) {
      const [, k, v] = m;
      reqs.push((l) => l[k] === v.trim());
    } else if ((m = /^([\w./-]+)\s+(in|notin)\s*\((.*)\)$/.exec(raw))) {
      const [, k, op, vs] = m;
      const values = vs.split(',').map((v) => v.trim());
      reqs.push(op === 'in' ? (l) => k in l && values.includes(l[k]) : (l) => !(k in l) || !values.includes(l[k]));
    } else if ((m = /^!([\w./-]+)$/.exec(raw))) {
      const k = m[1];
      reqs.push((l) => !(k in l));
    } else if ((m = /^([\w./-]+)$/.exec(raw))) {
      const k = m[1];
      reqs.push((l) => k in l);
    } else {
      throw new UsageError(`error: unable to parse requirement: found '${raw}', expected: identifier`);
    }
  }
  return (labels) => reqs.every((r) => r(labels));
}

/** `error: resource(s) were provided, but no name was specified` and friends, for commands that need names. */
export function requireObjects(args: string[], what = 'resource(s) were provided, but no name was specified'): ObjectArg[] {
  if (!args.length) throw new UsageError('error: you must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.');
  const objs = parseObjectArgs(args);
  if (!objs.length) throw new UsageError(`error: ${what}`);
  return objs;
}

/**
 * How kubectl's CheckErr prints an error: `The Kind "x" is invalid: ...` for a
 * validation failure, `Error from server (Reason): msg` for other API errors.
 * `wrap` is the prefix some commands add (`failed to create deployment`), which
 * turns it into `error: <wrap>: <server message>`.
 */
export function cliError(err: unknown, wrap?: string): UsageError {
  if (!(err instanceof ApiError)) return err instanceof UsageError ? err : new UsageError(`error: ${(err as Error)?.message ?? String(err)}`);
  if (wrap !== undefined) return new UsageError(`error: ${wrap}${err.message}`);
  if (err.reason === 'Invalid') {
    const d = err.status.details;
    const causes = d?.causes ?? [];
    const kind = d?.kind ?? '';
    if (causes.length === 1) return new UsageError(`The ${kind} "${d?.name ?? ''}" is invalid: ${causes[0].field}: ${causes[0].message}`);
    return new UsageError(`The ${kind} "${d?.name ?? ''}" is invalid: \n${causes.map((c) => `* ${c.field}: ${c.message}`).join('\n')}`);
  }
  return new UsageError(`Error from server (${err.reason}): ${err.message}`);
}

/** Runs `fn`, turning a thrown API error into kubectl's printed form. */
export function orCliError<T>(fn: () => T, wrap?: string): T {
  try {
    return fn();
  } catch (err) {
    throw cliError(err, wrap);
  }
}


/** Flags for `--dry-run` and `-o` that the create-like commands share. */
export const DRY_RUN_FLAGS: FlagSpec[] = [
  { name: 'dry-run', type: 'string', default: 'none', usage: 'Must be "none", "server", or "client".' },
  { name: 'output', shorthand: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name).' },
];

/**
 * Creates `obj` (or only prints it for `--dry-run=client`) and prints the
 * result line: `deployment.apps/web created`, `-o name`, `-o yaml|json`.
 */
export function createAndReport(api: ApiServer, obj: KubeObject, parsed: ParsedArgs, io: KubectlIO, opts: { verb?: string; wrap?: string } = {}): KubeObject {
  const dryRun = String(parsed.flags['dry-run'] ?? 'none');
  if (!['none', 'client', 'server', 'true', 'false'].includes(dryRun)) {
    throw new UsageError(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  }
  const info = resolveType(obj.kind);
  let result: KubeObject = obj;
  if (dryRun === 'none' || dryRun === 'false') result = orCliError(() => api.create(obj), opts.wrap);
  const output = String(parsed.flags.output ?? '');
  const suffix = dryRun === 'client' || dryRun === 'true' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  if (output === 'yaml') io.out(toYaml(dryRun === 'none' ? result : { ...result, status: {} }));
  else if (output === 'json') io.out(toJson(dryRun === 'none' ? result : { ...result, status: {} }));
  else if (output === 'name') io.out(`${kindLabel(info)}/${obj.metadata.name}`);
  else if (output) throw new UsageError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
  else io.out(`${kindLabel(info)}/${obj.metadata.name} ${opts.verb ?? 'created'}${suffix}`);
  return result;
}
