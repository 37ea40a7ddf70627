/**
 * One pod on one node: the kubelet's pod worker and the simulated containers
 * behind it. It creates the sandbox, pulls images, creates and starts the
 * containers one at a time (init containers first, in order), follows their
 * processes to exit, restarts them per restartPolicy with back-off, and on
 * deletion stops them and finishes the pod (reference §4.1–4.4, §4.7, §4.11).
 *
 * The state is plain data with explicit transitions; every delay is a timer of
 * the kubelet process, so a killed node stops mid-step.
 */
import type { Container, ContainerState, ContainerStatus, KubeObject } from '../api/types';
import type { TimerId } from '../core/clock';
import { rfc3339 } from '../core/time';
import { clone } from '../apiserver/apiserver';
import { scriptFor, type LogLine, type ProcessScript } from '../runtime/commands';
import { goDuration } from './duration';
import { computePhase, kubeletConditions, mergeConditions, type PodPhase } from './podstatus';
import type { ImagePuller } from './images';
import type { KubeletHost } from './host';

/** One run of a container process, kept for logs. */
interface ProcessRun {
  script: ProcessScript;
  startedAtMs: number;
  endedAtMs?: number;
}

/** What the kubelet knows about one container of the pod. */
interface ContainerRecord {
  spec: Container;
  init: boolean;
  state: ContainerState;
  lastState: ContainerState;
  restartCount: number;
  ready: boolean;
  started: boolean;
  imageName: string;
  imageID: string;
  containerID?: string;
  /** This container should be (re)started by the next sync. */
  wantStart: boolean;
  /** Has ever started (a new start is a restart). */
  everStarted: boolean;
  run?: ProcessRun;
  previousRun?: ProcessRun;
  exitTimer?: TimerId;
  /** The last termination, shown as lastState once the container waits or runs again. */
  previousTerminated?: ContainerState['terminated'];
}

/** Delays of the node's machinery, in ms. */
const SANDBOX_MS: [number, number] = [400, 1_200];
const CREATE_MS: [number, number] = [30, 120];
const START_MS: [number, number] = [40, 150];
/** PLEG relists every second: the kubelet notices an exit within that. */
const OBSERVE_EXIT_MS: [number, number] = [200, 1_000];
const FINAL_STATUS_MS: [number, number] = [20, 120];

/** The kubelet's worker for one pod. */
export class PodWorker {
  readonly uid: string;
  private readonly key: string;
  private pod: KubeObject;
  private containers: ContainerRecord[] = [];
  private sandboxReady = false;
  private sandboxRequested = false;
  private busy = false;
  private terminating = false;
  private finished = false;
  private podIP?: string;
  private startTime?: string;
  private timers = new Set<TimerId>();
  private killDeadline?: number;

  constructor(
    private readonly host: KubeletHost,
    private readonly puller: ImagePuller,
    pod: KubeObject,
  ) {
    this.pod = pod;
    this.uid = pod.metadata.uid!;
    this.key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const existing = pod.status ?? {};
    this.startTime = existing.startTime;
    this.podIP = existing.podIP;
    const statuses = new Map<string, ContainerStatus>([...(existing.initContainerStatuses ?? []), ...(existing.containerStatuses ?? [])].map((s: ContainerStatus) => [s.name, s]));
    const hasInit = (pod.spec.initContainers ?? []).length > 0;
    for (const [init, list] of [[true, pod.spec.initContainers ?? []], [false, pod.spec.containers ?? []]] as const) {
      for (const spec of list) {
        const prev = statuses.get(spec.name);
        const rec: ContainerRecord = {
          spec,
          init,
          state: { waiting: { reason: init || !hasInit ? 'ContainerCreating' : 'PodInitializing' } },
          lastState: {},
          restartCount: prev?.restartCount ?? 0,
          ready: false,
          started: false,
          imageName: spec.image ?? '',
          imageID: '',
          wantStart: false,
          everStarted: false,
        };
        if (prev) this.adoptAfterReboot(rec, prev);
        this.containers.push(rec);
      }
    }
  }

  /** Containers of a pod found on a rebooted machine: their processes are gone. */
  private adoptAfterReboot(rec: ContainerRecord, prev: ContainerStatus): void {
    const now = rfc3339(this.host.clock);
    rec.imageName = prev.image || rec.imageName;
    rec.imageID = prev.imageID ?? '';
    if (prev.state?.running) {
      // containerd reports containers lost in a reboot as Unknown with exit code 255.
      rec.lastState = { terminated: { exitCode: 255, reason: 'Unknown', startedAt: prev.state.running.startedAt, finishedAt: now, containerID: prev.containerID } };
      rec.everStarted = true;
    } else if (prev.state?.terminated) {
      rec.lastState = { terminated: prev.state.terminated };
      rec.everStarted = true;
    } else if (prev.lastState?.terminated) {
      rec.lastState = prev.lastState;
      rec.everStarted = true;
    }
    rec.previousTerminated = rec.lastState.terminated;
  }

