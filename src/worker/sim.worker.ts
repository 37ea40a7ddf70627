/**
 * The simulation Worker: a thin adapter with no simulation logic. It owns one cluster,
 * advances its virtual clock from wall time × speed, forwards store changes to the UI
 * (at most one batch per frame, coalesced by object) and answers commands. Every error
 * is caught: nothing a user types may take the Worker down.
 */
import { createCluster, defaultNodes, type Cluster } from '../sim/cluster';
import { applyYaml } from '../sim/kubectl/apply';
import { kubectl } from '../sim/kubectl/kubectl';
import { ChangeBuffer } from './coalesce';
import { startStream, type TerminalStream } from './terminal-streams';
import { FULL_PODS, SUMMARY_NODES, SUMMARY_PODS, SummaryTracker } from './summary';
import {
  PROTOCOL_VERSION,
  type BatchMessage,
  type Change,
  type Command,
  type CommandEnvelope,
  type PlainObject,
  type KubectlReply,
  type SimMessage,
  type Speed,
} from './protocol';

/** Kinds mirrored to the UI on start and reset. */
const KINDS = ['Namespace', 'Node', 'Pod', 'Service', 'Event', 'ReplicaSet', 'Deployment', 'Lease'];
const FRAME_MS = 16;
/** Longest wall-time step taken at once (a throttled background tab must not leap hours ahead). */
const MAX_STEP_MS = 250;

const post = (msg: SimMessage): void => (self as unknown as Worker).postMessage(msg);

let cluster: Cluster;
let seed = 1;
let unsubscribe: (() => void) | undefined;
const pending = new ChangeBuffer();
let needFull = true;
let dirty = true;
let paused = false;
let speed: Speed = 1;
let lastWall = performance.now();
let broken = false;

// ---- large clusters: summaries instead of every pod, detail on demand ----
/** Worker nodes of the cluster; the page may pass `{"workers":N,"seed":S}` as the Worker's name. */
let workers = 3;
const tracker = new SummaryTracker();
let mode: 'full' | 'summary' = 'full';
let detailNode: string | null = null;
let podsReset = false;
let lastSummary = 0;
/** Summaries go out at most this often (and at most once per frame). */
const SUMMARY_MS = 100;
/** Events forwarded per batch in summary mode (the newest ones). */
const SUMMARY_EVENTS = 60;
let recentEvents: Change[] = [];

/** Whether a change reaches the UI's mirror (summary mode forwards only the detail node's pods). */
function forwarded(change: Change): boolean {
  if (mode === 'full') return true;
  const o = change.object;
  switch (o.kind) {
    case 'Pod':
      return detailNode !== null && (o.spec?.nodeName ?? '') === detailNode;
    case 'Node':
      return o.metadata.name === detailNode;
    case 'Lease':
      return false;
    default:
      return true;
  }
}

function onChange(type: Change['type'], object: PlainObject): void {
  const change = { type, object };
  tracker.apply(change);
  if (!forwarded(change)) return;
  if (mode === 'summary' && object.kind === 'Event') {
    recentEvents.push(change);
    if (recentEvents.length > SUMMARY_EVENTS * 4) recentEvents = recentEvents.slice(-SUMMARY_EVENTS);
    return;
  }
  pending.add(type, object);
}

function wantedMode(): 'full' | 'summary' {
  if (workers > SUMMARY_NODES || tracker.podCount > SUMMARY_PODS) return 'summary';
  if (mode === 'summary' && tracker.podCount >= FULL_PODS) return 'summary';
  return 'full';
}

/** Summary mode's whole state: everything but pods, nodes, leases; the newest events; the detail node. */
function summaryFull(): Change[] {
  const changes: Change[] = [];
  for (const kind of KINDS) {
    if (kind === 'Pod' || kind === 'Node' || kind === 'Lease' || kind === 'Event') continue;
    for (const object of cluster.api.list(kind).items) changes.push({ type: 'ADDED', object: object as PlainObject });
  }
  const events = cluster.api.list('Event').items as PlainObject[];
  const rv = (o: PlainObject) => Number(o.metadata.resourceVersion ?? 0);
  for (const object of events.sort((a, b) => rv(a) - rv(b)).slice(-SUMMARY_EVENTS * 4)) changes.push({ type: 'ADDED', object });
  return changes.concat(detailChanges());
}

function detailChanges(): Change[] {
  if (detailNode === null) return [];
  const out: Change[] = [];
  const node = cluster.api.list('Node').items.find((n) => (n as PlainObject).metadata.name === detailNode);
  if (node) out.push({ type: 'ADDED', object: node as PlainObject });
  for (const pod of cluster.api.list('Pod').items as PlainObject[]) if (pod.spec?.nodeName === detailNode) out.push({ type: 'ADDED', object: pod });
  return out;
}

