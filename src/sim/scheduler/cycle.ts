/**
 * Running the plugins of one profile over one cycle (reference §2.3 steps 3, 5
 * and 8): PreFilter over the snapshot, Filter per node, PreScore and Score
 * over the feasible nodes. Pure functions of the plugin lists, so the
 * scheduler, preemption's dry runs and the tests share them.
 */
import type { Pod } from '../api/types';
import {
  CycleState, SKIP, SUCCESS, Snapshot,
  type FilterPlugin, type NodeInfo, type ScorePlugin, type Status,
} from './framework';
import type { FilterRecord, ScoreRecord } from './explain';

/** What the PreFilter phase concluded. */
export interface PreFilterOutcome {
  state: CycleState;
  /** A rejection that applies to every node (its reasons become the FitError's PreFilterMsg). */
  status?: Status;
  /** The plugin that rejected. */
  rejectedBy?: string;
  /** The only nodes to filter, when a plugin narrowed them (intersection over plugins). */
  nodeNames?: ReadonlySet<string>;
  /** Plugins that narrowed the node set, sorted (for `didn't satisfy plugin(s) [...]`). */
  narrowedBy: string[];
}

/** The status of nodes a PreFilter left out (reference §2.3 step 3). */
export function narrowedOutStatus(plugins: readonly string[]): Status {
  return { code: 'UnschedulableAndUnresolvable', reasons: [`node(s) didn't satisfy plugin(s) [${plugins.join(' ')}]`] };
}

/**
 * Runs every PreFilter in order. The first rejection ends the phase; node
 * sets from several plugins are intersected, and an empty intersection is a
 * rejection too.
 */
export function runPreFilters(plugins: readonly FilterPlugin[], pod: Pod, snapshot: Snapshot): PreFilterOutcome {
  const state = new CycleState();
  let nodeNames: Set<string> | undefined;
  const narrowedBy: string[] = [];
  for (const plugin of plugins) {
    if (!plugin.preFilter) continue;
    const result = plugin.preFilter(pod, snapshot, state);
    if (result === SKIP) {
      state.skipFilter.add(plugin.name);
      continue;
    }
    if (!result) continue;
    if (result.status && result.status.code !== 'Success') return { state, status: result.status, rejectedBy: plugin.name, narrowedBy };
    if (result.nodeNames) {
      narrowedBy.push(plugin.name);
      nodeNames = nodeNames ? new Set([...nodeNames].filter((n) => result.nodeNames!.has(n))) : new Set(result.nodeNames);
      if (nodeNames.size === 0) {
        // As upstream: one plugin names itself, several say "simultaneously".
        const reason = narrowedBy.length === 1
          ? `node(s) didn't satisfy plugin ${narrowedBy[0]}`
          : `node(s) didn't satisfy plugin(s) [${[...narrowedBy].sort().join(' ')}] simultaneously`;
        return { state, status: { code: 'UnschedulableAndUnresolvable', reasons: [reason] }, rejectedBy: plugin.name, narrowedBy };
      }
    }
  }
  return { state, nodeNames, narrowedBy: [...narrowedBy].sort() };
}

const successRecords = new Map<string, FilterRecord>();

/** A plugin's passing record, one frozen object shared by every node and attempt (records are read-only data). */
function successRecord(plugin: string): FilterRecord {
  let record = successRecords.get(plugin);
  if (!record) {
    record = Object.freeze({ plugin, code: 'Success', reasons: Object.freeze([]) as unknown as string[] }) as FilterRecord;
    successRecords.set(plugin, record);
  }
  return record;
}

/**
 * Runs the filters in order and stops at the first that fails (reference §2.3
 * step 5). Without a cycle state (tests, simple callers) PreFilter runs first
 * over a snapshot holding just this node.
 */
export function runFilters(plugins: readonly FilterPlugin[], pod: Pod, nodeInfo: NodeInfo, state?: CycleState, trail?: FilterRecord[]): Status {
  if (!state) {
    const pre = runPreFilters(plugins, pod, new Snapshot([nodeInfo]));
    if (pre.status) return pre.status;
    if (pre.nodeNames && !pre.nodeNames.has(nodeInfo.name)) return narrowedOutStatus(pre.narrowedBy);
    state = pre.state;
  }
  for (const plugin of plugins) {
    if (state.skipFilter.has(plugin.name)) continue;
    const status = plugin.filter(pod, nodeInfo, state);
    trail?.push(status.code === 'Success' && status.reasons.length === 0 ? successRecord(plugin.name) : { plugin: plugin.name, code: status.code, reasons: [...status.reasons] });
    if (status.code !== 'Success') return status;
  }
  return SUCCESS;
}

/**
 * PreScore, Score and NormalizeScore for every plugin, weighted and summed
 * (reference §2.3 step 8). Returns the totals (same order as `feasible`) and
 * each node's per-plugin scores for the explanation records.
 */
export function runScores(
  plugins: readonly ScorePlugin[],
  pod: Pod,
  feasible: readonly NodeInfo[],
  snapshot: Snapshot,
  state: CycleState,
): { totals: number[]; scores: ScoreRecord[][] } {
  const n = feasible.length;
  const totals = new Array<number>(n).fill(0);
  const scores: ScoreRecord[][] = [];
  for (let i = 0; i < n; i++) scores.push([]);
  const raw = new Array<number>(n);
  for (const plugin of plugins) {
    if (plugin.skip?.(pod)) continue;
    if (plugin.preScore?.(pod, feasible, snapshot, state) === SKIP) state.skipScore.add(plugin.name);
    if (state.skipScore.has(plugin.name)) continue;
    for (let i = 0; i < n; i++) raw[i] = plugin.score(pod, feasible[i], state);
    const normalized = plugin.normalize ? plugin.normalize(raw, feasible, state) : raw;
    for (let i = 0; i < n; i++) {
      const weighted = normalized[i] * plugin.weight;
      totals[i] += weighted;
      scores[i].push({ plugin: plugin.name, raw: raw[i], normalized: normalized[i], weighted });
    }
  }
  return { totals, scores };
}
