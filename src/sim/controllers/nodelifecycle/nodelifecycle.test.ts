import { describe, expect, it } from 'vitest';
import { clone } from '../../apiserver/apiserver';
import { rfc3339, rfc3339Micro } from '../../core/time';
import type { KubeObject, Taint, Toleration } from '../../api/types';
import { VirtualClock } from '../../core/clock';
import { NodeLifecycleController } from './nodelifecycle';
import { evictionVerdict } from './tainteviction';
import { eventsFor, makeContext, makeNode, runPod, startControllers, tickEvery } from '../testing/harness';

/** A node with a kubelet that renews its Lease every 10 s until `stopAt`. */
function setup(stopAt: number) {
  const ctx = makeContext();
  const ctrl = new NodeLifecycleController(ctx);
  startControllers(ctrl);
  tickEvery(ctx, ctrl);
  makeNode(ctx, 'node-1');
  const lease = ctx.api.create<KubeObject>({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'node-1', namespace: 'kube-node-lease' },
    spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: rfc3339Micro(ctx.clock) },
  });
  let renewing = true;
  const renew = () => {
    if (!renewing || ctx.clock.now() >= stopAt) return;
    const next = clone(ctx.api.get('Lease', 'kube-node-lease', 'node-1'));
    next.spec.renewTime = rfc3339Micro(ctx.clock);
    ctx.api.update(next);
    ctx.clock.schedule(10_000, renew);
  };
  ctx.clock.schedule(10_000, renew);
  const node = () => ctx.api.get('Node', '', 'node-1');
  const ready = () => node().status.conditions.find((c: { type: string }) => c.type === 'Ready');
  const stopRenewing = () => (renewing = false);
  return { ctx, ctrl, lease, node, ready, stopRenewing };
}

function podOn(ctx: ReturnType<typeof makeContext>, name: string, tolerations?: Toleration[]): KubeObject {
  const pod = ctx.api.create<KubeObject>({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...(tolerations ? { tolerations } : {}) } });
  return runPod(ctx, pod, 'node-1');
}

describe('evictionVerdict', () => {
  const clock = new VirtualClock();
  const t0 = rfc3339(clock);
  const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: t0 };
  it.each<[string, Toleration[], Taint[], string]>([
    ['no NoExecute taint', [], [{ key: 'x', effect: 'NoSchedule' }], 'never'],
    ['untolerated', [], [unreachable], 'now'],
    ['default 300 s toleration', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], [unreachable], 'at 300000'],
    ['smallest seconds wins', [{ operator: 'Exists', tolerationSeconds: 60 }, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 }], [unreachable], 'at 60000'],
    ['tolerated forever', [{ operator: 'Exists' }], [unreachable], 'never'],
  ])('%s', (_name, tolerations, taints, want) => {
    const v = evictionVerdict(clock, tolerations, taints);
    expect(v.kind === 'at' ? `at ${v.at}` : v.kind).toBe(want);
  });
});

describe('NodeLifecycleController', () => {
  it('marks a silent node Unknown 50-55 s after its last heartbeat, taints it and its pods not ready', () => {
    const { ctx, node, ready } = setup(30_000);
    const pod = podOn(ctx, 'web');
    let unknownAt: number | undefined;
    for (let t = 0; t < 120_000 && unknownAt === undefined; t += 1000) {
      ctx.clock.runFor(1000);
      if (ready().status === 'Unknown') unknownAt = ctx.clock.now();
    }
    // The last renewal was at t = 20 s.
    expect(unknownAt! - 20_000).toBeGreaterThan(50_000);
    expect(unknownAt! - 20_000).toBeLessThanOrEqual(56_000);
    expect(ready()).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(node().status.conditions.find((c: { type: string }) => c.type === type).status).toBe('Unknown');
    }
    ctx.clock.runFor(1000);
    expect(node().spec.taints.map((t: Taint) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(node().spec.taints.every((t: Taint) => t.timeAdded)).toBe(true);
    const p = ctx.api.get('Pod', 'default', pod.metadata.name);
    expect(p.status.conditions.filter((c: { type: string }) => c.type === 'Ready' || c.type === 'ContainersReady').map((c: { status: string }) => c.status)).toEqual(['False', 'False']);
    expect(eventsFor(ctx, 'node-1')).toEqual(['Normal NodeNotReady Node node-1 status is now: NodeNotReady']);
    expect(eventsFor(ctx, 'web')).toEqual(['Warning NodeNotReady Node is not ready']);
  });

  it('evicts ordinary pods 300 s after the NoExecute taint, and pods with tolerationSeconds 0 at once', () => {
    const { ctx, node } = setup(10_000);
    const web = podOn(ctx, 'web');
    const strict = podOn(ctx, 'strict', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }]);
    ctx.clock.runFor(80_000);
    const taint = node().spec.taints.find((t: Taint) => t.effect === 'NoExecute');
    const taintedAt = Date.parse(taint.timeAdded) - ctx.clock.epochMs;
    expect(ctx.api.get('Pod', 'default', strict.metadata.name).metadata.deletionTimestamp).toBeDefined();
    ctx.clock.runUntil(taintedAt + 299_000);
    expect(ctx.api.get('Pod', 'default', web.metadata.name).metadata.deletionTimestamp).toBeUndefined();
    ctx.clock.runUntil(taintedAt + 301_000);
    const evicted = ctx.api.get('Pod', 'default', web.metadata.name);
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    expect(evicted.status.conditions.find((c: { type: string }) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
    expect(eventsFor(ctx, 'web')).toContain('Normal TaintManagerEviction Marking for deletion Pod default/web');
    const source = ctx.api.list('Event').items.find((e) => e.reason === 'TaintManagerEviction')!.source.component;
    expect(source).toBe('taint-eviction-controller');
  });

  it('removes the taints and cancels eviction when the node is Ready again', () => {
    const { ctx, node } = setup(10_000);
    const web = podOn(ctx, 'web');
    ctx.clock.runFor(90_000);
    expect(node().spec.taints).toHaveLength(2);
    const back = clone(node());
    const now = rfc3339(ctx.clock);
    back.status.conditions = back.status.conditions.map((c: { type: string }) => ({ ...c, status: c.type === 'Ready' ? 'True' : 'False', lastHeartbeatTime: now, lastTransitionTime: now }));
    ctx.api.updateStatus(back);
    ctx.clock.runFor(1000);
    expect(node().spec.taints).toBeUndefined();
    ctx.clock.runFor(20_000);
    expect(ready(node()).status).toBe('True');
    ctx.clock.runFor(400_000 - 111_000);
    expect(ctx.api.get('Pod', 'default', web.metadata.name).metadata.deletionTimestamp).toBeUndefined();
    expect(eventsFor(ctx, 'node-1')).toContain('Normal NodeReady Node node-1 status is now: NodeReady');
    expect(eventsFor(ctx, 'web')).toContain('Normal TaintManagerEviction Cancelling deletion of Pod default/web');
  });
});

function ready(node: KubeObject) {
  return node.status.conditions.find((c: { type: string }) => c.type === 'Ready');
}
