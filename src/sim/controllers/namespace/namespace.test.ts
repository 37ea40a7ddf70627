import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { NamespaceController } from './namespace';
import { makeContext, makeNode, runPod, startControllers } from '../testing/harness';

describe('NamespaceController', () => {
  it('empties a terminating namespace, waits for its pods, then removes it', () => {
    const ctx = makeContext();
    const ctrl = new NamespaceController(ctx);
    startControllers(ctrl);
    makeNode(ctx, 'node-1');
    ctx.api.create<KubeObject>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    for (const name of ['a', 'b']) {
      const pod = ctx.api.create<KubeObject>({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
      runPod(ctx, pod, 'node-1');
    }
    ctx.api.create<KubeObject>({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    ctx.api.delete('Namespace', '', 'shop');
    expect(ctx.api.get('Namespace', '', 'shop').status.phase).toBe('Terminating');
    ctx.clock.runFor(1000);
    expect(ctx.api.list('Service', 'shop').items).toHaveLength(0);
    const pods = ctx.api.list('Pod', 'shop').items;
    expect(pods.map((p) => !!p.metadata.deletionTimestamp)).toEqual([true, true]);
    const remaining = ctx.api.get('Namespace', '', 'shop').status.conditions.find((c: { type: string }) => c.type === 'NamespaceContentRemaining');
    expect(remaining).toMatchObject({ status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 2 resource instances' });
    // The kubelet confirms the terminations.
    for (const p of pods) ctx.api.delete('Pod', 'shop', p.metadata.name, { gracePeriodSeconds: 0 });
    ctx.clock.runFor(1000);
    expect(ctx.api.tryGet('Namespace', '', 'shop')).toBeUndefined();
  });
});
