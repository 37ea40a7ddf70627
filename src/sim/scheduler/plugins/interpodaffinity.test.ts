import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import type { Affinity, PodAffinityTerm } from 'kubernetes-types/core/v1';
import { CycleState, NodeInfo, SKIP, Snapshot } from '../framework';
import { testNode, testPod } from '../testing';
import { dryRunFilters } from '../scheduler';
import { preempt } from '../preemption';
import { VirtualClock } from '../../core/clock';
import {
  REASON_AFFINITY, REASON_ANTI_AFFINITY, REASON_EXISTING_ANTI_AFFINITY,
  filterInterPodAffinity, interPodAffinity, preFilterInterPodAffinity,
} from './interpodaffinity';

const term = (app: string, topologyKey = 'zone', extra: Partial<PodAffinityTerm> = {}): PodAffinityTerm =>
  ({ labelSelector: { matchLabels: { app } }, topologyKey, ...extra }) as PodAffinityTerm;
function pod(name: string, app: string, affinity?: Affinity, namespace = 'default'): Pod {
  const p = testPod(name, { labels: { app }, namespace });
  if (affinity) p.spec!.affinity = affinity;
  return p;
}
const affinityTo = (...t: PodAffinityTerm[]): Affinity => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: t } });
const antiTo = (...t: PodAffinityTerm[]): Affinity => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: t } });
const node = (name: string, zone: string) => testNode(name, { labels: { zone } });
const OK = { code: 'Success', reasons: [] };

describe('InterPodAffinity filter', () => {
  // a1 (zone a) runs a db pod; b1 (zone b) runs a cache pod that repels web pods in its zone.
  const cluster = () => [
    new NodeInfo(node('a1', 'a'), [pod('db-0', 'db')]),
    new NodeInfo(node('a2', 'a')),
    new NodeInfo(node('b1', 'b'), [pod('cache-0', 'cache', antiTo(term('web')))]),
    new NodeInfo(node('c1', 'c')),
  ];
  it.each([
    { name: 'affinity: a node in the db pod\'s zone', pod: pod('p', 'api', affinityTo(term('db'))), node: 'a2', want: OK },
    { name: 'affinity: another zone', pod: pod('p', 'api', affinityTo(term('db'))), node: 'c1', want: { code: 'UnschedulableAndUnresolvable', reasons: [REASON_AFFINITY] } },
    { name: 'affinity on hostname', pod: pod('p', 'api', affinityTo(term('db', 'kubernetes.io/hostname'))), node: 'a2', want: { code: 'UnschedulableAndUnresolvable', reasons: [REASON_AFFINITY] } },
    { name: 'affinity: a missing topology key', pod: pod('p', 'api', affinityTo(term('db', 'rack'))), node: 'a1', want: { code: 'UnschedulableAndUnresolvable', reasons: [REASON_AFFINITY] } },
    { name: 'affinity to itself, first of its kind', pod: pod('p', 'solo', affinityTo(term('solo'))), node: 'c1', want: OK },
    { name: 'affinity in another namespace does not see the db pod', pod: pod('p', 'api', affinityTo(term('db')), 'other'), node: 'a2', want: { code: 'UnschedulableAndUnresolvable', reasons: [REASON_AFFINITY] } },
    { name: 'affinity naming the namespace', pod: pod('p', 'api', affinityTo(term('db', 'zone', { namespaces: ['default'] })), 'other'), node: 'a2', want: OK },
    { name: 'affinity with an empty namespaceSelector (all namespaces)', pod: pod('p', 'api', affinityTo(term('db', 'zone', { namespaceSelector: {} })), 'other'), node: 'a2', want: OK },
    { name: 'anti-affinity: the db pod\'s zone', pod: pod('p', 'api', antiTo(term('db'))), node: 'a2', want: { code: 'Unschedulable', reasons: [REASON_ANTI_AFFINITY] } },
    { name: 'anti-affinity: another zone', pod: pod('p', 'api', antiTo(term('db'))), node: 'c1', want: OK },
    { name: 'an existing pod\'s anti-affinity', pod: pod('p', 'web'), node: 'b1', want: { code: 'Unschedulable', reasons: [REASON_EXISTING_ANTI_AFFINITY] } },
    { name: 'an existing pod\'s anti-affinity, other zone', pod: pod('p', 'web'), node: 'a1', want: OK },
  ])('$name', ({ pod, node, want }) => {
    const snapshot = new Snapshot(cluster());
    const state = new CycleState();
    preFilterInterPodAffinity(pod, snapshot, state);
    expect(filterInterPodAffinity(pod, snapshot.get(node)!, state)).toEqual(want);
  });

  it('skips when nobody has required (anti-)affinity', () => {
    const snapshot = new Snapshot([new NodeInfo(node('a1', 'a'), [pod('db-0', 'db')])]);
    expect(preFilterInterPodAffinity(pod('p', 'web'), snapshot, new CycleState())).toBe(SKIP);
  });
});

describe('InterPodAffinity score', () => {
  it('adds preferred affinity and subtracts preferred anti-affinity per zone, min-max normalised', () => {
    const p = pod('p', 'api', {
      podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term('db') }] },
      podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 4, podAffinityTerm: term('api') }] },
    });
    const nodes = [
      new NodeInfo(node('a1', 'a'), [pod('db-0', 'db')]),
      new NodeInfo(node('b1', 'b'), [pod('api-0', 'api')]),
      new NodeInfo(node('c1', 'c')),
    ];
    const state = new CycleState();
    expect(interPodAffinity.preScore(p, nodes, new Snapshot(nodes), state)).toBeUndefined();
    const raw = nodes.map((n) => interPodAffinity.score(p, n, state));
    expect(raw).toEqual([10, -4, 0]);
    expect(interPodAffinity.normalize(raw)).toEqual([100, 0, 28]);
  });

  it('skips pods without preferences when no pod has affinity', () => {
    const nodes = [new NodeInfo(node('a1', 'a'), [pod('db-0', 'db')])];
    expect(interPodAffinity.preScore(pod('p', 'web'), nodes, new Snapshot(nodes), new CycleState())).toBe(SKIP);
  });
});

describe('preemption with anti-affinity', () => {
  it('the dry run re-runs PreFilter without the victims: evicting the repelled pod helps', () => {
    const low = pod('low', 'db');
    const high = pod('high', 'api', antiTo(term('db', 'kubernetes.io/hostname')));
    high.spec!.priority = 100;
    const nodes = [new NodeInfo(testNode('n1'), [low])];
    const snapshot = new Snapshot(nodes);
    const statuses = new Map([['n1', { code: 'Unschedulable' as const, reasons: [REASON_ANTI_AFFINITY] }]]);
    const outcome = preempt(high, nodes, statuses, dryRunFilters(snapshot), new VirtualClock());
    expect(outcome.candidate?.victims.map((v) => v.metadata!.name)).toEqual(['low']);
  });
});
