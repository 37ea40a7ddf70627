import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';
import { Rng } from './rng';

describe('VirtualClock', () => {
  it('runs callbacks in time order, ties in scheduling order', () => {
    const clock = new VirtualClock();
    const seen: string[] = [];
    clock.schedule(20, () => seen.push('b@20'));
    clock.schedule(10, () => seen.push('a@10'));
    clock.schedule(20, () => seen.push('c@20'));
    clock.runFor(15);
    expect(seen).toEqual(['a@10']);
    expect(clock.now()).toBe(15);
    clock.runFor(100);
    expect(seen).toEqual(['a@10', 'b@20', 'c@20']);
  });

  it('cancels timers and skips to the next event', () => {
    const clock = new VirtualClock();
    const seen: number[] = [];
    const id = clock.schedule(5, () => seen.push(5));
    clock.schedule(50, () => seen.push(50));
    clock.cancel(id);
    expect(clock.skipToNext()).toBe(true);
    expect(seen).toEqual([50]);
    expect(clock.now()).toBe(50);
    expect(clock.skipToNext()).toBe(false);
  });
});

describe('Rng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Rng(7), b = new Rng(7), c = new Rng(8);
    const seq = (r: Rng) => Array.from({ length: 5 }, () => r.nameSuffix()).join(',');
    expect(seq(a)).toBe(seq(b));
    expect(seq(a)).not.toBe(seq(c));
  });

  it('draws name suffixes from the Kubernetes alphabet', () => {
    expect(new Rng(1).nameSuffix()).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});
