import { describe, expect, it } from 'vitest';
import { clone } from '../../apiserver/apiserver';
import type { KubeObject } from '../../api/types';
import { ReplicaSetController } from './replicaset';
import { eventsFor, makeContext, makeNode, runPod, startControllers, template } from '../testing/harness';

function setup(replicas = 3, before: (ctx: ReturnType<typeof makeContext>) => void = () => {}) {
  const ctx = makeContext();
  before(ctx);
  const ctrl = new ReplicaSetController(ctx);
  startControllers(ctrl);
  for (const n of ['node-1', 'node-2']) makeNode(ctx, n);
  const rs = ctx.api.create<KubeObject>({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) },
  });
  const pods = () => ctx.api.list('Pod', 'default').items.filter((p) => !p.metadata.deletionTimestamp);
  const getRs = () => ctx.api.get('ReplicaSet', 'default', 'web');
  const scale = (n: number) => {
    const next = clone(getRs());
    next.spec.replicas = n;
    ctx.api.update(next);
  };
  return { ctx, ctrl, rs, pods, getRs, scale };
}

describe('ReplicaSetController', () => {
  it('creates the missing pods named <rs>-xxxxx with a controller ownerRef and SuccessfulCreate events', () => {
    const { ctx, rs, pods } = setup(3);
    ctx.clock.runFor(1000);
    const list = pods();
    expect(list).toHaveLength(3);
    for (const p of list) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toEqual({ app: 'web' });
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    const expected = list.map((p) => `Normal SuccessfulCreate Created pod: ${p.metadata.name}`);
    expect(eventsFor(ctx, 'web').sort()).toEqual(expected.sort());
  });

  it('does not create duplicates before the watch catches up', () => {
    const { ctx, ctrl, pods } = setup(3);
    ctx.clock.runFor(1);
    // Force extra syncs while the created pods are still in flight.
    for (let i = 0; i < 5; i++) ctrl.queue.add('default/web');
    ctrl.work();
    ctx.clock.runFor(1000);
    expect(pods()).toHaveLength(3);
  });

  it('reports replicas, readyReplicas and availableReplicas (after minReadySeconds)', () => {
    const { ctx, pods, getRs } = setup(2);
    const rs = clone(getRs());
    rs.spec.minReadySeconds = 10;
    ctx.api.update(rs);
    ctx.clock.runFor(1000);
    for (const p of pods()) runPod(ctx, p, 'node-1');
    ctx.clock.runFor(1000);
    expect(getRs().status).toMatchObject({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, observedGeneration: 2 });
    expect(getRs().status.availableReplicas).toBeUndefined();
    ctx.clock.runFor(10_000);
    expect(getRs().status.availableReplicas).toBe(2);
  });

  it('scales down unready pods first, with SuccessfulDelete events', () => {
    const { ctx, pods, scale } = setup(3);
    ctx.clock.runFor(1000);
    const [a, b, c] = pods();
    runPod(ctx, a, 'node-1');
    runPod(ctx, b, 'node-2', false);
    runPod(ctx, c, 'node-2');
    ctx.clock.runFor(1000);
    scale(2);
    ctx.clock.runFor(1000);
    expect(pods().map((p) => p.metadata.name).sort()).toEqual([a.metadata.name, c.metadata.name].sort());
    expect(eventsFor(ctx, 'web')).toContain(`Normal SuccessfulDelete Deleted pod: ${b.metadata.name}`);
  });

  it.each([
    ['unassigned before assigned', (p: KubeObject[], ctx: ReturnType<typeof makeContext>) => { runPod(ctx, p[0], 'node-1'); runPod(ctx, p[2], 'node-2'); }, 1],
    ['more co-located siblings first', (p: KubeObject[], ctx: ReturnType<typeof makeContext>) => { runPod(ctx, p[0], 'node-1'); runPod(ctx, p[1], 'node-2'); runPod(ctx, p[2], 'node-2'); }, -1],
  ])('ranks %s', (_name, arrange, victimIndex) => {
    const { ctx, pods, scale } = setup(3);
    ctx.clock.runFor(1000);
    const list = pods();
    arrange(list, ctx);
    ctx.clock.runFor(1000);
    scale(2);
    ctx.clock.runFor(1000);
    const left = pods().map((p) => p.metadata.name);
    if (victimIndex >= 0) expect(left).not.toContain(list[victimIndex].metadata.name);
    else expect(left).toContain(list[0].metadata.name);
  });

  it('adopts a matching orphan and releases a pod whose labels stop matching', () => {
    const { ctx, rs, pods } = setup(1, (c) => {
      c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    });
    ctx.clock.runFor(1000);
    expect(pods().map((p) => p.metadata.name)).toEqual(['stray']);
    expect(pods()[0].metadata.ownerReferences?.[0].uid).toBe(rs.metadata.uid);
    const relabeled = clone(ctx.api.get('Pod', 'default', 'stray'));
    relabeled.metadata.labels = { app: 'debug' };
    ctx.api.update(relabeled);
    ctx.clock.runFor(1000);
    expect(ctx.api.get('Pod', 'default', 'stray').metadata.ownerReferences ?? []).toEqual([]);
    expect(pods()).toHaveLength(2);
  });

  it('records FailedCreate and the ReplicaFailure condition when pods cannot be created', () => {
    const { ctx, getRs } = setup(0);
    const ns = clone(ctx.api.get('Namespace', '', 'default'));
    ns.status = { phase: 'Terminating' };
    ctx.api.updateStatus(ns);
    const rs = clone(getRs());
    rs.spec.replicas = 2;
    ctx.api.update(rs);
    ctx.clock.runFor(1000);
    expect(eventsFor(ctx, 'web')[0]).toMatch(/^Warning FailedCreate Error creating: pods "web-\w{5}" is forbidden: unable to create new content in namespace default because it is being terminated$/);
    expect(getRs().status.conditions).toMatchObject([{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' }]);
  });
});
