/**
 * Test harness for controllers: a real API server on a virtual clock, with
 * helpers that play the scheduler's and the kubelet's parts.
 */
import { VirtualClock } from '../../core/clock';
import { Rng } from '../../core/rng';
import { rfc3339 } from '../../core/time';
import { ObjectStore } from '../../store/store';
import { ApiServer, clone } from '../../apiserver/apiserver';
import type { ComponentContext } from '../../system/component';
import type { Controller } from '../../system/controller';
import type { KubeObject } from '../../api/types';

/** A fresh API server with the built-in namespaces. */
export function makeContext(seed = 7): ComponentContext {
  const clock = new VirtualClock();
  const rng = new Rng(seed);
  const api = new ApiServer(new ObjectStore(), clock, rng);
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  return { api, clock, rng };
}

/** Starts controllers so that their queues run on the clock (as their actors would). */
export function startControllers(...ctrls: Controller[]): void {
  for (const c of ctrls) c.requestWork = () => c.work();
  for (const c of ctrls) c.start();
}

/** A ready worker node (what a kubelet registers). */
export function makeNode(ctx: ComponentContext, name: string): KubeObject {
  const node = ctx.api.create<KubeObject>({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: {} });
  const now = rfc3339(ctx.clock);
  const next = clone(node);
  next.status = {
    conditions: [
      { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: now, lastTransitionTime: now },
      { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastHeartbeatTime: now, lastTransitionTime: now },
      { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastHeartbeatTime: now, lastTransitionTime: now },
      { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: now, lastTransitionTime: now },
    ],
  };
  return ctx.api.updateStatus(next);
}

/** Binds a pod and marks it Running and Ready (the scheduler and the kubelet at once). */
export function runPod(ctx: ComponentContext, pod: KubeObject, nodeName: string, ready = true): KubeObject {
  if (!pod.spec?.nodeName) ctx.api.bind(pod.metadata.namespace!, pod.metadata.name, nodeName);
  const next = clone(ctx.api.get('Pod', pod.metadata.namespace, pod.metadata.name));
  const now = rfc3339(ctx.clock);
  const status = ready ? 'True' : 'False';
  next.status.phase = 'Running';
  next.status.conditions = [
    ...(next.status.conditions ?? []).filter((c: { type: string }) => c.type !== 'Ready' && c.type !== 'ContainersReady'),
    { type: 'Ready', status, lastProbeTime: null, lastTransitionTime: now },
    { type: 'ContainersReady', status, lastProbeTime: null, lastTransitionTime: now },
  ];
  return ctx.api.updateStatus(next);
}

/** Events recorded about an object, as `Type Reason Message` lines. */
export function eventsFor(ctx: ComponentContext, name: string): string[] {
  return ctx.api
    .list('Event')
    .items.filter((e) => e.involvedObject.name === name)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
}

/** A minimal pod template with `labels`. */
export function template(labels: Record<string, string>, image = 'nginx:1.27'): KubeObject['spec'] {
  return { metadata: { labels }, spec: { containers: [{ name: 'web', image }] } };
}

/**
 * Plays scheduler and kubelets for every pod at once: binds pending pods to
 * `node`, makes them Running and Ready, and confirms graceful deletions.
 */
export function fakeKubelets(ctx: ComponentContext, node = 'node-1'): void {
  for (const pod of ctx.api.list('Pod').items) {
    if (pod.metadata.deletionTimestamp) {
      ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
    } else if (pod.status?.phase !== 'Running') {
      runPod(ctx, pod, node);
    }
  }
}

/** Calls the component's tick every periodMs on the clock, as its actor does. */
export function tickEvery(ctx: ComponentContext, ctrl: { periodMs?: number; tick?(): void }): void {
  const period = ctrl.periodMs!;
  const loop = () => {
    ctrl.tick?.();
    ctx.clock.schedule(period, loop);
  };
  ctx.clock.schedule(period, loop);
}
