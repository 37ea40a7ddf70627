import { expect, it } from 'vitest';
import { NodeInfo } from '../framework';
import { testNode, testPod } from '../testing';
import { filterUnschedulable } from './nodeunschedulable';

it.each([
  { name: 'a schedulable node passes', unschedulable: false, tolerations: undefined, want: { code: 'Success', reasons: [] } },
  { name: 'a cordoned node rejects the pod for good', unschedulable: true, tolerations: undefined, want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] } },
  {
    name: 'a pod tolerating the unschedulable taint passes',
    unschedulable: true,
    tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
    want: { code: 'Success', reasons: [] },
  },
])('$name', ({ unschedulable, tolerations, want }) => {
  const status = filterUnschedulable(testPod('p', { tolerations }), new NodeInfo(testNode('n', { unschedulable })));
  expect(status).toEqual(want);
});
