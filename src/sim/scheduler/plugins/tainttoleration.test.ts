import { describe, expect, it } from 'vitest';
import { NodeInfo } from '../framework';
import { testNode, testPod } from '../testing';
import { countIntolerablePreferNoSchedule, filterTaints, taintToleration } from './tainttoleration';

const controlPlane = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
const notReady = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
const gpu = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
const prefer = { key: 'spot', value: 'true', effect: 'PreferNoSchedule' };

describe('TaintToleration filter', () => {
  it.each([
    { name: 'no taints', taints: [], tolerations: undefined, want: { code: 'Success', reasons: [] } },
    {
      name: 'control-plane taint with an empty value',
      taints: [controlPlane],
      tolerations: undefined,
      want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] },
    },
    { name: 'NoExecute counts too', taints: [notReady], tolerations: undefined, want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node.kubernetes.io/not-ready: }'] } },
    { name: 'a key/value taint shows its value', taints: [gpu], tolerations: undefined, want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {dedicated: gpu}'] } },
    { name: 'tolerated taint', taints: [gpu], tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }], want: { code: 'Success', reasons: [] } },
    { name: 'the first untolerated taint is reported', taints: [gpu, controlPlane], tolerations: [{ key: 'dedicated', operator: 'Exists' }], want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] } },
    { name: 'PreferNoSchedule never filters', taints: [prefer], tolerations: undefined, want: { code: 'Success', reasons: [] } },
  ])('$name', ({ taints, tolerations, want }) => {
    expect(filterTaints(testPod('p', { tolerations }), new NodeInfo(testNode('n', { taints })))).toEqual(want);
  });
});

describe('TaintToleration score', () => {
  it.each([
    { name: 'no taints', taints: [], tolerations: undefined, want: 0 },
    { name: 'one untolerated PreferNoSchedule', taints: [prefer, gpu], tolerations: undefined, want: 1 },
    { name: 'tolerated by an effect-less toleration', taints: [prefer], tolerations: [{ key: 'spot', operator: 'Exists' }], want: 0 },
    { name: 'a NoSchedule toleration does not count', taints: [prefer], tolerations: [{ key: 'spot', operator: 'Exists', effect: 'NoSchedule' }], want: 1 },
  ])('$name', ({ taints, tolerations, want }) => {
    expect(countIntolerablePreferNoSchedule(testPod('p', { tolerations }), new NodeInfo(testNode('n', { taints })))).toBe(want);
  });

  it('normalises reversed: untainted nodes get 100, the most tainted 0', () => {
    expect(taintToleration.normalize([0, 2, 1])).toEqual([100, 0, 50]);
    expect(taintToleration.weight).toBe(3);
  });
});
