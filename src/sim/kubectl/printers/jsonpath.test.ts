import { describe, expect, it } from 'vitest';
import { executeTemplate } from './jsonpath';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'web-1', labels: { app: 'web' } }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } },
    { metadata: { name: 'web-2', labels: { app: 'web' } }, status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] } },
  ],
};

describe('jsonpath templates (kubectl -o jsonpath)', () => {
  it.each([
    ['{.items[*].metadata.name}', 'web-1 web-2'],
    ['{.items[0].metadata.name}', 'web-1'],
    ['{.items[-1:].metadata.name}', 'web-2'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', 'web-1\tRunning\nweb-2\tPending\n'],
    ['{.items[?(@.status.phase=="Running")].metadata.name}', 'web-1'],
    ['{.items[*].status.conditions[?(@.type=="Ready")].status}', 'True False'],
    ['{.items[0].metadata.labels}', '{"app":"web"}'],
    ["{.items[0].metadata.labels['app']}", 'web'],
    ['{..name}', 'web-1 web-2'],
    ['{.items[0].missing}', ''],
    ['names: {.items[*].metadata.name}', 'names: web-1 web-2'],
  ])('%s', (template, want) => {
    expect(executeTemplate(template, list)).toBe(want);
  });
});
