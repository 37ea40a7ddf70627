import { expect, it } from 'vitest';
import { NodeInfo } from '../framework';
import { testNode, testPod } from '../testing';
import { balancedAllocation, balancedAllocationScore } from './balancedallocation';

it.each([
  // cpu 1/4 = 0.25, memory 2/8 = 0.25: perfectly balanced.
  { name: 'same fraction of cpu and memory', existing: [], pod: testPod('p', { requests: { cpu: '1', memory: '2Gi' } }), want: 100 },
  // cpu 0.5, memory 0: std 0.25 → 75.
  { name: 'cpu only', existing: [], pod: testPod('p', { requests: { cpu: '2' } }), want: 75 },
  // cpu (2+1)/4 = 0.75, memory 2/8 = 0.25: std 0.25 → 75.
  { name: 'counts pods on the node', existing: [testPod('a', { requests: { cpu: '2' } })], pod: testPod('p', { requests: { cpu: '1', memory: '2Gi' } }), want: 75 },
  // cpu capped at 1, memory 0: std 0.5 → 50.
  { name: 'fractions are capped at 1', existing: [], pod: testPod('p', { requests: { cpu: '10' } }), want: 50 },
])('$name', ({ existing, pod, want }) => {
  expect(balancedAllocationScore(pod, new NodeInfo(testNode('n'), existing))).toBe(want);
});

it('skips BestEffort pods only', () => {
  expect(balancedAllocation.skip(testPod('p'))).toBe(true);
  expect(balancedAllocation.skip(testPod('p', { requests: { memory: '1Mi' } }))).toBe(false);
});
