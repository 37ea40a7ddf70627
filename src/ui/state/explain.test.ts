import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SchedulingRecord } from '../../sim/scheduler/explain';
import type { Change, PlainObject } from '../../worker/protocol';
import { ExplainDriver, FLASH_MS, MAX_IN_FLIGHT, MIN_FLASH_MS, currentMarks, marksFromRecord, newlyBound, nodeMarkKey, parseNodeMark, useExplain } from './explain';

const pod = (name: string, uid: string, nodeName?: string): PlainObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid },
  spec: nodeName ? { nodeName } : {},
});

const record = (uid: string, selected?: string): SchedulingRecord => ({
  podKey: `default/${uid}`,
  podUid: uid,
  time: 0,
  selected,
  message: selected ? undefined : '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.',
  nodes: [
    { node: 'cp', filters: [{ plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] }], scores: [] },
    selected
      ? { node: 'n1', filters: [{ plugin: 'NodeResourcesFit', code: 'Success', reasons: [] }], scores: [] }
      : { node: 'n1', filters: [{ plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu'] }], scores: [] },
  ],
});

describe('newlyBound', () => {
  it('reports pods whose nodeName is new in this batch, including pods created and bound in one batch', () => {
    const before = { 'default/a': pod('a', 'ua'), 'default/b': pod('b', 'ub', 'n1') };
    const changes: Change[] = [
      { type: 'MODIFIED', object: pod('a', 'ua', 'n2') },
      { type: 'MODIFIED', object: pod('b', 'ub', 'n1') },
      { type: 'ADDED', object: pod('c', 'uc', 'n1') },
      { type: 'ADDED', object: pod('d', 'ud') },
      { type: 'DELETED', object: pod('e', 'ue', 'n1') },
      { type: 'ADDED', object: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n3', uid: 'x' }, spec: { nodeName: 'n3' } } },
    ];
    expect(newlyBound(changes, before, false).map((b) => [b.name, b.nodeName])).toEqual([
      ['a', 'n2'],
      ['c', 'n1'],
    ]);
    expect(newlyBound(changes, before, true)).toEqual([]);
  });

  it('treats a recreated pod (same name, new uid) as new', () => {
    const before = { 'default/a': pod('a', 'old', 'n1') };
    expect(newlyBound([{ type: 'ADDED', object: pod('a', 'new', 'n1') }], before, false)).toHaveLength(1);
  });
});

describe('marks', () => {
  it('names the chosen node and the plugin that ruled each other node out', () => {
    const m = marksFromRecord(record('u1', 'n1'));
    expect(m.chosen).toBe('n1');
    expect(m.podName).toBe('u1');
    expect(m.feasible).toEqual(['n1']);
    expect(m.rejected.cp.plugin).toBe('TaintToleration');
    expect(m.rejected.cp.reason).toBe('node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
  });

  it('prefers the selected pod over a flash, and gives nodes stable string marks', () => {
    useExplain.setState({ selected: { uid: 'u1', key: 'k', record: record('u1') }, flash: { ...marksFromRecord(record('u2', 'n1')), seq: 3 } });
    const s = useExplain.getState();
    expect(currentMarks(s)?.mode).toBe('pinned');
    expect(nodeMarkKey(s, 'n1')).toBe(nodeMarkKey(useExplain.getState(), 'n1'));
    expect(parseNodeMark(nodeMarkKey(s, 'n1'))).toMatchObject({ kind: 'rejected', plugin: 'NodeResourcesFit', reason: 'Insufficient cpu' });
    expect(nodeMarkKey(s, 'elsewhere')).toBe('');
    useExplain.setState({ selected: null });
    const f = useExplain.getState();
    expect(currentMarks(f)?.mode).toBe('flash');
    expect(parseNodeMark(nodeMarkKey(f, 'n1'))).toMatchObject({ kind: 'chosen', mode: 'flash', seq: 3 });
  });
});

/** A fake clock and a fetch whose answers the test releases by hand. */
function harness() {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const calls: { uid: string; resolve: (r: SchedulingRecord | null) => void }[] = [];
  const driver = new ExplainDriver(
    (uid) => new Promise((resolve) => calls.push({ uid, resolve })),
    {
      now: () => now,
      setTimeout: (fn, ms) => {
        const id = nextId++;
        timers.push({ at: now + ms, fn, id });
        return id;
      },
      clearTimeout: (id) => {
        const i = timers.findIndex((t) => t.id === id);
        if (i >= 0) timers.splice(i, 1);
      },
    },
  );
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > end) break;
      timers.shift();
      now = t.at;
      t.fn();
      await Promise.resolve();
    }
    now = end;
  };
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { driver, calls, advance, settle };
}

describe('ExplainDriver', () => {
  beforeEach(() => useExplain.setState({ selected: null, flash: null }));
  afterEach(() => useExplain.setState({ selected: null, flash: null }));

  it('coalesces a burst of binds into one flash of the newest pod, and ends it after FLASH_MS', async () => {
    const h = harness();
    h.driver.bound(['p1', 'p2']);
    h.driver.bound(['p3']);
    expect(h.calls.map((c) => c.uid)).toEqual(['p2']);
    h.calls[0].resolve(record('p2', 'n1'));
    await h.settle();
    expect(useExplain.getState().flash?.chosen).toBe('n1');
    // p3 waits until the flash has been visible for MIN_FLASH_MS.
    expect(h.calls).toHaveLength(1);
    for (let i = 4; i < 40; i++) h.driver.bound([`p${i}`]);
    await h.advance(MIN_FLASH_MS);
    expect(h.calls.map((c) => c.uid)).toEqual(['p2', 'p39']);
    h.calls[1].resolve(record('p39', 'n1'));
    await h.settle();
    expect(useExplain.getState().flash?.podUid).toBe('p39');
    await h.advance(FLASH_MS);
    expect(useExplain.getState().flash).toBeNull();
  });

  it('keeps at most MAX_IN_FLIGHT requests outstanding and serves the selected pod first', async () => {
    const h = harness();
    h.driver.bound(['a']);
    h.driver.select('s1', 'k1');
    expect(h.calls.length).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    h.driver.select('s1', 'k2');
    h.driver.select('s1', 'k3');
    expect(h.calls.length).toBe(MAX_IN_FLIGHT);
    expect(useExplain.getState().selected).toMatchObject({ uid: 's1', key: 'k3' });
    // An answer to an old key is dropped; the newest key is fetched when a slot frees up.
    const s1 = h.calls.find((c) => c.uid === 's1')!;
    s1.resolve(record('s1', 'n1'));
    await h.settle();
    expect(useExplain.getState().selected?.record).toBeUndefined();
    expect(h.calls.filter((c) => c.uid === 's1')).toHaveLength(2);
    h.calls[h.calls.length - 1].resolve(record('s1', 'n1'));
    await h.settle();
    expect(useExplain.getState().selected?.record?.selected).toBe('n1');
    h.driver.select(null);
    expect(useExplain.getState().selected).toBeNull();
  });

  it('forgets everything on reset', async () => {
    const h = harness();
    h.driver.select('s1', 'k');
    h.driver.bound(['a']);
    h.driver.reset();
    h.calls.forEach((c) => c.resolve(record(c.uid, 'n1')));
    await h.settle();
    expect(useExplain.getState()).toMatchObject({ selected: null, flash: null });
    h.driver.bound(['b']);
    expect(h.calls.at(-1)?.uid).toBe('b');
  });
});