// ---- the terminal's long-running kubectl commands (get -w, rollout status) ----
const streams = new Map<number, TerminalStream>();

function endStream(id: number, exitCode: number, stderr = ''): void {
  streams.get(id)?.dispose();
  streams.delete(id);
  post({ type: 'stream', protocolVersion: PROTOCOL_VERSION, stream: id, stderr, done: true, exitCode });
}

function runKubectl(cmd: Extract<Command, { type: 'kubectl' }>): KubectlReply {
  const ctx = { cluster, files: cmd.files ?? {}, stdin: cmd.stdin };
  const argv = Array.isArray(cmd.argv) ? cmd.argv.map(String) : [];
  const result = kubectl(ctx, argv);
  const out: KubectlReply = { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
  if (result.edit !== undefined) out.edit = result.edit;
  const stream = startStream(cluster, ctx, argv, result);
  if (stream) {
    streams.set(cmd.id, stream);
    out.stream = cmd.id;
  }
  return out;
}

function pollStreams(): void {
  for (const [id, stream] of streams) {
    let o;
    try {
      o = stream.poll();
    } catch (err) {
      endStream(id, 1, `error: ${err instanceof Error ? err.message : String(err)}\n`);
      continue;
    }
    if (o.done) {
      stream.dispose();
      streams.delete(id);
    }
    if (o.stdout || o.stderr || o.done) post({ type: 'stream', protocolVersion: PROTOCOL_VERSION, stream: id, stdout: o.stdout, stderr: o.stderr, done: o.done, exitCode: o.exitCode });
  }
}

function start(newSeed: number, newWorkers = workers): void {
  for (const id of [...streams.keys()]) endStream(id, 1);
  unsubscribe?.();
  try {
    (cluster as { dispose?: () => void } | undefined)?.dispose?.();
  } catch {
    // a broken old cluster is discarded anyway
  }
  seed = newSeed;
  workers = Math.max(0, Math.min(10_000, Math.floor(newWorkers)));
  tracker.clear();
  detailNode = null;
  recentEvents = [];
  mode = workers > SUMMARY_NODES ? 'summary' : 'full';
  cluster = createCluster(workers === 3 ? { seed } : { seed, nodes: defaultNodes(workers) });
  pending.clear();
  for (const kind of ['Node', 'Pod']) for (const object of cluster.api.list(kind).items) tracker.apply({ type: 'ADDED', object: object as PlainObject });
  unsubscribe = cluster.store.subscribe((change) => onChange(change.type, change.object as PlainObject));
  needFull = true;
  broken = false;
  lastWall = performance.now();
}

function nodesAlive(): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const n of cluster.nodes) out[n.name] = cluster.isNodeAlive(n.name);
  return out;
}

function flush(): void {
  let changes: Change[];
  const want = wantedMode();
  if (want !== mode) {
    mode = want;
    needFull = true;
  }
  const alive = nodesAlive();
  tracker.setAlive(alive);
  const wall = performance.now();
  const summary = mode === 'summary' && (needFull || wall - lastSummary >= SUMMARY_MS) ? tracker.take(needFull) : null;
  if (summary) lastSummary = wall;
  const resetPods = podsReset;
  podsReset = false;
  if (needFull && mode === 'summary') {
    changes = summaryFull();
    pending.clear();
    recentEvents = [];
  } else if (resetPods && mode === 'summary') {
    pending.clear();
    changes = detailChanges();
  } else if (needFull) {
    changes = [];
    for (const kind of KINDS) {
      for (const object of cluster.api.list(kind).items) changes.push({ type: 'ADDED', object: object as PlainObject });
    }
    pending.clear();
  } else {
    if (pending.size === 0 && !dirty && paused && !summary && recentEvents.length === 0) return;
    changes = pending.drain();
    if (recentEvents.length) {
      changes = changes.concat(recentEvents.slice(-SUMMARY_EVENTS));
      recentEvents = [];
    }
  }
  const msg: BatchMessage = {
    type: 'batch',
    protocolVersion: PROTOCOL_VERSION,
    full: needFull,
    rv: cluster.store.resourceVersion,
    now: cluster.clock.now(),
    epochMs: cluster.clock.epochMs,
    changes,
    nodesAlive: mode === 'summary' ? {} : alive,
    controlPlaneNodes: cluster.nodes.filter((n) => n.controlPlane).map((n) => n.name),
    paused,
    speed,
    seed,
    mode,
    podsReset: resetPods || (needFull && mode === 'summary'),
    detailNode,
    workers,
  };
  if (summary) msg.summary = summary;
  needFull = false;
  dirty = false;
  post(msg);
}

