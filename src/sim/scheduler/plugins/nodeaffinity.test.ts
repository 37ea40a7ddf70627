import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import type { Affinity } from 'kubernetes-types/core/v1';
import { NodeInfo, SKIP } from '../framework';
import { testNode, testPod } from '../testing';
import { REASON, REASON_CONFLICT, filterNodeAffinity, nodeAffinity, preFilterNodeAffinity, preferredAffinityScore } from './nodeaffinity';

const node = testNode('node-1', { labels: { zone: 'a', gpus: '4', disk: 'ssd' } });
const OK = { code: 'Success', reasons: [] };
const NO = { code: 'UnschedulableAndUnresolvable', reasons: [REASON] };

function withAffinity(affinity: Affinity, nodeSelector?: Record<string, string>): Pod {
  const pod = testPod('p');
  pod.spec = { ...pod.spec!, affinity, ...(nodeSelector ? { nodeSelector } : {}) };
  return pod;
}
const required = (...nodeSelectorTerms: object[]): Affinity => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } }) as Affinity;
const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });

describe('NodeAffinity filter', () => {
  it.each([
    { name: 'nothing required', pod: testPod('p'), want: OK },
    { name: 'nodeSelector matches', pod: withAffinity({}, { zone: 'a' }), want: OK },
    { name: 'nodeSelector does not match', pod: withAffinity({}, { zone: 'b' }), want: NO },
    { name: 'In', pod: withAffinity(required(expr('zone', 'In', ['a', 'b']))), want: OK },
    { name: 'In, no value matches', pod: withAffinity(required(expr('zone', 'In', ['b']))), want: NO },
    { name: 'NotIn on a missing label matches', pod: withAffinity(required(expr('rack', 'NotIn', ['r1']))), want: OK },
    { name: 'NotIn', pod: withAffinity(required(expr('zone', 'NotIn', ['a']))), want: NO },
    { name: 'Exists', pod: withAffinity(required(expr('disk', 'Exists'))), want: OK },
    { name: 'DoesNotExist', pod: withAffinity(required(expr('disk', 'DoesNotExist'))), want: NO },
    { name: 'Gt', pod: withAffinity(required(expr('gpus', 'Gt', ['3']))), want: OK },
    { name: 'Gt, not greater', pod: withAffinity(required(expr('gpus', 'Gt', ['4']))), want: NO },
    { name: 'Lt', pod: withAffinity(required(expr('gpus', 'Lt', ['5']))), want: OK },
    { name: 'Lt on a non-integer label', pod: withAffinity(required(expr('zone', 'Lt', ['5']))), want: NO },
    { name: 'terms are ORed', pod: withAffinity(required(expr('zone', 'In', ['b']), expr('disk', 'In', ['ssd']))), want: OK },
    {
      name: 'expressions in a term are ANDed',
      pod: withAffinity(required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }, { key: 'disk', operator: 'In', values: ['hdd'] }] })),
      want: NO,
    },
    { name: 'an empty term matches nothing', pod: withAffinity(required({})), want: NO },
    { name: 'matchFields metadata.name', pod: withAffinity(required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] })), want: OK },
    { name: 'matchFields another name', pod: withAffinity(required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] })), want: NO },
    { name: 'nodeSelector AND affinity', pod: withAffinity(required(expr('zone', 'In', ['a'])), { disk: 'hdd' }), want: NO },
  ])('$name', ({ pod, want }) => {
    expect(filterNodeAffinity(pod, new NodeInfo(node))).toEqual(want);
  });
});

describe('NodeAffinity PreFilter', () => {
  const byName = (...values: string[]) => ({ matchFields: [{ key: 'metadata.name', operator: 'In', values }] });
  it.each([
    { name: 'skips pods without requirements', pod: testPod('p'), want: SKIP },
    { name: 'a nodeSelector does not narrow', pod: withAffinity({}, { zone: 'a' }), want: undefined },
    { name: 'names in every term narrow to their union', pod: withAffinity(required(byName('a', 'b'), byName('c'))), want: { nodeNames: new Set(['a', 'b', 'c']) } },
    { name: 'a term without names does not narrow', pod: withAffinity(required(byName('a'), expr('zone', 'In', ['a']))), want: undefined },
    {
      name: 'conflicting names in one term reject',
      pod: withAffinity(required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }, { key: 'metadata.name', operator: 'In', values: ['b'] }] })),
      want: { status: { code: 'UnschedulableAndUnresolvable', reasons: [REASON_CONFLICT] } },
    },
  ])('$name', ({ pod, want }) => {
    expect(preFilterNodeAffinity(pod)).toEqual(want);
  });
});

describe('NodeAffinity score', () => {
  const preferred = withAffinity({
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 10, preference: expr('zone', 'In', ['a']) },
        { weight: 5, preference: expr('disk', 'In', ['ssd']) },
        { weight: 50, preference: expr('zone', 'In', ['b']) },
      ],
    },
  } as Affinity);
  it('sums the weights of matched preferred terms', () => {
    expect(preferredAffinityScore(preferred, new NodeInfo(node))).toBe(15);
    expect(preferredAffinityScore(testPod('p'), new NodeInfo(node))).toBe(0);
  });
  it('skips pods without preferences and normalises by the highest', () => {
    expect(nodeAffinity.preScore(testPod('p'))).toBe(SKIP);
    expect(nodeAffinity.preScore(preferred)).toBeUndefined();
    expect(nodeAffinity.normalize([15, 60, 0])).toEqual([25, 100, 0]);
    expect(nodeAffinity.weight).toBe(2);
  });
});
