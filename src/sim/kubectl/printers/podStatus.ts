/**
 * kubectl's pod READY / STATUS / RESTARTS cells (reference §6.4, printPod in
 * k/k pkg/printers/internalversion/printers.go). Shared by `kubectl get pods`
 * and the UI's map and inspector.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyPod = { metadata?: any; spec?: any; status?: any };

/** The READY, STATUS and RESTARTS cells of one pod. */
export interface PodRow {
  ready: string;
  status: string;
  restarts: number;
}

function terminatedReason(t: any): string {
  if (t.reason) return t.reason;
  return t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode ?? 0}`;
}

/** The READY, STATUS and RESTARTS that `kubectl get pods` prints for this pod. */
export function podRow(pod: AnyPod): PodRow {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const containers: any[] = spec.containers ?? [];
  const initContainers: any[] = spec.initContainers ?? [];
  const isSidecar = (c: any) => c?.restartPolicy === 'Always';
  let reason: string = status.reason || status.phase || 'Pending';
  const conditions: any[] = status.conditions ?? [];
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';
  const total = containers.length + initContainers.filter(isSidecar).length;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;

  let initializing = false;
  const initStatuses: any[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const specC = initContainers.find((c) => c.name === cs.name);
    restarts += cs.restartCount ?? 0;
    if (isSidecar(specC)) sidecarRestarts += cs.restartCount ?? 0;
    const st = cs.state ?? {};
    if (st.terminated && (st.terminated.exitCode ?? 0) === 0) continue;
    if (isSidecar(specC) && cs.started) {
      if (cs.ready) ready++;
      continue;
    }
    if (st.terminated) {
      reason = st.terminated.reason ? `Init:${st.terminated.reason}` : st.terminated.signal ? `Init:Signal:${st.terminated.signal}` : `Init:ExitCode:${st.terminated.exitCode}`;
    } else if (st.waiting?.reason && st.waiting.reason !== 'PodInitializing') {
      reason = `Init:${st.waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
    }
    initializing = true;
    break;
  }

  const initialized = conditions.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    let hasRunning = false;
    const statuses: any[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      const st = cs.state ?? {};
      if (st.waiting?.reason) reason = st.waiting.reason;
      else if (st.terminated) reason = terminatedReason(st.terminated);
      else if (cs.ready && st.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp) {
    if (status.reason === 'NodeLost') reason = 'Unknown';
    else if (status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  }
  return { ready: `${ready}/${total}`, status: reason, restarts };
}

/**
 * The latest `finishedAt` of a container's last termination, which the RESTARTS
 * cell shows as `3 (42s ago)`. Mirrors printPod: init containers count while the
 * pod initializes, regular ones afterwards; undefined when nothing has restarted.
 */
export function lastRestartTime(pod: AnyPod): string | undefined {
  const statuses: any[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  let latest: string | undefined;
  for (const cs of statuses) {
    const t = cs.lastState?.terminated?.finishedAt;
    if ((cs.restartCount ?? 0) > 0 && t && (!latest || Date.parse(t) > Date.parse(latest))) latest = t;
  }
  return latest;
}
