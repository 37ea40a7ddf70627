/**
 * The UI's mirror of the cluster: objects by kind and key, the clock, and what the user
 * selected. A batch from the Worker is applied in one update; components only read.
 */
import { create } from 'zustand';
import { immer } from 'zustand/middleware/immer';
import type { BatchMessage, NodeSummary, PlainObject, Speed } from '../../worker/protocol';

export type WorkerStatus = 'starting' | 'running' | 'dead';

/** What the inspector shows. */
export interface Selection {
  kind: string;
  namespace: string;
  name: string;
}

export interface MirrorState {
  /** kind -> `namespace/name` -> object. */
  objects: Record<string, Record<string, PlainObject>>;
  rv: number;
  now: number;
  epochMs: number;
  paused: boolean;
  speed: Speed;
  seed: number;
  nodesAlive: Record<string, boolean>;
  controlPlaneNodes: string[];
  workerStatus: WorkerStatus;
  workerError: string | null;
  selection: Selection | null;
  /** 'summary' for large clusters: the map draws `summary`, pods are mirrored only for `detailNode`. */
  mode: 'full' | 'summary';
  summary: SummaryState;
  /** The node whose pods the Worker mirrors in summary mode. */
  detailNode: string | null;
  workers: number;
  applyBatch: (batch: BatchMessage) => void;
  select: (sel: Selection | null) => void;
  setWorkerStatus: (status: WorkerStatus, error?: string | null) => void;
}

/** The large map's data: node rows by name (unchanged rows keep their reference), their order, totals. */
export interface SummaryState {
  rows: Record<string, NodeSummary>;
  order: string[];
  totals: number[];
  pending: number;
  podCount: number;
}

const EMPTY_SUMMARY: SummaryState = { rows: {}, order: [], totals: [0, 0, 0, 0, 0], pending: 0, podCount: 0 };
/** In summary mode the event list keeps the newest events only (a sample). */
const SUMMARY_EVENTS_KEPT = 300;

/** The mirror key of an object within its kind. */
export function objKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export const useMirror = create<MirrorState>()(
  immer((set) => ({
    objects: {},
    rv: 0,
    now: 0,
    epochMs: 0,
    paused: false,
    speed: 1,
    seed: 1,
    nodesAlive: {},
    controlPlaneNodes: [],
    workerStatus: 'starting',
    workerError: null,
    selection: null,
    mode: 'full',
    summary: EMPTY_SUMMARY,
    detailNode: null,
    workers: 3,
    applyBatch: (batch) =>
      set((s) => {
        if (batch.full) {
          s.objects = {};
          s.selection = null;
          if (batch.mode !== 'summary') s.summary = EMPTY_SUMMARY;
        }
        if (batch.podsReset && s.objects.Pod) s.objects.Pod = {};
        if (batch.mode) s.mode = batch.mode;
        // detailNode is the UI's own (showNodeDetail): a batch sent before the Worker saw the request must not undo it.
        if (batch.full && batch.detailNode === null && batch.podsReset) s.detailNode = null;
        if (batch.workers !== undefined) s.workers = batch.workers;
        const sum = batch.summary;
        if (sum) {
          const rows = sum.full ? {} : { ...s.summary.rows };
          for (const r of sum.changed) rows[r.name] = r;
          s.summary = { rows, order: sum.order ?? s.summary.order, totals: sum.totals, pending: sum.pending, podCount: sum.podCount };
        }
        for (const { type, object } of batch.changes) {
          const byKind = (s.objects[object.kind] ??= {});
          const key = objKey(object.metadata.namespace, object.metadata.name);
          if (type === 'DELETED') delete byKind[key];
          else byKind[key] = object;
        }
        if (batch.mode === 'summary') trimEvents(s.objects);
        s.rv = batch.rv;
        s.now = batch.now;
        s.epochMs = batch.epochMs;
        s.paused = batch.paused;
        s.speed = batch.speed;
        s.seed = batch.seed;
        if (!sameRecord(s.nodesAlive, batch.nodesAlive)) s.nodesAlive = batch.nodesAlive;
        if (s.controlPlaneNodes.join() !== batch.controlPlaneNodes.join()) s.controlPlaneNodes = batch.controlPlaneNodes;
        s.workerStatus = 'running';
      }),
    select: (sel) =>
      set((s) => {
        s.selection = sel;
      }),
    setWorkerStatus: (status, error = null) =>
      set((s) => {
        s.workerStatus = status;
        s.workerError = error;
      }),
  })),
);

/** Keeps the newest events (by resourceVersion) when there are too many. */
function trimEvents(objects: Record<string, Record<string, PlainObject>>): void {
  const events = objects.Event;
  if (!events) return;
  const keys = Object.keys(events);
  if (keys.length <= SUMMARY_EVENTS_KEPT * 1.5) return;
  const rv = (k: string) => Number(events[k].metadata.resourceVersion ?? 0);
  const keep = keys.sort((a, b) => rv(b) - rv(a)).slice(0, SUMMARY_EVENTS_KEPT);
  const next: Record<string, PlainObject> = {};
  for (const k of keep) next[k] = events[k];
  objects.Event = next;
}

function sameRecord(a: Record<string, boolean>, b: Record<string, boolean>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

const EMPTY: Record<string, PlainObject> = {};

/** The mirrored objects of one kind (a stable reference between unrelated updates). */
export function useKind(kind: string): Record<string, PlainObject> {
  return useMirror((s) => s.objects[kind] ?? EMPTY);
}
