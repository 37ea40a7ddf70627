import { expect, it } from 'vitest';
import { testPod } from '../testing';
import { preEnqueue } from './schedulinggates';

it.each([
  { name: 'no gates', gates: undefined, want: { code: 'Success', reasons: [] } },
  { name: 'empty gates', gates: [], want: { code: 'Success', reasons: [] } },
  { name: 'one gate', gates: [{ name: 'example.com/quota' }], want: { code: 'UnschedulableAndUnresolvable', reasons: ['waiting for scheduling gates: [example.com/quota]'] } },
  { name: 'two gates', gates: [{ name: 'a' }, { name: 'b' }], want: { code: 'UnschedulableAndUnresolvable', reasons: ['waiting for scheduling gates: [a b]'] } },
])('$name', ({ gates, want }) => {
  const pod = testPod('p');
  if (gates) pod.spec!.schedulingGates = gates;
  expect(preEnqueue(pod)).toEqual(want);
});
