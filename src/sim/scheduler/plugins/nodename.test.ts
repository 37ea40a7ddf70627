import { expect, it } from 'vitest';
import { NodeInfo } from '../framework';
import { testNode, testPod } from '../testing';
import { nodeName, REASON } from './nodename';
import { CycleState, SKIP, Snapshot } from '../framework';

it.each([
  { name: 'no nodeName fits every node', pod: testPod('p'), want: { code: 'Success', reasons: [] } },
  { name: 'the named node fits', pod: testPod('p', { nodeName: 'n' }), want: { code: 'Success', reasons: [] } },
  { name: 'another node does not', pod: testPod('p', { nodeName: 'other' }), want: { code: 'UnschedulableAndUnresolvable', reasons: [REASON] } },
])('$name', ({ pod, want }) => {
  expect(nodeName.filter(pod, new NodeInfo(testNode('n')))).toEqual(want);
});

it('PreFilter narrows to the named node, or skips', () => {
  const snapshot = new Snapshot([new NodeInfo(testNode('n'))]);
  expect(nodeName.preFilter(testPod('p'))).toBe(SKIP);
  expect(nodeName.preFilter(testPod('p', { nodeName: 'n' }))).toEqual({ nodeNames: new Set(['n']) });
  expect(snapshot.get('n')).toBeDefined();
  expect(new CycleState().read('x')).toBeUndefined();
});
