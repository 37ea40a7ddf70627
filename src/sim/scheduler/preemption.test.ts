import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../core/clock';
import { NodeInfo } from './framework';
import { fitErrorMessage, preempt, REASON_NO_VICTIMS } from './preemption';
import { runFilters } from './scheduler';
import { testNode, testPod } from './testing';

describe('fitErrorMessage', () => {
  it.each([
    {
      name: 'entries are sorted as strings, so "10 …" comes before "2 …"',
      statuses: [
        ...Array.from({ length: 10 }, () => ({ code: 'Unschedulable' as const, reasons: ['Insufficient memory'] })),
        ...Array.from({ length: 2 }, () => ({ code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] })),
      ],
      want: '0/12 nodes are available: 10 Insufficient memory, 2 Insufficient cpu.',
    },
    {
      name: 'a node with several reasons counts in each',
      statuses: [{ code: 'Unschedulable' as const, reasons: ['Insufficient cpu', 'Insufficient memory'] }, { code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }],
      want: '0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.',
    },
  ])('$name', ({ statuses, want }) => {
    expect(fitErrorMessage(statuses.length, statuses)).toBe(want);
  });
});

describe('preempt', () => {
  const clock = new VirtualClock();
  const node = (pods: ReturnType<typeof testPod>[]) => new NodeInfo(testNode('node-1', { cpu: '2' }), pods);
  const statuses = new Map([['node-1', { code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }]]);

  it.each([
    {
      name: 'no lower-priority pods: no victims',
      pods: [testPod('a', { requests: { cpu: '2' }, priority: 100 })],
      want: { message: `preemption: 0/1 nodes are available: 1 ${REASON_NO_VICTIMS}.` },
    },
    {
      name: 'evicting every lower-priority pod is not enough: the filter says why',
      pods: [testPod('a', { requests: { cpu: '1500m' }, priority: 100 }), testPod('b', { requests: { cpu: '500m' } })],
      want: { message: 'preemption: 0/1 nodes are available: 1 Insufficient cpu.' },
    },
    {
      name: 'the least important pod is the victim, the other is reprieved',
      pods: [testPod('a', { requests: { cpu: '1' }, priority: 50 }), testPod('b', { requests: { cpu: '1' }, priority: 10 })],
      want: { candidate: { node: 'node-1', victims: ['default/b'] } },
    },
  ])('$name', ({ pods, want }) => {
    const outcome = preempt(testPod('p', { requests: { cpu: '1' }, priority: 100 }), [node(pods)], statuses, (p, i) => runFilters(p, i), clock);
    const got = outcome.candidate
      ? { candidate: { node: outcome.candidate.node, victims: outcome.candidate.victims.map((v) => `${v.metadata!.namespace}/${v.metadata!.name}`) } }
      : { message: outcome.message };
    expect(got).toEqual(want);
  });
});
