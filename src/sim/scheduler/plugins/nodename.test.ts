import { expect, it } from 'vitest';
import { NodeInfo, SKIP } from '../framework';
import { testNode, testPod } from '../testing';
import { nodeName, REASON } from './nodename';

it.each([
  { name: 'no nodeName fits every node', pod: testPod('p'), want: { code: 'Success', reasons: [] } },
  { name: 'the named node fits', pod: testPod('p', { nodeName: 'n' }), want: { code: 'Success', reasons: [] } },
  { name: 'another node does not', pod: testPod('p', { nodeName: 'other' }), want: { code: 'UnschedulableAndUnresolvable', reasons: [REASON] } },
])('$name', ({ pod, want }) => {
  expect(nodeName.filter(pod, new NodeInfo(testNode('n')))).toEqual(want);
});

it('PreFilter narrows to the named node, or skips', () => {
  expect(nodeName.preFilter(testPod('p'))).toBe(SKIP);
  expect(nodeName.preFilter(testPod('p', { nodeName: 'n' }))).toEqual({ nodeNames: new Set(['n']) });
});
