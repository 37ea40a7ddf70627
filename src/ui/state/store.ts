/**
 * The UI's mirror of the cluster: objects by kind and key, the clock, and what the user
 * selected. A batch from the Worker is applied in one update; components only read.
 */
import { create } from 'zustand';
import { immer } from 'zustand/middleware/immer';
import type { BatchMessage, PlainObject, Speed } from '../../worker/protocol';

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
  applyBatch: (batch: BatchMessage) => void;
  select: (sel: Selection | null) => void;
  setWorkerStatus: (status: WorkerStatus, error?: string | null) => void;
}

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
    applyBatch: (batch) =>
      set((s) => {
        if (batch.full) {
          s.objects = {};
          s.selection = null;
        }
        for (const { type, object } of batch.changes) {
          const byKind = (s.objects[object.kind] ??= {});
          const key = objKey(object.metadata.namespace, object.metadata.name);
          if (type === 'DELETED') delete byKind[key];
          else byKind[key] = object;
        }
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

function sameRecord(a: Record<string, boolean>, b: Record<string, boolean>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

const EMPTY: Record<string, PlainObject> = {};

/** The mirrored objects of one kind (a stable reference between unrelated updates). */
export function useKind(kind: string): Record<string, PlainObject> {
  return useMirror((s) => s.objects[kind] ?? EMPTY);
}
