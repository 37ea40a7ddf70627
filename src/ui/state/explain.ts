/**
 * The scheduler's reasoning as the UI shows it: the latest explanation record of the
 * selected pod (kept on screen while it is selected) and a short "flash" of the pod
 * that was bound most recently (the scheduling animation on the map).
 *
 * Requests to the Worker are coalesced: the selected pod always gets the next free slot,
 * and of all pods bound since the last flash only the newest is explained, so dozens of
 * pods scheduled at once cost a handful of requests, never one each, and at most
 * MAX_IN_FLIGHT are outstanding.
 */
import { create } from 'zustand';
import type { SchedulingRecord } from '../../sim/scheduler/explain';
import type { Change, PlainObject } from '../../worker/protocol';

/** How long the map glows after a bind. */
export const FLASH_MS = 1500;
/** A flash is shown at least this long before a newer bind may replace it. */
export const MIN_FLASH_MS = 500;
export const MAX_IN_FLIGHT = 2;

/** What the map draws for one explanation: the chosen node and why the others were ruled out. */
export interface MapMarks {
  podUid: string;
  podName: string;
  chosen: string | null;
  nominated: string | null;
  /** node -> the filter plugin that rejected it, and its reasons. */
  rejected: Record<string, { plugin: string; reason: string }>;
  /** Nodes that passed every filter. */
  feasible: string[];
}

export function marksFromRecord(record: SchedulingRecord): MapMarks {
  const rejected: MapMarks['rejected'] = {};
  const feasible: string[] = [];
  for (const n of record.nodes) {
    const failed = n.filters.find((f) => f.code !== 'Success');
    if (failed) rejected[n.node] = { plugin: failed.plugin, reason: failed.reasons.join(', ') || failed.code };
    else feasible.push(n.node);
  }
  const podName = record.podKey.includes('/') ? record.podKey.slice(record.podKey.indexOf('/') + 1) : record.podKey;
  return { podUid: record.podUid, podName, chosen: record.selected ?? null, nominated: record.nominatedNode ?? null, rejected, feasible };
}

/** The pods this batch bound: spec.nodeName set now and not before (a full batch binds nothing). */
export function newlyBound(changes: Change[], before: Record<string, PlainObject> | undefined, full: boolean): { uid: string; name: string; nodeName: string }[] {
  if (full) return [];
  const out: { uid: string; name: string; nodeName: string }[] = [];
  for (const { type, object } of changes) {
    if (type === 'DELETED' || object.kind !== 'Pod') continue;
    const nodeName = object.spec?.nodeName;
    if (!nodeName || !object.metadata.uid) continue;
    const prev = before?.[`${object.metadata.namespace ?? ''}/${object.metadata.name}`];
    if (prev && prev.metadata.uid === object.metadata.uid && prev.spec?.nodeName) continue;
    out.push({ uid: String(object.metadata.uid), name: object.metadata.name, nodeName });
  }
  return out;
}

export interface ExplainState {
  /** The selected pod's latest record: undefined while loading, null when the scheduler has none. */
  selected: { uid: string; key: string; record: SchedulingRecord | null | undefined } | null;
  /** The newest bind being animated; `seq` restarts the animation. */
  flash: (MapMarks & { seq: number }) | null;
}

export const useExplain = create<ExplainState>()(() => ({ selected: null, flash: null }));

/** The marks the map shows now: the selected pod's (while selected), else the flash. */
export function currentMarks(s: ExplainState): (MapMarks & { mode: 'pinned' | 'flash'; seq: number }) | null {
  if (s.selected) return s.selected.record ? { ...marksFromRecord(s.selected.record), mode: 'pinned', seq: 0 } : null;
  return s.flash ? { ...s.flash, mode: 'flash' } : null;
}

type Fetch = (podUid: string) => Promise<SchedulingRecord | null>;

interface Timers {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Schedules explanation requests and drives the flash. Writes into `useExplain`.
 * Exported as a class so tests can run it with a fake fetch and fake timers.
 */
export class ExplainDriver {
  private inFlight = 0;
  /** The selected pod when its record must be (re)fetched. */
  private wantSelected: { uid: string; key: string } | null = null;
  /** The newest bound pod not yet explained. */
  private wantFlash: string | null = null;
  private flashShownAt = -Infinity;
  private flashTimer: unknown = null;
  private pumpTimer: unknown = null;
  private seq = 0;
  private generation = 0;
  /** Requests sent so far (for tests and diagnostics). */
  requests = 0;

  constructor(
    private readonly fetch: Fetch,
    private readonly timers: Timers = realTimers,
  ) {}

