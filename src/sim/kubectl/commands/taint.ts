/**
 * `kubectl taint nodes NODE key=value:Effect | key:Effect | key:Effect- | key-
 * [--overwrite]` -> `node/NODE tainted` / `untainted`.
 */
import { rfc3339 } from '../../core/time';
import type { Taint } from '../../api/types';
import type { Command } from '../command';
import { UsageError } from '../flags';
import { mutate, orCliError, resolveType } from './resource-args';
import { nodeNames } from './node-args';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Parses one taint argument into an addition or a removal, with kubectl's errors. */
function parseTaint(spec: string): { add?: Taint; remove?: { key: string; effect?: string } } {
  if (spec.endsWith('-')) {
    const body = spec.slice(0, -1);
    const [key, effect] = body.split(':');
    if (effect && !EFFECTS.includes(effect)) throw new UsageError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
    return { remove: { key, effect } };
  }
  const colon = spec.lastIndexOf(':');
  if (colon < 0) throw new UsageError(`error: invalid taint spec: ${spec}, `);
  const effect = spec.slice(colon + 1);
  const kv = spec.slice(0, colon);
  if (!EFFECTS.includes(effect)) throw new UsageError(`error: invalid taint spec: ${spec}, invalid taint effect: ${effect}, unsupported taint effect`);
  const eq = kv.indexOf('=');
  const key = eq < 0 ? kv : kv.slice(0, eq);
  const value = eq < 0 ? undefined : kv.slice(eq + 1);
  const taint: Taint = { key, effect: effect as Taint['effect'] };
  if (value) taint.value = value;
  return { add: taint };
}

export const taintCommand: Command = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  flags: [
    { name: 'overwrite', type: 'bool', default: false, usage: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    { name: 'selector', shorthand: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on' },
    { name: 'all', type: 'bool', default: false, usage: 'Select all nodes in the cluster' },
  ],
  run(ctx, parsed, io) {
    const [type, ...rest] = parsed.args;
    if (!type) throw new UsageError("error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples");
    const byType = !type.includes('/');
    if (byType && resolveType(type).kind !== 'Node') throw new UsageError('error: Must specify a node');
    const names = byType ? rest.filter((a) => !a.includes(':') && !a.endsWith('-') && !a.includes('=')) : [type];
    const specs = rest.filter((a) => !names.includes(a));
    if (!specs.length) throw new UsageError("error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples");
    const changes = specs.map(parseTaint);
    const targets = parsed.flags.all ? ctx.cluster.api.list('Node').items.map((n) => n.metadata.name) : nodeNames(ctx.cluster, names, parsed, 'taint');
    for (const name of targets) {
      let removed = false;
      orCliError(() =>
        mutate(ctx.cluster.api, 'Node', '', name, (node) => {
          let taints: Taint[] = [...(node.spec?.taints ?? [])];
          for (const c of changes) {
            if (c.add) {
              const t = c.add;
              const existing = taints.findIndex((x) => x.key === t.key && x.effect === t.effect);
              if (existing >= 0 && !parsed.flags.overwrite) {
                throw new UsageError(`error: node ${name} already has ${t.key} taint(s) with same effect(s) and --overwrite is false`);
              }
              const next: Taint = { ...t };
              // kubectl stamps NoExecute taints with the time they were added.
              if (t.effect === 'NoExecute') next.timeAdded = rfc3339(ctx.cluster.clock);
              if (existing >= 0) taints[existing] = next;
              else taints.push(next);
            } else if (c.remove) {
              const r = c.remove;
              const left = taints.filter((x) => !(x.key === r.key && (!r.effect || x.effect === r.effect)));
              if (left.length === taints.length) throw new UsageError(`error: taint "${r.key}${r.effect ? `:${r.effect}` : ''}" not found`);
              taints = left;
              removed = true;
            }
          }
          node.spec = { ...(node.spec ?? {}) };
          if (taints.length) node.spec.taints = taints;
          else delete node.spec.taints;
        }),
      );
      io.out(`node/${name} ${removed && changes.every((c) => c.remove) ? 'untainted' : 'tainted'}`);
    }
  },
};
