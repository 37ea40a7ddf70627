import { expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { NodeInfo } from '../framework';
import { testNode, testPod } from '../testing';
import { REASON, filterNodePorts } from './nodeports';

function withPorts(name: string, ...ports: { hostPort?: number; containerPort?: number; hostIP?: string; protocol?: string }[]): Pod {
  const pod = testPod(name);
  pod.spec!.containers[0] = { ...pod.spec!.containers[0], ports: ports.map((p) => ({ containerPort: p.containerPort ?? 80, ...p })) };
  return pod;
}
const OK = { code: 'Success', reasons: [] };
const NO = { code: 'Unschedulable', reasons: [REASON] };

it.each([
  { name: 'no host ports', existing: [withPorts('a', { hostPort: 80 })], pod: withPorts('p', { containerPort: 80 }), want: OK },
  { name: 'a free port', existing: [withPorts('a', { hostPort: 80 })], pod: withPorts('p', { hostPort: 8080 }), want: OK },
  { name: 'the same port', existing: [withPorts('a', { hostPort: 80 })], pod: withPorts('p', { hostPort: 80 }), want: NO },
  { name: 'another protocol', existing: [withPorts('a', { hostPort: 53, protocol: 'UDP' })], pod: withPorts('p', { hostPort: 53 }), want: OK },
  { name: 'different host IPs', existing: [withPorts('a', { hostPort: 80, hostIP: '10.0.0.1' })], pod: withPorts('p', { hostPort: 80, hostIP: '10.0.0.2' }), want: OK },
  { name: '0.0.0.0 overlaps every IP', existing: [withPorts('a', { hostPort: 80, hostIP: '10.0.0.1' })], pod: withPorts('p', { hostPort: 80 }), want: NO },
  { name: 'an empty node', existing: [], pod: withPorts('p', { hostPort: 80 }), want: OK },
])('$name', ({ existing, pod, want }) => {
  expect(filterNodePorts(pod, new NodeInfo(testNode('n'), existing))).toEqual(want);
});
