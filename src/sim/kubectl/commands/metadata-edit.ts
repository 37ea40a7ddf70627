/**
 * What `kubectl label` and `kubectl annotate` share: `key=value` and `key-`
 * arguments, `--overwrite`, `--all`/`-l`, and the `labeled`/`annotated` lines
 * (`not labeled` when nothing changed).
 */
import type { KubeObject } from '../../api/types';
import { validateLabelValue } from '../../api/names';
import type { KubectlContext, KubectlIO } from '../command';
import { namespaceFlag } from '../command';
import { UsageError, type FlagSpec, type ParsedArgs } from '../flags';
import { kindLabel, mutate, orCliError, parseLabelSelector, parseObjectArgs, resolveType, type ObjectArg } from './resource-args';

/** Flags of label and annotate. */
export const METADATA_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool', default: false, usage: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.' },
  { name: 'all', type: 'bool', default: false, usage: 'Select all resources, in the namespace of the specified resource types' },
  { name: 'selector', shorthand: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on.' },
  { name: 'list', type: 'bool', default: false, usage: 'If true, display the labels for a given resource.' },
];

/** Runs label (`field` = labels) or annotate (`field` = annotations). */
export function editMetadata(ctx: KubectlContext, parsed: ParsedArgs, io: KubectlIO, field: 'labels' | 'annotations'): number {
  const cmd = field === 'labels' ? 'label' : 'annotate';
  const word = field === 'labels' ? 'label' : 'annotation';
  const done = field === 'labels' ? 'labeled' : 'annotated';
  const split = parsed.args.findIndex((a) => a.includes('=') || (a.endsWith('-') && !a.includes('/')));
  const objArgs = split < 0 ? parsed.args : parsed.args.slice(0, split);
  const changes = split < 0 ? [] : parsed.args.slice(split);
  if (!changes.length && !parsed.flags.list) throw new UsageError(`error: at least one ${word} update is required\nSee 'kubectl ${cmd} -h' for help and examples`);
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    if (c.endsWith('-') && !c.includes('=')) remove.push(c.slice(0, -1));
    else {
      const i = c.indexOf('=');
      if (i <= 0) throw new UsageError(`error: invalid ${word} spec: ${c}`);
      const value = c.slice(i + 1);
      if (field === 'labels' && validateLabelValue(value).length) throw new UsageError(`error: invalid label value: "${c}": ${validateLabelValue(value).join('; ')}`);
      set[c.slice(0, i)] = value;
    }
  }
  const ns = namespaceFlag(parsed);
  let objs: ObjectArg[] = objArgs.length === 1 && !objArgs[0].includes('/') ? [] : parseObjectArgs(objArgs);
  if (!objs.length) {
    if (!objArgs.length) throw new UsageError(`error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl ${cmd} -h' for help and examples`);
    const info = resolveType(objArgs[0]);
    const selector = parsed.flags.selector as string;
    if (!selector && !parsed.flags.all) throw new UsageError('error: resource(s) were provided, but no name was specified');
    const match = selector ? parseLabelSelector(selector) : () => true;
    objs = ctx.cluster.api.list(info.kind, info.namespaced ? ns : undefined, { labelSelector: match }).items.map((o) => ({ info, name: o.metadata.name }));
  }
  for (const { info, name } of objs) {
    if (parsed.flags.list) {
      const obj = orCliError(() => ctx.cluster.api.get(info.kind, ns, name));
      for (const [k, v] of Object.entries(obj.metadata[field] ?? {})) io.out(`${k}=${v}`);
      continue;
    }
    let changed = false;
    orCliError(() =>
      mutate<KubeObject>(ctx.cluster.api, info.kind, ns, name, (obj) => {
        const current: Record<string, string> = { ...(obj.metadata[field] ?? {}) };
        for (const [k, v] of Object.entries(set)) {
          if (k in current && !parsed.flags.overwrite && current[k] !== v) {
            throw new UsageError(
              field === 'labels'
                ? `error: '${k}' already has a value (${current[k]}), and --overwrite is false`
                : `error: --overwrite is false but found the following declared annotation(s): '${k}' already has a value (${current[k]})`,
            );
          }
          if (current[k] !== v) changed = true;
          current[k] = v;
        }
        for (const k of remove) {
          if (k in current) changed = true;
          delete current[k];
        }
        if (!changed) return false;
        if (Object.keys(current).length) obj.metadata[field] = current;
        else delete obj.metadata[field];
      }),
    );
    io.out(`${kindLabel(info)}/${name} ${changed ? done : `not ${done}`}`);
  }
  return 0;
}
