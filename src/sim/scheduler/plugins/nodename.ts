/**
 * NodeName (reference §2.1, §2.5): a pod that names a node in `spec.nodeName`
 * fits only that node. PreFilter narrows the cycle to it; Filter rejects the
 * rest for good.
 */
import type { Pod } from '../../api/types';
import { SKIP, SUCCESS, unschedulable, type FilterPlugin, type NodeInfo, type Status } from '../framework';

/** The plugin's name, as in the scheduler profile. */
export const NAME = 'NodeName';

/** The FailedScheduling reason (reference §2.5). */
export const REASON = "node(s) didn't match the requested node name";

/** True when the pod may run on the node: it names none, or names this one. */
export function fits(pod: Pod, nodeInfo: NodeInfo): boolean {
  return !pod.spec?.nodeName || pod.spec.nodeName === nodeInfo.name;
}

/** The NodeName filter plugin. */
export const nodeName = {
  name: NAME,
  preFilter: (pod: Pod) => (pod.spec?.nodeName ? { nodeNames: new Set([pod.spec.nodeName]) } : SKIP),
  filter: (pod: Pod, nodeInfo: NodeInfo): Status => (fits(pod, nodeInfo) ? SUCCESS : unschedulable('UnschedulableAndUnresolvable', REASON)),
} satisfies FilterPlugin;
