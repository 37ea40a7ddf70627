/** What a pod worker needs from its kubelet. */
import type { ApiServer } from '../apiserver/apiserver';
import type { EventRecorder } from '../client/events';
import type { VirtualClock } from '../core/clock';
import type { Rng } from '../core/rng';
import type { ProcessTimers } from '../core/timers';
import type { KubeObject } from '../api/types';
import type { Backoff } from './backoff';

/** The kubelet's shared services, as seen by one pod worker. */
export interface KubeletHost {
  api: ApiServer;
  clock: VirtualClock;
  rng: Rng;
  /** The kubelet process's timers: all cancelled when the node dies. */
  timers: ProcessTimers;
  /** Records events as `kubelet` on this node. */
  recorder: EventRecorder;
  /** Container restart back-off, per pod uid and container. */
  backoff: Backoff;
  /** The node's InternalIP. */
  hostIP: string;
  /** A free IP from the node's pod CIDR for the pod `ns/name`. */
  allocatePodIP(key: string): string;
  /** Returns the pod's IP to the pool. */
  releasePodIP(key: string): void;
  /** The final delete (grace 0) once the pod's containers have stopped. */
  deletePod(pod: KubeObject): void;
}