  /** The inspector shows this pod; `key` changes whenever its scheduling may have changed. */
  select(uid: string | null, key = ''): void {
    const cur = useExplain.getState().selected;
    if (!uid) {
      this.wantSelected = null;
      if (cur) useExplain.setState({ selected: null });
      return;
    }
    if (cur && cur.uid === uid && cur.key === key) return;
    // Keep the old record of the same pod on screen while the new one loads (no flicker).
    const keep = cur && cur.uid === uid ? cur.record : undefined;
    useExplain.setState({ selected: { uid, key, record: keep } });
    this.wantSelected = { uid, key };
    this.pump();
  }

  /** Pods just bound (newest last): only the newest is explained and animated. */
  bound(uids: string[]): void {
    if (uids.length === 0) return;
    this.wantFlash = uids[uids.length - 1];
    this.pump();
  }

  /** A reset: forget everything in progress. */
  reset(): void {
    this.generation++;
    this.wantFlash = null;
    this.wantSelected = null;
    this.inFlight = 0;
    this.flashShownAt = -Infinity;
    if (this.flashTimer !== null) this.timers.clearTimeout(this.flashTimer);
    if (this.pumpTimer !== null) this.timers.clearTimeout(this.pumpTimer);
    this.flashTimer = this.pumpTimer = null;
    useExplain.setState({ selected: null, flash: null });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT) {
      if (this.wantSelected) {
        const want = this.wantSelected;
        this.wantSelected = null;
        this.run(want.uid, (record) => {
          const cur = useExplain.getState().selected;
          if (cur && cur.uid === want.uid && cur.key === want.key) useExplain.setState({ selected: { ...cur, record } });
        });
        continue;
      }
      if (this.wantFlash) {
        const wait = this.flashShownAt + MIN_FLASH_MS - this.timers.now();
        if (wait > 0) {
          if (this.pumpTimer === null) {
            this.pumpTimer = this.timers.setTimeout(() => {
              this.pumpTimer = null;
              this.pump();
            }, wait);
          }
          return;
        }
        const uid = this.wantFlash;
        this.wantFlash = null;
        // Reserve the slot now so a burst of binds does not start several flashes at once.
        this.flashShownAt = this.timers.now();
        this.run(uid, (record) => this.showFlash(record));
        continue;
      }
      return;
    }
  }

  private run(uid: string, done: (record: SchedulingRecord | null) => void): void {
    const gen = this.generation;
    this.inFlight++;
    this.requests++;
    const finish = (record: SchedulingRecord | null) => {
      if (gen !== this.generation) return;
      this.inFlight--;
      done(record);
      this.pump();
    };
    this.fetch(uid).then(
      (r) => finish(r ?? null),
      () => finish(null),
    );
  }

  private showFlash(record: SchedulingRecord | null): void {
    if (!record || !record.selected) {
      this.flashShownAt = -Infinity;
      return;
    }
    this.flashShownAt = this.timers.now();
    useExplain.setState({ flash: { ...marksFromRecord(record), seq: ++this.seq } });
    if (this.flashTimer !== null) this.timers.clearTimeout(this.flashTimer);
    this.flashTimer = this.timers.setTimeout(() => {
      this.flashTimer = null;
      useExplain.setState({ flash: null });
    }, FLASH_MS);
  }
}

/** How one node looks on the map under the current marks. */
export interface NodeMark {
  kind: 'chosen' | 'rejected' | 'feasible' | 'nominated';
  plugin: string;
  reason: string;
  mode: 'pinned' | 'flash';
  seq: number;
  pod: string;
}

let memoState: ExplainState | null = null;
let memoMarks: ReturnType<typeof currentMarks> = null;

function marksOf(s: ExplainState): ReturnType<typeof currentMarks> {
  if (memoState !== s) {
    memoState = s;
    memoMarks = currentMarks(s);
  }
  return memoMarks;
}

/** A node's mark as a string (a stable selector result: equal marks compare equal); '' when unmarked. */
export function nodeMarkKey(s: ExplainState, node: string): string {
  const m = marksOf(s);
  if (!m) return '';
  let mark: NodeMark;
  const base = { mode: m.mode, seq: m.seq, pod: m.podName, plugin: '', reason: '' };
  if (m.chosen === node) mark = { ...base, kind: 'chosen' };
  else if (m.nominated === node) mark = { ...base, kind: 'nominated' };
  else if (m.rejected[node]) mark = { ...base, kind: 'rejected', ...m.rejected[node] };
  else if (m.feasible.includes(node)) mark = { ...base, kind: 'feasible' };
  else return '';
  return JSON.stringify(mark);
}

export function parseNodeMark(key: string): NodeMark | null {
  return key ? (JSON.parse(key) as NodeMark) : null;
}

/** A one-line summary of the current marks for the map ('' when none). */
export function marksSummaryKey(s: ExplainState): string {
  const m = marksOf(s);
  if (!m) return '';
  return JSON.stringify({ pod: m.podName, chosen: m.chosen, nominated: m.nominated, rejected: Object.keys(m.rejected).length, feasible: m.feasible.length, mode: m.mode, seq: m.seq });
}