  /** Begins running the pod (first sight, or after the node rebooted). */
  begin(): void {
    this.startTime ??= rfc3339(this.host.clock);
    this.podIP ??= this.host.allocatePodIP(this.key);
    const first = this.containers.find((c) => c.init) ?? undefined;
    if (first) first.wantStart = true;
    else for (const c of this.containers) c.wantStart = true;
    this.writeStatus();
    this.sync();
  }

  /** The pod object changed in the informer cache. */
  update(pod: KubeObject): void {
    this.pod = pod;
    if (pod.metadata.deletionTimestamp) this.terminate();
  }

  /** The pod's IP, if allocated. */
  get ip(): string | undefined {
    return this.podIP;
  }

  /** Forgets the pod: cancels every timer (the pod is gone, or the kubelet died). */
  forget(): void {
    for (const id of this.timers) this.host.timers.cancel(id);
    this.timers.clear();
  }

  /** Log lines of a container up to now (the previous run when `previous`). */
  logs(container: string, previous = false): string[] | undefined {
    const rec = this.containers.find((c) => c.spec.name === container);
    const run = previous ? rec?.previousRun : rec?.run;
    if (!run) return undefined;
    return linesUntil(run, Math.min(run.endedAtMs ?? Infinity, this.host.clock.now()));
  }

  // ---- timers ----

  private after(range: [number, number] | number, fn: () => void): TimerId {
    const delay = typeof range === 'number' ? range : this.host.rng.between(range[0], range[1]);
    const id = this.host.timers.schedule(delay, () => {
      this.timers.delete(id);
      fn();
    });
    this.timers.add(id);
    return id;
  }

  private cancel(id: TimerId | undefined): void {
    if (id === undefined) return;
    this.host.timers.cancel(id);
    this.timers.delete(id);
  }

  // ---- the start loop ----

  /** Starts whatever should start next: the sandbox, then one container at a time. */
  private sync(): void {
    if (this.terminating || this.finished || this.busy) return;
    if (!this.sandboxReady) {
      if (this.sandboxRequested) return;
      this.sandboxRequested = true;
      this.after(SANDBOX_MS, () => {
        this.sandboxReady = true;
        this.writeStatus();
        this.sync();
      });
      return;
    }
    const next = this.containers.find((c) => c.wantStart);
    if (next) this.startContainer(next);
  }

  private fieldPath(c: ContainerRecord): string {
    return `${c.init ? 'spec.initContainers' : 'spec.containers'}{${c.spec.name}}`;
  }

  private event(c: ContainerRecord | undefined, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.host.recorder.record(this.pod, type, reason, message, c ? this.fieldPath(c) : undefined);
  }

