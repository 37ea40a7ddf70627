import { describe, expect, it } from 'vitest';
import { ChangeBuffer } from './coalesce';

const pod = (name: string, rv: number) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', resourceVersion: String(rv) } });

describe('ChangeBuffer', () => {
  it('keeps one change per object, the latest, in change order', () => {
    const b = new ChangeBuffer();
    b.add('ADDED', pod('a', 1));
    b.add('ADDED', pod('b', 2));
    b.add('MODIFIED', pod('a', 3));
    const out = b.drain();
    expect(out.map((c) => [c.type, c.object.metadata.name, c.object.metadata.resourceVersion])).toEqual([
      ['ADDED', 'b', '2'],
      ['ADDED', 'a', '3'],
    ]);
    expect(b.size).toBe(0);
  });

  it('drops objects created and deleted within one frame, and keeps deletes of older ones', () => {
    const b = new ChangeBuffer();
    b.add('ADDED', pod('a', 1));
    b.add('DELETED', pod('a', 2));
    b.add('MODIFIED', pod('old', 3));
    b.add('DELETED', pod('old', 4));
    expect(b.drain().map((c) => [c.type, c.object.metadata.name])).toEqual([['DELETED', 'old']]);
  });
});
