import { describe, expect, it } from 'vitest';
import { selectorMatches, selectorToString } from './selectors';
import { cpuMillis, units } from './quantity';

describe('selectorMatches', () => {
  it.each([
    { name: 'matchLabels hit', sel: { matchLabels: { app: 'web' } }, labels: { app: 'web', x: 'y' }, want: true },
    { name: 'matchLabels miss', sel: { matchLabels: { app: 'web' } }, labels: { app: 'db' }, want: false },
    { name: 'In', sel: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, labels: { tier: 'b' }, want: true },
    { name: 'NotIn matches a missing key', sel: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] }, labels: {}, want: true },
    { name: 'DoesNotExist', sel: { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, labels: { tier: 'a' }, want: false },
    { name: 'empty selector matches everything', sel: {}, labels: { any: 'thing' }, want: true },
    { name: 'nil selector matches nothing', sel: undefined, labels: { any: 'thing' }, want: false },
  ])('$name', ({ sel, labels, want }) => {
    expect(selectorMatches(sel as never, labels as Record<string, string>)).toBe(want);
  });

  it('prints the selector as kubectl does', () => {
    expect(selectorToString({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 't', operator: 'In', values: ['b', 'a'] }] })).toBe('app=web,t in (a,b)');
  });
});

describe('quantities', () => {
  it.each([['500m', 500], ['2', 2000], ['0.1', 100], [1, 1000]])('cpu %s is %i millicores', (q, want) => {
    expect(cpuMillis(q)).toBe(want);
  });
  it.each([['128Mi', 128 * 2 ** 20], ['1G', 1e9], ['8Gi', 8 * 2 ** 30], ['100', 100]])('%s is %i bytes', (q, want) => {
    expect(units(q)).toBe(want);
  });
});