  /** Pull (if needed), create and start one container; the pod's other containers wait for it. */
  private startContainer(c: ContainerRecord): void {
    c.wantStart = false;
    this.busy = true;
    const emit = (type: 'Normal' | 'Warning', reason: string, message: string) => this.event(c, type, reason, message);
    const schedule = (ms: number, fn: () => void) => this.after(ms, fn);
    this.puller.ensureImage(this.uid, c.spec, emit, schedule, (result) => {
      if (!this.timersAlive()) return;
      if (!result.ok) {
        this.busy = false;
        c.state = { waiting: { reason: result.reason, message: result.message } };
        this.writeStatus();
        if (result.retryAfterMs !== undefined) {
          // The next sync finds the image in back-off: ImagePullBackOff until the retry.
          this.after(this.host.rng.between(1_000, 3_000), () => {
            if (c.state.waiting?.reason !== 'ErrImagePull') return;
            const image = c.spec.image ?? '';
            c.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}": ${result.reason}: ${result.message}` } };
            this.event(c, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
            this.event(c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
            this.writeStatus();
          });
          this.after(result.retryAfterMs, () => {
            c.wantStart = true;
            this.sync();
          });
        }
        this.sync();
        return;
      }
      c.imageName = result.image.ref.normalized;
      c.imageID = result.image.imageID;
      const script = scriptFor(c.spec, result.image);
      this.after(CREATE_MS, () => {
        c.containerID = `containerd://${this.host.rng.hex(64)}`;
        this.event(c, 'Normal', 'Created', `Created container: ${c.spec.name}`);
        this.after(START_MS, () => this.running(c, script));
      });
    });
  }

  /** The timers are still ours (a stopped kubelet cancels them, but pull callbacks check too). */
  private timersAlive(): boolean {
    return !this.terminating && !this.finished;
  }

  private running(c: ContainerRecord, script: ProcessScript): void {
    const now = this.host.clock.now();
    if (c.everStarted) c.restartCount++;
    c.everStarted = true;
    if (c.previousTerminated) c.lastState = { terminated: c.previousTerminated };
    if (c.run) c.previousRun = c.run;
    c.run = { script, startedAtMs: now };
    c.state = { running: { startedAt: rfc3339(this.host.clock) } };
    c.started = true;
    // Without a readiness probe a running container is ready (§4.6); init containers never are.
    c.ready = !c.init;
    this.event(c, 'Normal', 'Started', `Started container ${c.spec.name}`);
    this.busy = false;
    if (script.exit) c.exitTimer = this.after(script.exit.afterMs, () => this.exited(c, script.exit!.code, 'exit'));
    this.writeStatus();
    this.sync();
  }

  /** The container's process ended with `code`. */
  private exited(c: ContainerRecord, code: number, how: 'exit' | 'signal'): void {
    this.cancel(c.exitTimer);
    c.exitTimer = undefined;
    const startedAt = c.state.running?.startedAt;
    const terminated = {
      exitCode: code,
      reason: code === 0 ? 'Completed' : 'Error',
      startedAt,
      finishedAt: rfc3339(this.host.clock),
      containerID: c.containerID,
      ...(how === 'signal' && code === 137 ? { signal: 9 } : {}),
    };
    c.state = { terminated };
    c.previousTerminated = terminated;
    c.ready = false;
    c.started = false;
    if (c.run) c.run.endedAtMs = this.host.clock.now();
    if (this.terminating) {
      this.maybeFinishTermination();
      return;
    }
    // The kubelet learns of the exit on its next PLEG relist.
    this.after(OBSERVE_EXIT_MS, () => this.afterExit(c, code));
  }

  private afterExit(c: ContainerRecord, code: number): void {
    const policy = this.restartPolicy();
    const restart = c.init ? code !== 0 && policy !== 'Never' : policy === 'Always' || (policy === 'OnFailure' && code !== 0);
    if (c.init && code === 0) {
      const next = this.containers.find((o) => o.init && !(o.state.terminated?.exitCode === 0));
      if (next) next.wantStart = true;
      else for (const o of this.containers) if (!o.init) o.wantStart = true;
    }
    if (restart) this.restartWithBackoff(c);
    this.writeStatus();
    if (this.phase() === 'Succeeded' || this.phase() === 'Failed') this.finishTerminal();
    else this.sync();
  }

  /** doBackOff (§4.4): the first restart is immediate, later ones wait 10 s, 20 s, 40 s… up to 300 s. */
  private restartWithBackoff(c: ContainerRecord): void {
    const key = `${this.uid}/${c.spec.name}`;
    const now = this.host.clock.now();
    const entry = this.host.backoff.entry(key, now);
    if (!entry || now - entry.lastUpdate >= entry.delayMs) {
      this.host.backoff.next(key, now);
      c.wantStart = true;
      return;
    }
    const d = entry.delayMs;
    const pod = `${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.uid})`;
    c.lastState = { terminated: c.previousTerminated };
    c.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(d)} restarting failed container=${c.spec.name} pod=${pod}` } };
    this.event(c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.spec.name} in pod ${pod}`);
    this.after(entry.lastUpdate + d - now, () => {
      this.host.backoff.next(key, this.host.clock.now());
      c.wantStart = true;
      this.sync();
    });
  }

  private restartPolicy(): 'Always' | 'OnFailure' | 'Never' {
    return this.pod.spec.restartPolicy ?? 'Always';
  }

  /** The pod reached Succeeded or Failed by itself: the sandbox goes, nothing restarts. */
  private finishTerminal(): void {
    this.finished = true;
    this.forget();
    this.after(FINAL_STATUS_MS, () => {
      this.sandboxReady = false;
      this.writeStatus();
      this.host.releasePodIP(this.key);
    });
  }

  // ---- termination (§4.7) ----

  private terminate(): void {
    const graceSeconds = this.pod.metadata.deletionGracePeriodSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30;
    const deadline = this.host.clock.now() + graceSeconds * 1000;
    if (this.terminating) {
      // A second delete with a shorter grace period brings the kill forward.
      if (this.killDeadline !== undefined && deadline < this.killDeadline) {
        this.killDeadline = deadline;
        for (const c of this.containers) if (c.state.running) this.after(deadline - this.host.clock.now(), () => c.state.running && this.exited(c, 137, 'signal'));
      }
      return;
    }
    if (this.finished) {
      // A pod that already ran to completion has nothing left to stop.
      this.terminating = true;
      this.after(FINAL_STATUS_MS, () => this.host.deletePod(this.pod));
      return;
    }
    this.terminating = true;
    this.killDeadline = deadline;
    // Everything in flight (pulls, starts, back-offs) stops; running processes get SIGTERM.
    for (const id of this.timers) this.host.timers.cancel(id);
    this.timers.clear();
    this.busy = false;
    for (const c of this.containers) {
      c.wantStart = false;
      c.exitTimer = undefined;
      if (!c.state.running || !c.run) continue;
      this.event(c, 'Normal', 'Killing', `Stopping container ${c.spec.name}`);
      const sigterm = c.run.script.sigterm;
      const graceMs = deadline - this.host.clock.now();
      if (sigterm !== 'ignore' && sigterm.afterMs < graceMs) this.after(sigterm.afterMs, () => this.exited(c, sigterm.code, 'exit'));
      else this.after(graceMs, () => this.exited(c, 137, 'signal'));
    }
    this.writeStatus();
    this.maybeFinishTermination();
  }

  private maybeFinishTermination(): void {
    if (this.containers.some((c) => c.state.running)) return;
    if (this.finished) return;
    this.finished = true;
    this.after(FINAL_STATUS_MS, () => {
      this.sandboxReady = false;
      this.writeStatus();
      this.host.releasePodIP(this.key);
      this.host.deletePod(this.pod);
    });
  }

  // ---- status ----

  private statusOf(c: ContainerRecord): ContainerStatus {
    return {
      name: c.spec.name,
      state: c.state,
      lastState: c.lastState,
      ready: c.ready,
      restartCount: c.restartCount,
      image: c.imageName,
      imageID: c.imageID,
      ...(c.containerID ? { containerID: c.containerID } : {}),
      started: c.started,
    };
  }

  private phase(): PodPhase {
    const initStatuses = this.containers.filter((c) => c.init).map((c) => this.statusOf(c));
    const statuses = this.containers.filter((c) => !c.init).map((c) => this.statusOf(c));
    return computePhase({ restartPolicy: this.restartPolicy(), containerCount: statuses.length, initStatuses, statuses, terminating: this.terminating && this.finished });
  }

  /** Writes the pod status when it changed (the status manager's job). */
  private writeStatus(): void {
    const current = this.host.api.tryGet('Pod', this.pod.metadata.namespace, this.pod.metadata.name);
    if (!current || current.metadata.uid !== this.uid) return;
    const initStatuses = this.containers.filter((c) => c.init).map((c) => this.statusOf(c));
    const statuses = this.containers.filter((c) => !c.init).map((c) => this.statusOf(c));
    const oldPhase = current.status?.phase;
    // Terminal phases are sticky (§4.1).
    const phase = oldPhase === 'Succeeded' || oldPhase === 'Failed' ? oldPhase : this.phase();
    const now = rfc3339(this.host.clock);
    const conditions = mergeConditions(current.status?.conditions, kubeletConditions({ phase, sandboxReady: this.sandboxReady, initStatuses, statuses }), now);
    const hostIP = this.host.hostIP;
    const status: Record<string, unknown> = {
      ...(current.status ?? {}),
      phase,
      conditions,
      hostIP,
      hostIPs: [{ ip: hostIP }],
      startTime: this.startTime,
      ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
      containerStatuses: statuses,
    };
    if (this.podIP && this.sandboxReady) {
      status.podIP = this.podIP;
      status.podIPs = [{ ip: this.podIP }];
    }
    if (JSON.stringify(status) === JSON.stringify(current.status)) return;
    const next = clone(current);
    next.status = status;
    this.host.api.updateStatus(next);
  }
}

/** The lines a run printed up to virtual time `untilMs`, capped to the last 1000. */
function linesUntil(run: ProcessRun, untilMs: number): string[] {
  const elapsed = untilMs - run.startedAtMs;
  const out: LogLine[] = run.script.output.filter((l) => l.atMs <= elapsed);
  const r = run.script.repeat;
  if (r && elapsed >= r.startMs) {
    const iterations = Math.floor((elapsed - r.startMs) / r.periodMs) + 1;
    const first = Math.max(0, iterations - Math.ceil(1000 / Math.max(r.lines.length, 1)));
    for (let i = first; i < iterations; i++) for (const line of r.lines) out.push({ atMs: r.startMs + i * r.periodMs, line });
  }
  return out.slice(-1000).map((l) => l.line);
}
