import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { CycleState, NodeInfo, SKIP, Snapshot } from '../framework';
import { testNode, testPod } from '../testing';
import { REASON, REASON_MISSING_LABEL, filterSpread, podTopologySpread, preFilterSpread } from './podtopologyspread';

const zoneNode = (name: string, zone?: string) => testNode(name, { labels: zone ? { zone } : {} });
const web = (name: string) => testPod(name, { labels: { app: 'web' } });
/** One zone constraint (maxSkew 1, DoNotSchedule, app=web) with overrides. */
function spread(pod: Pod, c: Partial<TopologySpreadConstraint> = {}): Pod {
  pod.spec!.topologySpreadConstraints = [c].map(() => ({
    maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...c,
  }) as TopologySpreadConstraint);
  return pod;
}
const OK = { code: 'Success', reasons: [] };

describe('PodTopologySpread filter', () => {
  // a1 holds 2 web pods (zone a), b1 holds 1 (zone b), c1 none (zone c).
  const cluster = () => [
    new NodeInfo(zoneNode('a1', 'a'), [web('w1'), web('w2')]),
    new NodeInfo(zoneNode('b1', 'b'), [web('w3')]),
    new NodeInfo(zoneNode('c1', 'c')),
    new NodeInfo(zoneNode('x1')),
  ];
  it.each([
    { name: 'the emptiest zone fits', pod: spread(web('p')), node: 'c1', want: OK },
    // Zone b: 1 + itself − 0 = 2 > 1.
    { name: 'one above the minimum, plus itself, is over maxSkew 1', pod: spread(web('p')), node: 'b1', want: { code: 'Unschedulable', reasons: [REASON] } },
    { name: 'the same with maxSkew 2 fits', pod: spread(web('p'), { maxSkew: 2 }), node: 'b1', want: OK },
    { name: 'two above the minimum does not', pod: spread(web('p')), node: 'a1', want: { code: 'Unschedulable', reasons: [REASON] } },
    { name: 'maxSkew 3 allows it', pod: spread(web('p'), { maxSkew: 3 }), node: 'a1', want: OK },
    { name: 'a node without the key', pod: spread(web('p')), node: 'x1', want: { code: 'UnschedulableAndUnresolvable', reasons: [REASON_MISSING_LABEL] } },
    { name: 'a pod its selector does not match does not count itself', pod: spread(testPod('p', { labels: { app: 'other' } })), node: 'b1', want: OK },
    // minDomains 4 > 3 domains: the minimum counts as 0, so zone b (1 + self) is over.
    { name: 'minDomains above the domain count', pod: spread(web('p'), { minDomains: 4 }), node: 'b1', want: { code: 'Unschedulable', reasons: [REASON] } },
    { name: 'matchLabelKeys narrow the selector to the pod\'s own value', pod: spread(testPod('p', { labels: { app: 'web', v: '2' } }), { matchLabelKeys: ['v'] }), node: 'a1', want: OK },
  ])('$name', ({ pod, node, want }) => {
    const snapshot = new Snapshot(cluster());
    const state = new CycleState();
    expect(preFilterSpread(pod, snapshot, state)).toBeUndefined();
    expect(filterSpread(pod, snapshot.get(node)!, state)).toEqual(want);
  });

  it('skips pods without DoNotSchedule constraints', () => {
    expect(preFilterSpread(web('p'), new Snapshot([]), new CycleState())).toBe(SKIP);
    expect(preFilterSpread(spread(web('p'), { whenUnsatisfiable: 'ScheduleAnyway' }), new Snapshot([]), new CycleState())).toBe(SKIP);
  });

  it('nodeAffinityPolicy Honor leaves out zones the pod may not go to', () => {
    // Only zone a and b nodes match the nodeSelector: zone c's 0 is not the minimum.
    const pod = spread(web('p'));
    pod.spec!.nodeSelector = { pool: 'x' };
    const nodes = [
      new NodeInfo(testNode('a1', { labels: { zone: 'a', pool: 'x' } }), [web('w1')]),
      new NodeInfo(testNode('b1', { labels: { zone: 'b', pool: 'x' } }), [web('w2')]),
      new NodeInfo(testNode('c1', { labels: { zone: 'c' } })),
    ];
    const snapshot = new Snapshot(nodes);
    const state = new CycleState();
    preFilterSpread(pod, snapshot, state);
    expect(filterSpread(pod, nodes[0], state)).toEqual(OK);
    const ignoring = spread(web('p'), { nodeAffinityPolicy: 'Ignore' });
    ignoring.spec!.nodeSelector = { pool: 'x' };
    const state2 = new CycleState();
    preFilterSpread(ignoring, snapshot, state2);
    expect(filterSpread(ignoring, nodes[0], state2)).toEqual({ code: 'Unschedulable', reasons: [REASON] });
  });
});

describe('PodTopologySpread score', () => {
  it('prefers the zone with the fewest matching pods (ScheduleAnyway)', () => {
    const pod = spread(web('p'), { whenUnsatisfiable: 'ScheduleAnyway' });
    const nodes = [
      new NodeInfo(zoneNode('a1', 'a'), [web('w1'), web('w2')]),
      new NodeInfo(zoneNode('b1', 'b'), [web('w3')]),
      new NodeInfo(zoneNode('c1', 'c')),
    ];
    const state = new CycleState();
    expect(podTopologySpread.preScore(pod, nodes, new Snapshot(nodes), state)).toBeUndefined();
    const raw = nodes.map((n) => podTopologySpread.score(pod, n, state));
    // count × log(3 + 2) + maxSkew − 1: 2 × 1.609 → 3, 1.609 → 2, 0.
    expect(raw).toEqual([3, 2, 0]);
    expect(podTopologySpread.normalize(raw, nodes, state)).toEqual([0, 33, 100]);
  });

  it('system defaults apply only to pods a Service or controller selects', () => {
    const nodes = [new NodeInfo(zoneNode('a1', 'a'))];
    expect(podTopologySpread.preScore(web('p'), nodes, new Snapshot(nodes), new CycleState())).toBe(SKIP);
    const lister = {
      namespaceLabels: () => undefined,
      services: () => [{ spec: { selector: { app: 'web' } } }],
      controllerSelector: () => undefined,
    };
    expect(podTopologySpread.preScore(web('p'), nodes, new Snapshot(nodes, lister), new CycleState())).toBeUndefined();
  });
});
