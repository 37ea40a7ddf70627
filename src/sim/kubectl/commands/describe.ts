/**
 * `kubectl describe TYPE [NAME_PREFIX]`, `TYPE/NAME`, `-l`, `-A`: the long
 * human-readable form of objects with their events. A name that matches no
 * object exactly describes every object whose name starts with it, as kubectl does.
 */
import type { KubeObject } from '../../api/types';
import { notFound } from '../../apiserver/errors';
import { namespaceFlag, type Command, type KubectlContext } from '../command';
import { describeObject, type DescribeSource } from '../printers/describe';
import { cliError } from './resource-args';
import { listFilters, parseRequests, printContext } from './get';

/** Reads the cluster for describers; kinds the server does not serve read as empty. */
export function describeSource(ctx: KubectlContext): DescribeSource {
  const api = ctx.cluster.api;
  return {
    list: (kind, ns) => {
      try {
        return api.list(kind, ns).items;
      } catch {
        return [];
      }
    },
    get: (kind, ns, name) => {
      try {
        return api.tryGet(kind, ns, name);
      } catch {
        return undefined;
      }
    },
  };
}

export const describeCommand: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  flags: [
    { name: 'selector', shorthand: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on.' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'show-events', type: 'bool', default: true, usage: 'If true, display events related to the described object.' },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once.' },
  ],
  run(ctx, parsed, io) {
    const api = ctx.cluster.api;
    const ns = namespaceFlag(parsed);
    const allNs = !!parsed.flags['all-namespaces'];
    const requests = parseRequests(parsed.args);
    const found: KubeObject[] = [];
    const errors: string[] = [];
    try {
      for (const { info, names } of requests) {
        const scope = info.namespaced && !allNs ? ns : undefined;
        if (!names.length) {
          const { labelSelector } = listFilters(parsed, info);
          found.push(...api.list(info.kind, scope, { labelSelector }).items);
          continue;
        }
        for (const name of names) {
          const exact = api.tryGet(info.kind, ns, name);
          if (exact) {
            found.push(exact);
            continue;
          }
          const prefixed = api.list(info.kind, scope).items.filter((o) => o.metadata.name.startsWith(name));
          if (prefixed.length) found.push(...prefixed);
          else errors.push(`Error from server (NotFound): ${notFound(info, name).message}`);
        }
      }
    } catch (e) {
      throw cliError(e);
    }
    if (!found.length && !errors.length) {
      io.err(allNs || requests.every((r) => !r.info.namespaced) ? 'No resources found' : `No resources found in ${ns} namespace.`);
      return 0;
    }
    const src = describeSource(ctx);
    const pctx = printContext(ctx);
    if (found.length) io.out(found.map((o) => describeObject(o, src, pctx)).join('\n\n'));
    for (const e of errors) io.err(e);
    return errors.length ? 1 : 0;
  },
};
