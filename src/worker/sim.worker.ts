/**
 * The simulation Worker: a thin adapter with no simulation logic. It owns one cluster,
 * advances its virtual clock from wall time × speed, forwards store changes to the UI
 * (at most one batch per frame, coalesced by object) and answers commands. Every error
 * is caught: nothing a user types may take the Worker down.
 */
import { createCluster, type Cluster } from '../sim/cluster';
import { applyYaml } from '../sim/kubectl/apply';
import { kubectl } from '../sim/kubectl/kubectl';
import { ChangeBuffer } from './coalesce';
import { startStream, type TerminalStream } from './terminal-streams';
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

function start(newSeed: number): void {
  for (const id of [...streams.keys()]) endStream(id, 1);
  unsubscribe?.();
  try {
    (cluster as { dispose?: () => void } | undefined)?.dispose?.();
  } catch {
    // a broken old cluster is discarded anyway
  }
  seed = newSeed;
  cluster = createCluster({ seed });
  pending.clear();
  unsubscribe = cluster.store.subscribe((change) => pending.add(change.type, change.object as PlainObject));
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
  if (needFull) {
    changes = [];
    for (const kind of KINDS) {
      for (const object of cluster.api.list(kind).items) changes.push({ type: 'ADDED', object: object as PlainObject });
    }
    pending.clear();
  } else {
    if (pending.size === 0 && !dirty && paused) return;
    changes = pending.drain();
  }
  const msg: BatchMessage = {
    type: 'batch',
    protocolVersion: PROTOCOL_VERSION,
    full: needFull,
    rv: cluster.store.resourceVersion,
    now: cluster.clock.now(),
    epochMs: cluster.clock.epochMs,
    changes,
    nodesAlive: nodesAlive(),
    controlPlaneNodes: cluster.nodes.filter((n) => n.controlPlane).map((n) => n.name),
    paused,
    speed,
    seed,
  };
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
      start(Number.isFinite(cmd.seed) ? cmd.seed : 1);
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
  start(seed);
} catch (err) {
  fail(err);
}
setInterval(tick, FRAME_MS);
