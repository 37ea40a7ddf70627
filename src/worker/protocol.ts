/**
 * The typed messages between the UI (main thread) and the simulation Worker.
 * Every payload is plain structured-clone data: no classes, no functions.
 */

/** Bumped whenever a message shape changes incompatibly. */
export const PROTOCOL_VERSION = 1;

/** The clock speeds the UI offers (virtual seconds per wall second). */
export type Speed = 1 | 10 | 60;
export const SPEEDS: readonly Speed[] = [1, 10, 60];

/** A stored Kubernetes object as plain data (apiVersion, kind, metadata always present). */
export interface PlainObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string; [field: string]: unknown };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** One change to the cluster's objects, like a watch event. */
export interface Change {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: PlainObject;
}

/** What `kubectl apply -f` printed, and where the YAML was broken. */
export interface ApplyResult {
  lines: { text: string; error: boolean }[];
  markers: { line: number; column: number; message: string }[];
}

export type { ClusterSummary, NodeSummary } from './summary';
import type { ClusterSummary } from './summary';

/** What one terminal `kubectl` printed (the simulation's KubectlResult as plain data). */
export interface KubectlReply {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** `kubectl edit`: the YAML to open in the editor. */
  edit?: string;
  /** Set when the command keeps printing: `stream` messages with this id follow until one is `done`. */
  stream?: number;
}

// ---- UI -> sim ----------------------------------------------------------------------------------

export type Command =
  | { type: 'apply'; id: number; yaml: string }
  | { type: 'delete'; id: number; kind: string; namespace: string; name: string }
  | { type: 'chaos.killNode'; name: string }
  | { type: 'chaos.restoreNode'; name: string }
  | { type: 'clock.play' }
  | { type: 'clock.pause' }
  | { type: 'clock.speed'; x: Speed }
  | { type: 'clock.skip' }
  | { type: 'reset'; seed: number; /** Worker nodes (control plane not counted); omitted keeps the current shape. */ workers?: number }
  /** Detail on demand in summary mode: mirror this node's pods (and the Node itself); null for none. */
  | { type: 'detail'; node: string | null }
  | { type: 'explain'; id: number; podUid: string }
  /** The terminal: runs `kubectl <argv>` against the live cluster; the reply is a KubectlReply. */
  | { type: 'kubectl'; id: number; argv: string[]; stdin?: string; files?: Record<string, string> }
  /** Ctrl+C in the terminal: stops a streaming command (`get -w`, `rollout status`). */
  | { type: 'kubectl.cancel'; stream: number };

/** A command together with the protocol version it was written for. */
export interface CommandEnvelope {
  protocolVersion: number;
  command: Command;
}

/** Commands that expect a `reply` carrying the same id. */
export type RequestCommand = Extract<Command, { id: number }>;

// ---- sim -> UI ----------------------------------------------------------------------------------

export interface BatchMessage {
  type: 'batch';
  protocolVersion: number;
  /** True for the first batch after start or reset: the UI drops what it had and takes `changes` as the whole state. */
  full: boolean;
  /** The store's resourceVersion after these changes. */
  rv: number;
  /** Virtual ms since the cluster started. */
  now: number;
  /** Wall-clock ms that virtual time 0 stands for (for timestamps). */
  epochMs: number;
  /** Coalesced by object: at most one change per object, in resourceVersion order. */
  changes: Change[];
  /** Every node machine and whether it is powered on. */
  nodesAlive: Record<string, boolean>;
  /** The machines that run the control-plane components. */
  controlPlaneNodes: string[];
  paused: boolean;
  speed: Speed;
  seed: number;
  /** 'summary' for large clusters: pods arrive only for `detailNode`, the rest as `summary`. */
  mode?: 'full' | 'summary';
  /** Per-node counts and totals (summary mode; only when something changed). */
  summary?: ClusterSummary;
  /** True when the UI must drop its mirrored pods before applying `changes` (the detail node changed). */
  podsReset?: boolean;
  /** The node whose pods are mirrored in summary mode. */
  detailNode?: string | null;
  /** Worker nodes in the cluster (without the control plane). */
  workers?: number;
}

export type ReplyMessage =
  | { type: 'reply'; protocolVersion: number; id: number; ok: true; result: unknown }
  | { type: 'reply'; protocolVersion: number; id: number; ok: false; error: string };

export interface FatalMessage {
  type: 'fatal';
  protocolVersion: number;
  message: string;
}

/** More output of a streaming terminal command (`kubectl get -w`, `kubectl rollout status`). */
export interface StreamMessage {
  type: 'stream';
  protocolVersion: number;
  stream: number;
  stdout?: string;
  stderr?: string;
  /** The command finished (or was cancelled) with `exitCode`. */
  done?: boolean;
  exitCode?: number;
}

export type SimMessage = BatchMessage | ReplyMessage | FatalMessage | StreamMessage;
