/** The node names `cordon`, `uncordon`, `drain` and `taint` act on: `NODE...`, `node/NODE` or `-l`. */
import type { Cluster } from '../../cluster';
import { clone } from '../../apiserver/apiserver';
import { UsageError, type ParsedArgs } from '../flags';
import { parseLabelSelector, parseObjectArgs } from './resource-args';

/** Node names from the arguments, or from `--selector` over all nodes. */
export function nodeNames(cluster: Cluster, args: string[], parsed: ParsedArgs, cmd: string): string[] {
  const selector = (parsed.flags.selector as string) || '';
  if (!args.length) {
    if (!selector) throw new UsageError(`error: USAGE: ${cmd} NODE [flags]\nSee 'kubectl ${cmd} -h' for help and examples`);
    const match = parseLabelSelector(selector);
    return cluster.api.list('Node', undefined, { labelSelector: match }).items.map((n) => n.metadata.name);
  }
  return args.map((a) => {
    if (!a.includes('/')) return a;
    const [obj] = parseObjectArgs([a]);
    if (obj.info.kind !== 'Node') throw new UsageError(`error: Must specify a node`);
    return obj.name;
  });
}

/** Sets spec.unschedulable; returns false when it already had that value. */
export function setUnschedulable(cluster: Cluster, name: string, value: boolean): boolean {
  const node = cluster.api.get('Node', '', name);
  if (!!node.spec?.unschedulable === value) return false;
  const next = clone(node);
  next.spec = { ...(next.spec ?? {}) };
  if (value) next.spec.unschedulable = true;
  else delete next.spec.unschedulable;
  cluster.api.update(next);
  return true;
}
