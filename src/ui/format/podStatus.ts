/**
 * The colour family the map uses for each pod status. The READY / STATUS /
 * RESTARTS logic itself is kubectl's and lives with its printers.
 */
import { podRow, type PodRow } from '../../sim/kubectl/printers/podStatus';

export { podRow, type PodRow };
/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyPod = { metadata?: any; spec?: any; status?: any };

/** The colour family of a pod chip. */
export type PodTone = 'ok' | 'progress' | 'error' | 'terminating' | 'done';

export function podTone(pod: AnyPod, row: PodRow = podRow(pod)): PodTone {
  const s = row.status;
  if (s === 'Terminating' || s === 'Unknown') return 'terminating';
  if (s === 'Completed') return 'done';
  if (s === 'Running') {
    const [r, t] = row.ready.split('/');
    return r === t ? 'ok' : 'progress';
  }
  if (s === 'Pending' || s === 'ContainerCreating' || s === 'PodInitializing' || s === 'SchedulingGated' || /^Init:\d+\/\d+$/.test(s)) return 'progress';
  return 'error';
}
