/**
 * The UI's handle on the simulation Worker: starts it, feeds batches into the mirror,
 * matches replies to requests, and notices when the Worker dies.
 */
import { PROTOCOL_VERSION, type BatchMessage, type Command, type CommandEnvelope, type PlainObject, type RequestCommand, type SimMessage, type StreamMessage } from '../../worker/protocol';
import type { SchedulingRecord } from '../../sim/scheduler/explain';
import { ExplainDriver, newlyBound } from './explain';
import { objKey, useMirror } from './store';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
/** A request command without its id: the client assigns one. */
type RequestWithoutId = RequestCommand extends infer C ? (C extends RequestCommand ? Omit<C, 'id'> : never) : never;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function onMessage(e: MessageEvent<SimMessage>): void {
  const msg = e.data;
  if (msg.protocolVersion !== PROTOCOL_VERSION) {
    useMirror.getState().setWorkerStatus('dead', `protocol mismatch (${msg.protocolVersion} != ${PROTOCOL_VERSION})`);
    return;
  }
  switch (msg.type) {
    case 'batch': {
      // Busy full maps take batches at most every BUSY_APPLY_MS (merged in order), so the
      // main thread renders a few times a second instead of every frame.
      if (!msg.full && isBusy()) {
        queued.push(msg);
        if (!flushTimer) flushTimer = setTimeout(flushQueued, BUSY_APPLY_MS);
        return;
      }
      flushQueued();
      applyOne(msg);
      return;
    }
    case 'reply': {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (!p) return;
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(msg.error));
      return;
    }
    case 'fatal':
      useMirror.getState().setWorkerStatus('dead', msg.message);
      return;
    case 'stream':
      streamListeners.get(msg.stream)?.(msg);
      if (msg.done) streamListeners.delete(msg.stream);
      return;
  }
}

/** The terminal's streaming commands: id -> who prints their output. */
const streamListeners = new Map<number, (msg: StreamMessage) => void>();

/** Follows the output of a streaming kubectl command until its `done` message; returns a stop function. */
export function onStream(stream: number, listener: (msg: StreamMessage) => void): () => void {
  streamListeners.set(stream, listener);
  return () => {
    streamListeners.delete(stream);
  };
}

/** Above this many mirrored pods in the full view, batches are applied in bursts. */
const BUSY_PODS = 300;
const BUSY_APPLY_MS = 100;
let queued: BatchMessage[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function isBusy(): boolean {
  const s = useMirror.getState();
  return s.mode === 'full' && Object.keys(s.objects.Pod ?? {}).length > BUSY_PODS;
}

function applyOne(msg: BatchMessage): void {
  const before = useMirror.getState().objects.Pod;
  useMirror.getState().applyBatch(msg);
  if (msg.full) explainDriver.reset();
  else explainDriver.bound(newlyBound(msg.changes, before, msg.full).map((b) => b.uid));
  followSelection();
}

/** Applies the queued batches as one (changes in order; the last one's clock and flags). */
function flushQueued(): void {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  if (queued.length === 0) return;
  const last = queued[queued.length - 1];
  const merged: BatchMessage = { ...last, changes: queued.length === 1 ? last.changes : queued.flatMap((b) => b.changes) };
  queued = [];
  applyOne(merged);
}

function died(message: string): void {
  useMirror.getState().setWorkerStatus('dead', message);
  for (const [id, l] of streamListeners) l({ type: 'stream', protocolVersion: PROTOCOL_VERSION, stream: id, stderr: `${message}\n`, done: true, exitCode: 1 });
  streamListeners.clear();
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
}

/** Starts (or restarts) the simulation Worker. */
export function startSim(): void {
  stopSim();
  useMirror.getState().setWorkerStatus('starting');
  const w = new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), { type: 'module', name: JSON.stringify(shapeFromUrl()) });
  w.onmessage = onMessage;
  w.onerror = (e) => {
    e.preventDefault();
    died(e.message || 'the simulation worker stopped');
  };
  w.onmessageerror = () => died('a message from the simulation worker could not be read');
  worker = w;
}

/** The cluster shape asked for in the page's URL: `?workers=50&seed=7`. */
export function shapeFromUrl(search: string = typeof location === 'undefined' ? '' : location.search): { workers?: number; seed?: number } {
  const params = new URLSearchParams(search);
  const out: { workers?: number; seed?: number } = {};
  const workers = Number(params.get('workers') ?? NaN);
  if (params.has('workers') && Number.isInteger(workers) && workers >= 0 && workers <= 10_000) out.workers = workers;
  const seed = Number(params.get('seed') ?? NaN);
  if (params.has('seed') && Number.isFinite(seed)) out.seed = seed;
  return out;
}

/** Summary mode: asks the Worker to mirror one node's pods (detail on demand); null for none. */
export function showNodeDetail(node: string | null): void {
  if (useMirror.getState().detailNode === node) return;
  useMirror.setState({ detailNode: node });
  send({ type: 'detail', node });
}

/** Terminates the Worker (on unmount). */
export function stopSim(): void {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  queued = [];
  worker?.terminate();
  worker = null;
}

/** Sends a fire-and-forget command. */
export function send(command: Command): void {
  const env: CommandEnvelope = { protocolVersion: PROTOCOL_VERSION, command };
  worker?.postMessage(env);
}

/** Sends a command that expects a reply; resolves with its result. */
export function request<T = unknown>(command: RequestWithoutId): Promise<T> {
  if (!worker) return Promise.reject(new Error('the simulation is not running'));
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    send({ ...command, id } as Command);
  });
}

/** Fetches scheduler explanations for the inspector and the map (coalesced, a few in flight). */
export const explainDriver = new ExplainDriver((podUid) => request<SchedulingRecord | null>({ type: 'explain', podUid }));

/** What, in a pod, changes when the scheduler has something new to say about it. */
export function schedulingKey(pod: PlainObject): string {
  const cond = ((pod.status?.conditions ?? []) as { type: string; status?: string; message?: string; lastTransitionTime?: string }[]).find((c) => c.type === 'PodScheduled');
  return [pod.spec?.nodeName ?? '', cond?.status ?? '', cond?.message ?? '', cond?.lastTransitionTime ?? '', pod.status?.nominatedNodeName ?? ''].join('|');
}

/** Keeps the explanation of the selected pod current. */
function followSelection(): void {
  const s = useMirror.getState();
  const sel = s.selection;
  const pod = sel?.kind === 'Pod' ? s.objects.Pod?.[objKey(sel.namespace || undefined, sel.name)] : undefined;
  if (!pod?.metadata.uid) explainDriver.select(null);
  else explainDriver.select(String(pod.metadata.uid), schedulingKey(pod));
}

useMirror.subscribe((s, prev) => {
  if (s.selection !== prev.selection) followSelection();
});
