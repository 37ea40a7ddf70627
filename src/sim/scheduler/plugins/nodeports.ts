/**
 * NodePorts (reference §2.1, §2.5): a pod asking for a `hostPort` does not fit
 * a node where another pod already holds the same port and protocol on an
 * overlapping host IP. Unschedulable, so preemption may free the port.
 */
import type { Pod } from '../../api/types';
import { SKIP, SUCCESS, unschedulable, type CycleState, type FilterPlugin, type NodeInfo, type Status } from '../framework';

/** The plugin's name, as in the scheduler profile. */
export const NAME = 'NodePorts';

/** The FailedScheduling reason (reference §2.5). */
export const REASON = "node(s) didn't have free ports for the requested pod ports";

/** One host port a pod wants: IP (0.0.0.0 means every address), protocol and port. */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

const ANY_IP = '0.0.0.0';

/** The host ports of a pod's containers (hostPort 0 means none); IP and protocol defaulted. */
export function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort) continue;
      out.push({ ip: p.hostIP || ANY_IP, protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  return out;
}

/** True when two host ports clash: same port and protocol, and the same IP or either is 0.0.0.0. */
export function conflicts(a: HostPort, b: HostPort): boolean {
  if (a.port !== b.port || a.protocol !== b.protocol) return false;
  return a.ip === b.ip || a.ip === ANY_IP || b.ip === ANY_IP;
}

/** Every host port held by the node's pods. */
function usedPorts(nodeInfo: NodeInfo): HostPort[] {
  const out: HostPort[] = [];
  for (const pod of nodeInfo.pods) out.push(...hostPorts(pod));
  return out;
}

/** Filter: fails when any wanted port clashes with a port a pod on the node holds. */
export function filterNodePorts(pod: Pod, nodeInfo: NodeInfo, state?: CycleState): Status {
  const wanted = state?.read<HostPort[]>(NAME) ?? hostPorts(pod);
  if (wanted.length === 0) return SUCCESS;
  // The ports the node's pods hold, gathered once per change of its pods.
  for (const used of nodeInfo.derive(NAME, usedPorts)) {
    if (wanted.some((w) => conflicts(w, used))) return unschedulable('Unschedulable', REASON);
  }
  return SUCCESS;
}

/** The NodePorts filter plugin. */
export const nodePorts = {
  name: NAME,
  preFilter: (pod: Pod, _snapshot: unknown, state: CycleState) => {
    const wanted = hostPorts(pod);
    if (wanted.length === 0) return SKIP;
    state.write(NAME, wanted);
  },
  filter: filterNodePorts,
} satisfies FilterPlugin;
