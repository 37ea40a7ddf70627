import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { GarbageCollector } from './garbagecollector';
import { ReplicaSetController } from '../replicaset/replicaset';
import { fakeKubelets, makeContext, makeNode, startControllers, template } from '../testing/harness';

function setup() {
  const ctx = makeContext();
  const gc = new GarbageCollector(ctx);
  const rs = new ReplicaSetController(ctx, gc.process);
  startControllers(gc, rs);
  makeNode(ctx, 'node-1');
  ctx.api.create<KubeObject>({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) },
  });
  const run = (ms: number) => {
    for (let t = 0; t < ms; t += 100) {
      fakeKubelets(ctx);
      ctx.clock.runFor(100);
    }
  };
  run(1000);
  const pods = () => ctx.api.list('Pod', 'default').items;
  return { ctx, run, pods };
}

describe('GarbageCollector', () => {
  it('deletes the pods of a deleted ReplicaSet (Background)', () => {
    const { ctx, run, pods } = setup();
    expect(pods()).toHaveLength(2);
    ctx.api.delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Background' });
    run(1000);
    expect(pods()).toHaveLength(0);
  });

  it('Foreground keeps the owner until its pods are gone', () => {
    const { ctx, run, pods } = setup();
    ctx.api.delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Foreground' });
    expect(ctx.api.get('ReplicaSet', 'default', 'web').metadata.finalizers).toEqual(['foregroundDeletion']);
    ctx.clock.runFor(50);
    expect(pods().every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(ctx.api.tryGet('ReplicaSet', 'default', 'web')).toBeDefined();
    run(1000);
    expect(pods()).toHaveLength(0);
    expect(ctx.api.tryGet('ReplicaSet', 'default', 'web')).toBeUndefined();
  });

  it('Orphan removes the ownerReference and keeps the pods', () => {
    const { ctx, run, pods } = setup();
    ctx.api.delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Orphan' });
    run(1000);
    expect(ctx.api.tryGet('ReplicaSet', 'default', 'web')).toBeUndefined();
    expect(pods()).toHaveLength(2);
    expect(pods().map((p) => p.metadata.ownerReferences ?? [])).toEqual([[], []]);
  });
});
