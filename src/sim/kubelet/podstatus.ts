/**
 * Pure pod-status rules of the kubelet: the phase from container statuses
 * (reference §4.1, getPhase) and the kubelet-owned conditions in the kubelet's
 * order (§4.3, status/generate.go).
 */
import type { ContainerStatus, PodCondition } from '../api/types';

/** Pod phases. */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** Inputs of getPhase. */
export interface PhaseInput {
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  /** Number of regular containers in the spec. */
  containerCount: number;
  initStatuses: ContainerStatus[];
  statuses: ContainerStatus[];
  /** The pod is being torn down (deleted): a stopped pod is then terminal. */
  terminating: boolean;
}

/** The pod phase per §4.1 (sidecars not modelled). */
export function computePhase(input: PhaseInput): PodPhase {
  let pendingInit = 0;
  let failedInit = 0;
  for (const s of input.initStatuses) {
    const lastFailed = (s.lastState?.terminated?.exitCode ?? 0) !== 0;
    if (s.state?.running || (s.state?.waiting && !s.lastState?.terminated)) pendingInit++;
    else if (s.state?.terminated && s.state.terminated.exitCode !== 0) failedInit++;
    else if (s.state?.waiting && lastFailed) failedInit++;
  }
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  let waiting = 0;
  let started = false;
  for (const s of input.statuses) {
    if (s.state?.running) {
      running++;
      started = true;
    } else if (s.state?.terminated) {
      stopped++;
      started = true;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        stopped++;
        started = true;
      } else waiting++;
    }
  }
  const unknown = Math.max(0, input.containerCount - input.statuses.length);
  if (failedInit > 0 && input.restartPolicy === 'Never') return 'Failed';
  if ((pendingInit > 0 || failedInit > 0) && !started) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (input.terminating) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (input.restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (input.restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** Go's `%s` of a string slice: `[a b]`. */
function goList(names: string[]): string {
  return `[${names.join(' ')}]`;
}

/** Inputs of the kubelet-owned conditions. */
export interface ConditionInput {
  phase: PodPhase;
  sandboxReady: boolean;
  initStatuses: ContainerStatus[];
  statuses: ContainerStatus[];
}

type Cond = Omit<PodCondition, 'lastTransitionTime'>;

/** The conditions the kubelet writes, in its order, without PodScheduled and timestamps. */
export function kubeletConditions(input: ConditionInput): Cond[] {
  const out: Cond[] = [{ type: 'PodReadyToStartContainers', status: input.sandboxReady ? 'True' : 'False' }];

  const incomplete = input.initStatuses.filter((s) => !(s.state?.terminated && s.state.terminated.exitCode === 0)).map((s) => s.name);
  const regularStarted = input.statuses.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated);
  if (input.phase === 'Succeeded' && input.initStatuses.length) out.push({ type: 'Initialized', status: 'True', reason: 'PodCompleted' });
  else if (incomplete.length === 0 || regularStarted) out.push({ type: 'Initialized', status: 'True' });
  else out.push({ type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: ${goList(incomplete)}` });

  let ready: Cond;
  if (input.phase === 'Succeeded' || input.phase === 'Failed') {
    ready = { type: 'ContainersReady', status: 'False', reason: input.phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed' };
  } else {
    const unready = input.statuses.filter((s) => !s.ready).map((s) => s.name);
    ready = unready.length
      ? { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: ${goList(unready)}` }
      : { type: 'ContainersReady', status: 'True' };
  }
  // Ready copies ContainersReady (no readiness gates modelled).
  out.push({ ...ready, type: 'Ready' });
  out.push(ready);
  return out;
}

/**
 * Puts `next` (kubelet conditions) in order before PodScheduled, keeping each
 * condition's lastTransitionTime when its status did not change.
 */
export function mergeConditions(existing: PodCondition[] | undefined, next: Cond[], now: string): PodCondition[] {
  const old = new Map((existing ?? []).map((c) => [c.type, c]));
  const out: PodCondition[] = next.map((c) => {
    const prev = old.get(c.type);
    const lastTransitionTime = prev && prev.status === c.status ? prev.lastTransitionTime : now;
    return { type: c.type, status: c.status, lastProbeTime: null as unknown as undefined, lastTransitionTime, ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}) };
  });
  const scheduled = old.get('PodScheduled');
  out.push(scheduled ?? { type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as undefined, lastTransitionTime: now });
  for (const c of existing ?? []) if (!out.some((o) => o.type === c.type)) out.push(c);
  return out;
}
