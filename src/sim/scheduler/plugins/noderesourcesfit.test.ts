import { describe, expect, it } from 'vitest';
import { NodeInfo } from '../framework';
import { testNode, testPod } from '../testing';
import { filterFit, leastAllocatedScore } from './noderesourcesfit';

describe('NodeResourcesFit filter', () => {
  it.each([
    { name: 'fits', node: testNode('n'), existing: [], pod: testPod('p', { requests: { cpu: '1', memory: '1Gi' } }), want: { code: 'Success', reasons: [] } },
    { name: 'too much cpu', node: testNode('n'), existing: [], pod: testPod('p', { requests: { cpu: '100' } }), want: { code: 'Unschedulable', reasons: ['Insufficient cpu'] } },
    {
      name: 'every failing resource is reported',
      node: testNode('n'),
      existing: [],
      pod: testPod('p', { requests: { cpu: '5', memory: '9Gi', 'ephemeral-storage': '200Gi' } }),
      want: { code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory', 'Insufficient ephemeral-storage'] },
    },
    {
      name: 'counts what the pods on the node already request',
      node: testNode('n'),
      existing: [testPod('a', { requests: { cpu: '3500m' } })],
      pod: testPod('p', { requests: { cpu: '600m' } }),
      want: { code: 'Unschedulable', reasons: ['Insufficient cpu'] },
    },
    { name: 'exactly full still fits', node: testNode('n'), existing: [testPod('a', { requests: { cpu: '3' } })], pod: testPod('p', { requests: { cpu: '1' } }), want: { code: 'Success', reasons: [] } },
    { name: 'pod capacity', node: testNode('n', { pods: 1 }), existing: [testPod('a')], pod: testPod('p'), want: { code: 'Unschedulable', reasons: ['Too many pods'] } },
    {
      name: 'pod capacity and cpu together',
      node: testNode('n', { pods: 1 }),
      existing: [testPod('a', { requests: { cpu: '4' } })],
      pod: testPod('p', { requests: { cpu: '1' } }),
      want: { code: 'Unschedulable', reasons: ['Too many pods', 'Insufficient cpu'] },
    },
    { name: 'extended resource the node lacks', node: testNode('n'), existing: [], pod: testPod('p', { requests: { 'nvidia.com/gpu': '1' } }), want: { code: 'Unschedulable', reasons: ['Insufficient nvidia.com/gpu'] } },
    { name: 'extended resource the node has', node: testNode('n', { extra: { 'nvidia.com/gpu': '2' } }), existing: [], pod: testPod('p', { requests: { 'nvidia.com/gpu': '2' } }), want: { code: 'Success', reasons: [] } },
    { name: 'a BestEffort pod fits a full node', node: testNode('n'), existing: [testPod('a', { requests: { cpu: '4', memory: '8Gi' } })], pod: testPod('p'), want: { code: 'Success', reasons: [] } },
  ])('$name', ({ node, existing, pod, want }) => {
    expect(filterFit(pod, new NodeInfo(node, existing))).toEqual(want);
  });
});

describe('NodeResourcesFit score (LeastAllocated)', () => {
  it.each([
    // cpu (4000−1000)·100/4000 = 75, memory (8Gi−2Gi)·100/8Gi = 75.
    { name: 'empty node', existing: [], pod: testPod('p', { requests: { cpu: '1', memory: '2Gi' } }), want: 75 },
    // cpu 100m default → 97, memory 200Mi default → 97.
    { name: 'a pod without requests counts 100m and 200Mi', existing: [], pod: testPod('p'), want: 97 },
    // cpu (4000−3000)/4000 → 25; memory: pod a requests none so counts 200Mi, (8Gi−2Gi−200Mi) → 72; mean 48.
    { name: 'pods already on the node', existing: [testPod('a', { requests: { cpu: '2' } })], pod: testPod('p', { requests: { cpu: '1', memory: '2Gi' } }), want: 48 },
    // cpu over-committed → 0; memory (8Gi−4Gi−200Mi) → 47; mean 23.
    { name: 'over-committed scores 0 for that resource', existing: [testPod('a', { requests: { cpu: '4' } })], pod: testPod('p', { requests: { cpu: '1', memory: '4Gi' } }), want: 23 },
  ])('$name', ({ existing, pod, want }) => {
    expect(leastAllocatedScore(pod, new NodeInfo(testNode('n'), existing))).toBe(want);
  });
});
