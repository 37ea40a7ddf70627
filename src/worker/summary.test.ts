import { describe, expect, it } from 'vitest';
import type { PlainObject } from './protocol';
import { SummaryTracker, podBucket } from './summary';

const node = (name: string, ready = true, zone = 'zone-a'): PlainObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'topology.kubernetes.io/zone': zone } },
  status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' }, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

const pod = (name: string, nodeName: string | undefined, phase = 'Running', ready = true): PlainObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}` },
  spec: { nodeName, containers: [{ name: 'c', resources: { requests: { cpu: '250m', memory: '64Mi' } } }] },
  status: { phase, containerStatuses: phase === 'Running' ? [{ ready }] : [] },
});

describe('SummaryTracker', () => {
  it('counts pods per node and bucket, and requested CPU/memory, incrementally', () => {
    const t = new SummaryTracker();
    t.apply({ type: 'ADDED', object: node('node-1') });
    t.apply({ type: 'ADDED', object: node('node-2', false, 'zone-b') });
    t.apply({ type: 'ADDED', object: pod('a', undefined, 'Pending') });
    const first = t.take(true)!;
    expect(first.order).toEqual(['node-1', 'node-2']);
    expect(first.pending).toBe(1);
    expect(first.changed.find((r) => r.name === 'node-2')!.ready).toBe(false);

    t.apply({ type: 'MODIFIED', object: pod('a', 'node-1', 'Pending') });
    t.apply({ type: 'ADDED', object: pod('b', 'node-1') });
    const next = t.take(false)!;
    expect(next.order).toBeUndefined();
    expect(next.changed.map((r) => r.name)).toEqual(['node-1']);
    const row = next.changed[0];
    expect(row.pods).toEqual([1, 1, 0, 0, 0]);
    expect(row.cpuRequested).toBe(500);
    expect(row.memRequested).toBe(128 * 2 ** 20);
    expect(row.cpuAllocatable).toBe(4000);
    expect(next.pending).toBe(0);
    expect(next.podCount).toBe(2);
    expect(t.take(false)).toBeNull();

    // Rows handed out are never mutated afterwards (the UI keeps them by reference).
    t.apply({ type: 'DELETED', object: pod('b', 'node-1') });
    expect(row.pods).toEqual([1, 1, 0, 0, 0]);
    expect(t.take(false)!.changed[0].pods).toEqual([0, 1, 0, 0, 0]);
  });

  it('buckets pods like the map legend', () => {
    expect(podBucket(pod('x', 'n', 'Running'))).toBe(0);
    expect(podBucket(pod('x', 'n', 'Running', false))).toBe(1);
    expect(podBucket(pod('x', 'n', 'Failed'))).toBe(2);
    expect(podBucket({ ...pod('x', 'n'), metadata: { name: 'x', deletionTimestamp: 'now' } })).toBe(3);
    expect(podBucket(pod('x', 'n', 'Succeeded'))).toBe(4);
  });
});
