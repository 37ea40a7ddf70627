import { describe, expect, it } from 'vitest';
import { parseSelector } from './selectors';
import { parseFieldSelector } from './field-selectors';

describe('parseSelector', () => {
  it.each([
    { sel: 'app=web', labels: { app: 'web' }, want: true },
    { sel: 'app==web', labels: { app: 'db' }, want: false },
    { sel: 'app!=web', labels: {}, want: true },
    { sel: 'app=web,tier!=db', labels: { app: 'web', tier: 'fe' }, want: true },
    { sel: 'env in (prod, staging)', labels: { env: 'staging' }, want: true },
    { sel: 'env notin (prod)', labels: { env: 'prod' }, want: false },
    { sel: 'env notin (prod)', labels: {}, want: true },
    { sel: 'app', labels: { app: '' }, want: true },
    { sel: '!canary', labels: { canary: 'true' }, want: false },
    { sel: 'a=b,c!=d,e in (x,y),!f', labels: { a: 'b', e: 'y' }, want: true },
    { sel: 'replicas>2', labels: { replicas: '3' }, want: true },
    { sel: 'app=', labels: { app: '' }, want: true },
    { sel: '', labels: { any: 'x' }, want: true },
  ])('$sel on $labels is $want', ({ sel, labels, want }) => {
    expect(parseSelector(sel).matches(labels as Record<string, string>)).toBe(want);
  });

  it.each([
    { sel: 'app in web', want: "unable to parse requirement: found 'web' expected: '('" },
    { sel: 'app in (a', want: "unable to parse requirement: found '', expected: ',' or ')'" },
    { sel: 'app=web,', want: "found '', expected: identifier after ','" },
    { sel: 'app=web tier=fe', want: "found 'tier', expected: ',' or 'end of string'" },
    { sel: 'app foo', want: "unable to parse requirement: found 'foo', expected: in, notin, =, ==, !=, gt, lt" },
    { sel: '=web', want: "found '=', expected: !, identifier, or 'end of string'" },
    { sel: 'app=we b', want: "found 'b', expected: ',' or 'end of string'" },
    { sel: 'app=a$b', want: "unable to parse requirement: values[0][app]: Invalid value: \"a$b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')" },
  ])('$sel: $want', ({ sel, want }) => {
    expect(() => parseSelector(sel)).toThrow(want);
  });
});

describe('parseFieldSelector', () => {
  it.each([
    { sel: 'status.phase=Running', want: [{ field: 'status.phase', operator: '=', value: 'Running' }] },
    { sel: 'spec.nodeName==n1,metadata.name!=x', want: [{ field: 'spec.nodeName', operator: '=', value: 'n1' }, { field: 'metadata.name', operator: '!=', value: 'x' }] },
    { sel: 'spec.nodeName=', want: [{ field: 'spec.nodeName', operator: '=', value: '' }] },
  ])('$sel', ({ sel, want }) => {
    expect(parseFieldSelector(sel)).toEqual(want);
  });

  it('rejects a term without an operator', () => {
    expect(() => parseFieldSelector('a=b,c')).toThrow("invalid selector: 'a=b,c'; can't understand 'c'");
  });
});
