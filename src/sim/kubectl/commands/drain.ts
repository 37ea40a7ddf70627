/**
 * `kubectl drain NODE [--ignore-daemonsets] [--force] [--delete-emptydir-data]
 * [--grace-period] [--disable-eviction]`: cordon, then evict every pod on the
 * node except mirror pods and (with --ignore-daemonsets) DaemonSet pods,
 * printing what kubectl prints. Evictions honour PodDisruptionBudgets; a
 * refused eviction is reported once (kubectl would retry every 5 s) and the
 * drain ends with an error instead of blocking the terminal.
 */
import { clone } from '../../apiserver/apiserver';
import { rfc3339 } from '../../core/time';
import { selectorMatches } from '../../api/selectors';
import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../cluster';
import type { Command } from '../command';
import { cliError } from './resource-args';
import { nodeNames, setUnschedulable } from './node-args';

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

const DAEMONSET_ERR = 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const LOCAL_STORAGE_ERR = 'cannot delete Pods with local storage (use --delete-emptydir-data to override)';
const UNMANAGED_ERR = 'cannot delete Pods declare no controller (use --force to override)';

/** Why each pod can or cannot be drained: kubectl's drain filters, in their order. */
interface PodPlan {
  evict: KubeObject[];
  errors: Map<string, string[]>;
  warnings: Map<string, string[]>;
}

function plan(pods: KubeObject[], flags: Record<string, unknown>): PodPlan {
  const out: PodPlan = { evict: [], errors: new Map(), warnings: new Map() };
  const note = (m: Map<string, string[]>, msg: string, pod: KubeObject) => m.set(msg, [...(m.get(msg) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (pod.metadata.annotations?.[MIRROR_ANNOTATION]) continue;
    const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    const controller = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (controller?.kind === 'DaemonSet' && !finished) {
      if (flags['ignore-daemonsets']) note(out.warnings, 'ignoring DaemonSet-managed Pods', pod);
      else note(out.errors, DAEMONSET_ERR, pod);
      continue;
    }
    const emptyDir = (pod.spec?.volumes ?? []).some((v: { emptyDir?: unknown }) => v.emptyDir);
    if (emptyDir && !finished && !flags['delete-emptydir-data']) {
      note(out.errors, LOCAL_STORAGE_ERR, pod);
      continue;
    }
    if (!controller && !finished) {
      if (!flags.force) {
        note(out.errors, UNMANAGED_ERR, pod);
        continue;
      }
      note(out.warnings, 'deleting Pods that declare no controller', pod);
    }
    out.evict.push(pod);
  }
  return out;
}

/** The eviction subresource: refuses when a PodDisruptionBudget allows no disruption, else deletes the pod. */
function evict(cluster: Cluster, pod: KubeObject, grace: number | undefined): string | undefined {
  const api = cluster.api;
  const pdbs = api.list('PodDisruptionBudget', pod.metadata.namespace).items.filter((p) => selectorMatches(p.spec?.selector, pod.metadata.labels));
  if (pdbs.length > 1) return `This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.`;
  const pdb = pdbs[0];
  const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  if (pdb && !terminal) {
    if ((pdb.status?.disruptionsAllowed ?? 0) < 1) return "Cannot evict pod as it would violate the pod's disruption budget.";
    // As the API server does: count the disruption before the controller sees it.
    const next = clone(pdb);
    next.status = { ...next.status, disruptionsAllowed: next.status.disruptionsAllowed - 1, disruptedPods: { ...(next.status.disruptedPods ?? {}), [pod.metadata.name]: rfc3339(cluster.clock) } };
    api.updateStatus(next);
  }
  api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: grace });
  return undefined;
}

export const drainCommand: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  flags: [
    { name: 'ignore-daemonsets', type: 'bool', default: false, usage: 'Ignore DaemonSet-managed pods.' },
    { name: 'force', type: 'bool', default: false, usage: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'delete-emptydir-data', type: 'bool', default: false, usage: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before giving up, zero means infinite' },
    { name: 'disable-eviction', type: 'bool', default: false, usage: 'Force drain to use delete, even if eviction is supported.' },
    { name: 'pod-selector', type: 'string', default: '', usage: 'Label selector to filter pods on the node' },
    { name: 'selector', shorthand: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on' },
  ],
  run(ctx, parsed, io) {
    const cluster = ctx.cluster;
    const grace = parsed.flags['grace-period'] as number;
    let failed = false;
    for (const name of nodeNames(cluster, parsed.args, parsed, 'drain')) {
      let changed: boolean;
      try {
        changed = setUnschedulable(cluster, name, true);
      } catch (err) {
        throw cliError(err);
      }
      io.out(`node/${name} ${changed ? 'cordoned' : 'already cordoned'}`);
      const pods = cluster.api.list('Pod', undefined, { fieldSelector: (p) => p.spec?.nodeName === name }).items;
      const p = plan(pods, parsed.flags);
      if (p.errors.size) {
        const errs = [...p.errors].map(([msg, list]) => `${msg}: ${list.join(', ')}`);
        const text = errs.length > 1 ? `[${errs.join(', ')}]` : errs[0];
        io.err(`error: unable to drain node "${name}" due to error:${text}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${errs.join('\n')}`);
        failed = true;
        continue;
      }
      if (p.warnings.size) io.err(`Warning: ${[...p.warnings].map(([msg, list]) => `${msg}: ${list.join(', ')}`).join('; ')}`);
      const refused: string[] = [];
      for (const pod of p.evict) {
        const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
        if (parsed.flags['disable-eviction']) {
          cluster.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: grace >= 0 ? grace : undefined });
          io.out(`pod/${pod.metadata.name} deleted`);
          continue;
        }
        io.out(`evicting pod ${ref}`);
        const why = evict(cluster, pod, grace >= 0 ? grace : undefined);
        if (why) {
          io.err(`error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}" (will retry after 5s): ${why}`);
          refused.push(ref);
        } else io.out(`pod/${pod.metadata.name} evicted`);
      }
      if (refused.length) {
        io.err(`There are pending pods in node "${name}" when an error occurred: ${refused.length} pod(s) could not be evicted\nerror: unable to drain node "${name}" due to error: ${refused.length} pod(s) could not be evicted, continuing command...\nThere are pending nodes to be drained:\n ${name}`);
        failed = true;
        continue;
      }
      io.out(`node/${name} drained`);
    }
    return failed ? 1 : 0;
  },
};