function fail(err: unknown): void {
  broken = true;
  paused = true;
  dirty = true;
  post({ type: 'fatal', protocolVersion: PROTOCOL_VERSION, message: err instanceof Error ? `${err.message}` : String(err) });
}

function tick(): void {
  if (!cluster) return;
  const wall = performance.now();
  const elapsed = Math.min(wall - lastWall, MAX_STEP_MS);
  lastWall = wall;
  if (!paused && !broken) {
    try {
      cluster.clock.runUntil(cluster.clock.now() + elapsed * speed);
    } catch (err) {
      fail(err);
    }
  }
  try {
    flush();
  } catch (err) {
    if (!broken) fail(err);
  }
  if (streams.size) pollStreams();
}

function reply(id: number, run: () => unknown): void {
  try {
    const result = run();
    post({ type: 'reply', protocolVersion: PROTOCOL_VERSION, id, ok: true, result: structuredCloneable(result) });
  } catch (err) {
    post({ type: 'reply', protocolVersion: PROTOCOL_VERSION, id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

/** Results cross the boundary as plain data. */
function structuredCloneable(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function handle(cmd: Command): void {
  dirty = true;
  switch (cmd.type) {
    case 'apply':
      return reply(cmd.id, () => applyYaml(cluster.api, cmd.yaml));
    case 'kubectl':
      return reply(cmd.id, () => runKubectl(cmd));
    case 'kubectl.cancel':
      if (streams.has(cmd.stream)) endStream(cmd.stream, 130);
      return;
    case 'delete':
      return reply(cmd.id, () => cluster.api.delete(cmd.kind, cmd.namespace || undefined, cmd.name, {}));
    case 'explain':
      return reply(cmd.id, () => {
        const scheduler = (cluster as unknown as { scheduler?: { explain?: (uid: string) => unknown } }).scheduler;
        return scheduler?.explain ? scheduler.explain(cmd.podUid) : null;
      });
    case 'chaos.killNode':
      cluster.killNode(cmd.name);
      return;
    case 'chaos.restoreNode':
      cluster.restoreNode(cmd.name);
      return;
    case 'clock.play':
      paused = false;
      lastWall = performance.now();
      return;
    case 'clock.pause':
      paused = true;
      return;
    case 'clock.speed':
      if (cmd.x === 1 || cmd.x === 10 || cmd.x === 60) speed = cmd.x;
      return;
    case 'clock.skip':
      if (!broken) cluster.skipToNextEvent();
      return;
    case 'reset':
      start(Number.isFinite(cmd.seed) ? cmd.seed : 1, typeof cmd.workers === 'number' && Number.isFinite(cmd.workers) ? cmd.workers : workers);
      return;
    case 'detail':
      if (cmd.node !== detailNode) {
        detailNode = typeof cmd.node === 'string' ? cmd.node : null;
        podsReset = true;
      }
      return;
  }
}

self.onmessage = (e: MessageEvent<CommandEnvelope>) => {
  try {
    const env = e.data;
    if (!env || env.protocolVersion !== PROTOCOL_VERSION || !env.command) {
      post({ type: 'fatal', protocolVersion: PROTOCOL_VERSION, message: `protocol mismatch: expected version ${PROTOCOL_VERSION}` });
      return;
    }
    handle(env.command);
  } catch (err) {
    // A command that throws outside a reply (chaos, clock) leaves the Worker alive.
    const id = (e.data?.command as { id?: number } | undefined)?.id;
    if (typeof id === 'number') post({ type: 'reply', protocolVersion: PROTOCOL_VERSION, id, ok: false, error: String(err) });
    else fail(err);
  }
};

try {
  const shape = initialShape();
  start(shape.seed ?? seed, shape.workers ?? workers);
} catch (err) {
  fail(err);
}
setInterval(tick, FRAME_MS);

/** The shape the page asked for when it created the Worker (`name` is a JSON object). */
function initialShape(): { seed?: number; workers?: number } {
  try {
    const parsed = JSON.parse((self as unknown as { name?: string }).name || '{}') as { seed?: unknown; workers?: unknown };
    return {
      seed: typeof parsed.seed === 'number' && Number.isFinite(parsed.seed) ? parsed.seed : undefined,
      workers: typeof parsed.workers === 'number' && Number.isFinite(parsed.workers) ? parsed.workers : undefined,
    };
  } catch {
    return {};
  }
}
