/**
 * SchedulingGates (reference §2.1): a PreEnqueue check. A pod with
 * `spec.schedulingGates` is held out of activeQ until the gates are removed;
 * it shows PodScheduled=False with reason SchedulingGated.
 */
import type { Pod } from '../../api/types';
import { SUCCESS, unschedulable, type Status } from '../framework';

/** The plugin's name, as in the scheduler profile. */
export const NAME = 'SchedulingGates';

/** The PodScheduled condition's reason while gated. */
export const REASON_GATED = 'SchedulingGated';

/** The PodScheduled condition's message while gated. */
export const MSG_GATED = 'Scheduling is blocked due to non-empty scheduling gates';

/** PreEnqueue: Success when the pod may enter the active queue, else why it waits. */
export function preEnqueue(pod: Pod): Status {
  const gates = pod.spec?.schedulingGates ?? [];
  if (gates.length === 0) return SUCCESS;
  return unschedulable('UnschedulableAndUnresolvable', `waiting for scheduling gates: [${gates.map((g) => g.name).join(' ')}]`);
}
