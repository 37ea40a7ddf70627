/**
 * NodeUnschedulable (reference §2.5): a cordoned node (`spec.unschedulable`)
 * takes no new pods, unless the pod tolerates the
 * `node.kubernetes.io/unschedulable:NoSchedule` taint.
 */
import type { Pod, Taint } from '../../api/types';
import { SUCCESS, toleratedBy, unschedulable, type FilterPlugin, type NodeInfo, type Status } from '../framework';

/** The plugin's name, as in the scheduler profile. */
export const NAME = 'NodeUnschedulable';

/** The FailedScheduling reason for a cordoned node. */
export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** Rejects cordoned nodes for pods that do not tolerate them. */
export function filterUnschedulable(pod: Pod, nodeInfo: NodeInfo): Status {
  if (!nodeInfo.node.spec?.unschedulable) return SUCCESS;
  if (toleratedBy(pod.spec?.tolerations, UNSCHEDULABLE_TAINT)) return SUCCESS;
  return unschedulable('UnschedulableAndUnresolvable', REASON_UNSCHEDULABLE);
}

/** The NodeUnschedulable filter plugin. */
export const nodeUnschedulable = { name: NAME, filter: filterUnschedulable } satisfies FilterPlugin;
