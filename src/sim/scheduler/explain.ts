/**
 * Explanation records: what the scheduler saw and decided for each attempt, per
 * node and per plugin (after kube-scheduler-simulator's recorded results), so
 * the inspector can say why a pod went where it did, or why it could not.
 * Plain data only: records cross the Worker boundary with structuredClone.
 */
import type { Code } from './framework';

/** One filter plugin's verdict on one node. */
export interface FilterRecord {
  plugin: string;
  code: Code;
  reasons: string[];
}

/** One score plugin's result on one node. */
export interface ScoreRecord {
  plugin: string;
  raw: number;
  /** After NormalizeScore, 0..100. */
  normalized: number;
  /** normalized × plugin weight. */
  weighted: number;
}

/** Everything the attempt found about one node. */
export interface NodeRecord {
  node: string;
  /** Filters in profile order, up to and including the first that failed. */
  filters: FilterRecord[];
  /** Present only for feasible nodes when more than one was feasible. */
  scores: ScoreRecord[];
  total?: number;
}

/** One scheduling attempt of one pod. */
export interface SchedulingRecord {
  podKey: string;
  podUid: string;
  /** Virtual ms of the attempt. */
  time: number;
  nodes: NodeRecord[];
  /**
   * What PreFilter did, when it mattered: a rejection of every node (its
   * plugin, code and reasons), or the plugins that narrowed the cycle to `nodes`.
   */
  preFilter?: FilterRecord & { nodes?: string[] };
  /** The node chosen, when the attempt succeeded. */
  selected?: string;
  /** The FailedScheduling message, when it failed. */
  message?: string;
  /** The node preemption nominated, if it did. */
  nominatedNode?: string;
  /** Pods preempted for this one (`namespace/name`). */
  victims?: string[];
}

/** How many pods' latest records are kept (oldest forgotten first), to bound memory at scale. */
export const MAX_RECORDS = 5000;

/** The latest record per pod uid, bounded to MAX_RECORDS pods. */
export class RecordBook {
  private readonly records = new Map<string, SchedulingRecord>();

  /** Stores the latest attempt for its pod. */
  put(record: SchedulingRecord): void {
    this.records.delete(record.podUid);
    this.records.set(record.podUid, record);
    if (this.records.size > MAX_RECORDS) this.records.delete(this.records.keys().next().value!);
  }

  /** The latest attempt for a pod uid. */
  get(podUid: string): SchedulingRecord | undefined {
    return this.records.get(podUid);
  }
}
