import { describe, expect, it } from 'vitest';
import { NodeInfo, defaultNormalizeScore, podNonZeroRequests, podRequests, tolerates } from './framework';
import { testNode, testPod } from './testing';

describe('podRequests', () => {
  it.each([
    { name: 'sums containers', pod: testPod('p', { containers: [{ cpu: '100m', memory: '64Mi' }, { cpu: '250m' }] }), cpu: 350, memory: 64 * 2 ** 20 },
    { name: 'an init container larger than the sum wins', pod: testPod('p', { requests: { cpu: '100m' }, initContainers: [{ cpu: '1' }] }), cpu: 1000, memory: 0 },
    { name: 'nothing requested', pod: testPod('p'), cpu: 0, memory: 0 },
  ])('$name', ({ pod, cpu, memory }) => {
    const r = podRequests(pod);
    expect([r.milliCpu, r.memory]).toEqual([cpu, memory]);
  });

  it('counts 100m and 200Mi for scoring when a container requests nothing, but keeps an explicit 0', () => {
    expect(podNonZeroRequests(testPod('p'))).toEqual({ milliCpu: 100, memory: 200 * 2 ** 20 });
    expect(podNonZeroRequests(testPod('p', { requests: { cpu: '0', memory: '1Gi' } }))).toEqual({ milliCpu: 0, memory: 2 ** 30 });
  });
});

describe('NodeInfo', () => {
  it('keeps running sums as pods come and go', () => {
    const info = new NodeInfo(testNode('n'), [testPod('a', { requests: { cpu: '1' } }), testPod('b')]);
    expect(info.requested.milliCpu).toBe(1000);
    expect(info.nonZeroRequested.milliCpu).toBe(1100);
    info.removePod('default/a');
    expect(info.requested.milliCpu).toBe(0);
    expect(info.podCount).toBe(1);
    expect(info.allocatable).toMatchObject({ milliCpu: 4000, memory: 8 * 2 ** 30, pods: 110 });
  });
});

describe('tolerates', () => {
  const taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
  it.each([
    { toleration: { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, want: true },
    { toleration: { key: 'dedicated', operator: 'Equal', value: 'cpu', effect: 'NoSchedule' }, want: false },
    { toleration: { key: 'dedicated', operator: 'Exists' }, want: true },
    { toleration: { operator: 'Exists' }, want: true },
    { toleration: { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, want: false },
    { toleration: { key: 'other', operator: 'Exists' }, want: false },
  ])('$toleration → $want', ({ toleration, want }) => {
    expect(tolerates(toleration, taint)).toBe(want);
  });
});

describe('defaultNormalizeScore', () => {
  it.each([
    { raw: [0, 0], reverse: true, want: [100, 100] },
    { raw: [0, 0], reverse: false, want: [0, 0] },
    { raw: [1, 3, 0], reverse: true, want: [67, 0, 100] },
    { raw: [1, 3, 0], reverse: false, want: [33, 100, 0] },
  ])('$raw reverse=$reverse → $want', ({ raw, reverse, want }) => {
    expect(defaultNormalizeScore(raw, reverse)).toEqual(want);
  });
});
