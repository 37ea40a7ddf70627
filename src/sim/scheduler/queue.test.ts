import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../core/clock';
import { ProcessTimers } from '../core/timers';
import { SchedulingQueue, backoffDuration } from './queue';
import { testPod } from './testing';

function setup() {
  const clock = new VirtualClock();
  const timers = new ProcessTimers(clock);
  let wakeups = 0;
  const queue = new SchedulingQueue(clock, timers, () => wakeups++);
  return { clock, timers, queue, wakeups: () => wakeups };
}

describe('backoffDuration', () => {
  it.each([
    [1, 1000], [2, 2000], [3, 4000], [4, 8000], [5, 10_000], [6, 10_000], [40, 10_000],
  ])('attempt %i waits %i ms', (n, ms) => {
    expect(backoffDuration(n)).toBe(ms);
  });
});

describe('SchedulingQueue', () => {
  it('pops higher priority first, then the earliest added', () => {
    const { clock, queue } = setup();
    queue.add(testPod('low-old', { priority: 0 }));
    clock.runFor(10);
    queue.add(testPod('high', { priority: 1000 }));
    queue.add(testPod('low-new', { priority: 0 }));
    expect([queue.pop()?.key, queue.pop()?.key, queue.pop()?.key, queue.pop()]).toEqual(['default/high', 'default/low-old', 'default/low-new', undefined]);
  });

  it('keeps an unschedulable pod until a cluster event, then waits out its backoff', () => {
    const { clock, queue } = setup();
    queue.add(testPod('p'));
    const qp = queue.pop()!;
    queue.requeueUnschedulable(qp);
    clock.runFor(60_000);
    expect(queue.pop()).toBeUndefined();
    expect(queue.pending()).toEqual([{ key: 'default/p', queue: 'unschedulablePods', attempts: 1 }]);
    // Backoff (1 s) is long over: the event moves it straight to activeQ.
    queue.moveAllToActiveOrBackoff();
    expect(queue.pop()?.key).toBe('default/p');
  });

  it('an event during the backoff moves the pod to backoffQ until 1, 2, 4, 8, 10 s after each failure', () => {
    const { clock, queue } = setup();
    queue.add(testPod('p'));
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const qp = queue.pop()!;
      expect(qp.key).toBe('default/p');
      const failedAt = clock.now();
      queue.requeueUnschedulable(qp);
      queue.moveAllToActiveOrBackoff();
      expect(queue.pending()[0].queue).toBe('backoffQ');
      while (!queue.pending().some((p) => p.queue === 'activeQ')) clock.runFor(100);
      waits.push(clock.now() - failedAt);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('retries a pod left in the unschedulable pool after 5 minutes at the latest', () => {
    const { clock, queue, wakeups } = setup();
    queue.add(testPod('p'));
    queue.requeueUnschedulable(queue.pop()!);
    const before = wakeups();
    clock.runFor(299_999);
    expect(queue.pop()).toBeUndefined();
    clock.runFor(1);
    expect(wakeups()).toBe(before + 1);
    expect(queue.pop()?.key).toBe('default/p');
  });

  it('moves a pod whose spec changed, but not on a status-only update', () => {
    const { queue } = setup();
    const pod = testPod('p', { requests: { cpu: '100' } });
    queue.add(pod);
    queue.requeueUnschedulable(queue.pop()!);
    const withStatus = { ...pod, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False' }] } };
    queue.update(pod, withStatus);
    expect(queue.pending()[0].queue).toBe('unschedulablePods');
    queue.update(withStatus, testPod('p', { requests: { cpu: '1' } }));
    expect(queue.pending()[0].queue).toBe('backoffQ');
  });

  it('a failed bind goes straight to backoffQ, and a deleted pod is forgotten with its timers', () => {
    const { clock, queue, timers } = setup();
    queue.add(testPod('p'));
    const qp = queue.pop()!;
    queue.done(qp.key);
    queue.requeueAfterError(qp);
    expect(queue.pending()[0].queue).toBe('backoffQ');
    clock.runFor(1000);
    expect(queue.pop()?.key).toBe('default/p');
    queue.requeueUnschedulable(qp);
    queue.delete('default/p');
    expect(queue.pending()).toEqual([]);
    clock.runFor(600_000);
    expect(queue.pop()).toBeUndefined();
    timers.cancelAll();
  });
});
