import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { VirtualClock } from '../core/clock';
import { Rng } from '../core/rng';
import { parseTimestamp } from '../core/time';
import { ObjectStore } from '../store/store';
import { ApiServer } from '../apiserver/apiserver';
import { componentMachine } from '../system/component.machine';
import { makeNodeConfig } from '../cluster';
import type { KubeObject } from '../api/types';
import { Kubelet } from './kubelet';

/** A real API server with one kubelet, run as its actor on the virtual clock (so tick() heartbeats). */
function setup() {
  const clock = new VirtualClock();
  const rng = new Rng(42);
  const api = new ApiServer(new ObjectStore(), clock, rng);
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const kubelet = new Kubelet({ api, clock, rng }, makeNodeConfig('node-1'));
  kubelet.requestWork = () => kubelet.work();
  const actor = createActor(componentMachine, { input: { component: kubelet }, clock: clock.xstateClock });
  actor.start();

  const createPod = (name: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}) =>
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: 'node-1', containers: [{ name: 'main', ...container }], ...spec } });
  const pod = (name: string) => api.tryGet('Pod', 'default', name);
  const events = (name: string) =>
    api
      .list('Event', 'default')
      .items.filter((e) => e.involvedObject.name === name)
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
  const at = (ts: string) => parseTimestamp(clock, ts)!;
  return { clock, api, kubelet, actor, createPod, pod, events, at };
}

const state = (p: KubeObject | undefined) => p?.status?.containerStatuses?.[0]?.state;

describe('Kubelet: node registration and heartbeats', () => {
  it('registers the node Ready with capacity, allocatable, addresses and nodeInfo', () => {
    const { api } = setup();
    const node = api.get('Node', undefined, 'node-1');
    expect(node.status.capacity).toMatchObject({ cpu: '4', memory: '8388608Ki', pods: '110' });
    expect(node.status.allocatable.memory).toBe('8286208Ki');
    const ready = node.status.conditions.find((c: { type: string }) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(node.status.conditions.map((c: { type: string }) => c.type)).toEqual(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']);
    expect(node.status.addresses).toEqual([{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'node-1' }]);
    expect(node.status.nodeInfo).toMatchObject({ kubeletVersion: 'v1.34.2', containerRuntimeVersion: 'containerd://1.7.24', osImage: 'Ubuntu 24.04.1 LTS', architecture: 'amd64' });
    expect(node.spec.podCIDR).toBe('10.244.1.0/24');
    expect(node.metadata.labels?.['kubernetes.io/hostname']).toBe('node-1');
  });

  it('renews its Lease every 10 s and stops when the machine dies', () => {
    const { api, clock, actor, at } = setup();
    const renewed = () => at(api.get('Lease', 'kube-node-lease', 'node-1').spec.renewTime);
    expect(api.get('Lease', 'kube-node-lease', 'node-1').spec).toMatchObject({ holderIdentity: 'node-1', leaseDurationSeconds: 40 });
    clock.runFor(10_000);
    expect(renewed()).toBe(10_000);
    clock.runFor(10_000);
    expect(renewed()).toBe(20_000);
    actor.send({ type: 'stop' });
    clock.runFor(60_000);
    expect(renewed()).toBe(20_000);
    actor.send({ type: 'start' });
    expect(renewed()).toBe(80_000);
  });
});

describe('Kubelet: pod start', () => {
  it('runs nginx: ContainerCreating, then Running and Ready, with Pulling/Pulled/Created/Started', () => {
    const { clock, createPod, pod, events, at } = setup();
    createPod('web', { name: 'nginx', image: 'nginx:1.27' });
    clock.runFor(300);
    expect(pod('web')!.status.phase).toBe('Pending');
    expect(state(pod('web'))).toEqual({ waiting: { reason: 'ContainerCreating' } });
    clock.runFor(10_000);
    const p = pod('web')!;
    expect(p.status.phase).toBe('Running');
    expect(p.status.containerStatuses[0]).toMatchObject({ name: 'nginx', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27' });
    expect(p.status.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(p.status.hostIP).toBe('172.18.0.3');
    expect(p.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True',
    ]);
    const evs = events('web');
    expect(evs.map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(evs[0]).toMatchObject({ message: 'Pulling image "nginx:1.27"', source: { component: 'kubelet', host: 'node-1' } });
    expect(evs[0].involvedObject.fieldPath).toBe('spec.containers{nginx}');
    expect(evs[1].message).toMatch(/^Successfully pulled image "nginx:1\.27" in \d+(\.\d+)?s \(\d+(\.\d+)?s including waiting\)\. Image size: 72099410 bytes\.$/);
    expect(evs[2].message).toBe('Created container: nginx');
    expect(evs[3].message).toBe('Started container nginx');
    // A 72 MB image takes a couple of seconds to pull.
    const pullSeconds = (at(evs[1].firstTimestamp) - at(evs[0].firstTimestamp)) / 1000;
    expect(pullSeconds).toBeGreaterThanOrEqual(1);
    expect(pullSeconds).toBeLessThanOrEqual(5);
  });

  it('reports a cached image as already present for the next pod', () => {
    const { clock, createPod, events, api } = setup();
    createPod('a', { name: 'nginx', image: 'nginx:1.27' });
    clock.runFor(10_000);
    createPod('b', { name: 'nginx', image: 'nginx:1.27' });
    clock.runFor(5_000);
    expect(events('b').map((e) => e.message)).toEqual(['Container image "nginx:1.27" already present on machine', 'Created container: nginx', 'Started container nginx']);
    const node = api.get('Node', undefined, 'node-1');
    clock.runFor(10_000);
    expect(api.get('Node', undefined, 'node-1').status.images.some((i: { names: string[] }) => i.names.includes('docker.io/library/nginx:1.27'))).toBe(true);
    expect(node).toBeDefined();
  });

  it('gives ErrImagePull then ImagePullBackOff for a misspelled image', () => {
    const { clock, createPod, pod, events } = setup();
    createPod('typo', { name: 'web', image: 'ngnix' });
    clock.runFor(3_000);
    expect(state(pod('typo'))!.waiting!.reason).toBe('ErrImagePull');
    expect(state(pod('typo'))!.waiting!.message).toContain('pull access denied, repository does not exist or may require authorization');
    clock.runFor(4_000);
    expect(state(pod('typo'))!.waiting!.reason).toBe('ImagePullBackOff');
    const msgs = events('typo').map((e) => `${e.type} ${e.reason} ${e.message}`);
    expect(msgs[0]).toBe('Normal Pulling Pulling image "ngnix"');
    expect(msgs[1]).toMatch(/^Warning Failed Failed to pull image "ngnix": .*pull access denied/);
    expect(msgs.slice(2, 5)).toEqual(['Warning Failed Error: ErrImagePull', 'Normal BackOff Back-off pulling image "ngnix"', 'Warning Failed Error: ImagePullBackOff']);
    expect(pod('typo')!.status.phase).toBe('Pending');
    clock.runFor(60_000);
    expect(events('typo').find((e) => e.reason === 'Pulling')!.count).toBeGreaterThanOrEqual(3);
  });

  it('crash-loops busybox with back-offs of 10 s, 20 s and 40 s', () => {
    const { clock, createPod, pod, events } = setup();
    createPod('bb', { name: 'box', image: 'busybox:1.36' });
    const runs: string[] = [];
    const waits: string[] = [];
    while (clock.now() < 120_000) {
      const cs = pod('bb')?.status?.containerStatuses?.[0];
      for (const t of [cs?.state?.terminated, cs?.lastState?.terminated]) if (t && !runs.includes(t.startedAt)) runs.push(t.startedAt);
      const msg = cs?.state?.waiting?.message;
      if (cs?.state?.waiting?.reason === 'CrashLoopBackOff' && !waits.includes(msg)) waits.push(msg);
      clock.runFor(100);
    }
    const p = pod('bb')!;
    expect(p.status.phase).toBe('Running');
    const cs = p.status.containerStatuses[0];
    expect(cs.restartCount).toBe(4);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const who = `container=box pod=bb_default(${p.metadata.uid})`;
    expect(waits).toEqual(['10s', '20s', '40s', '1m20s'].map((d) => `back-off ${d} restarting failed ${who}`));
    // The first restart is immediate, then 10 s, 20 s, 40 s.
    const starts = runs.map((ts) => Date.parse(ts) / 1000).sort((a, b) => a - b);
    const gaps = starts.slice(1).map((t, k) => t - starts[k]);
    expect(gaps[0]).toBeLessThanOrEqual(2);
    expect(gaps.slice(1, 4).map((g) => Math.round(g / 10) * 10)).toEqual([10, 20, 40]);
    const backoff = events('bb').find((e) => e.reason === 'BackOff')!;
    expect(backoff).toMatchObject({ type: 'Warning', message: `Back-off restarting failed container box in pod bb_default(${p.metadata.uid})` });
    expect(backoff.count).toBe(4);
  });

  it('ends a Job-like pod with restartPolicy Never as Failed', () => {
    const { clock, createPod, pod } = setup();
    createPod('job', { name: 'task', image: 'busybox', command: ['sh', '-c', 'echo hi; exit 1'] }, { restartPolicy: 'Never' });
    clock.runFor(15_000);
    const p = pod('job')!;
    expect(p.status.phase).toBe('Failed');
    expect(p.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(p.status.conditions.find((c: { type: string }) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
  });

  it('completes a pod whose command exits 0 with restartPolicy OnFailure', () => {
    const { clock, createPod, pod, kubelet } = setup();
    createPod('ok', { name: 'task', image: 'busybox', command: ['sh', '-c', 'echo hello; sleep 2; echo done'] }, { restartPolicy: 'OnFailure' });
    clock.runFor(20_000);
    expect(pod('ok')!.status.phase).toBe('Succeeded');
    expect(kubelet.containerLogs('default', 'ok', 'task')).toEqual(['hello', 'done']);
  });

  it('runs init containers in order before the main container', () => {
    const { clock, api, pod, events } = setup();
    api.create({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'init', namespace: 'default' },
      spec: { nodeName: 'node-1', initContainers: [{ name: 'wait', image: 'busybox', command: ['sleep', '3'] }], containers: [{ name: 'web', image: 'nginx:1.27' }] },
    });
    clock.runFor(2_500);
    expect(pod('init')!.status.containerStatuses[0].state.waiting.reason).toBe('PodInitializing');
    expect(pod('init')!.status.conditions.find((c: { type: string }) => c.type === 'Initialized')).toMatchObject({ status: 'False', message: 'containers with incomplete status: [wait]' });
    clock.runFor(20_000);
    expect(pod('init')!.status.phase).toBe('Running');
    const started = events('init').filter((e) => e.reason === 'Started').map((e) => e.message);
    expect(started).toEqual(['Started container wait', 'Started container web']);
  });
});

describe('Kubelet: termination', () => {
  it('removes a deleted nginx pod within about a second', () => {
    const { clock, api, createPod, pod, events } = setup();
    createPod('web', { name: 'nginx', image: 'nginx:1.27' });
    clock.runFor(10_000);
    api.delete('Pod', 'default', 'web');
    clock.runFor(20);
    expect(events('web').some((e) => e.reason === 'Killing' && e.message === 'Stopping container nginx')).toBe(true);
    expect(pod('web')!.metadata.deletionTimestamp).toBeDefined();
    clock.runFor(1_000);
    expect(pod('web')).toBeUndefined();
  });

  it('kills a `sleep 3600` pod at the end of its 30 s grace period', () => {
    const { clock, api, createPod, pod, events } = setup();
    createPod('sleeper', { name: 'sleep', image: 'busybox', command: ['sleep', '3600'] });
    clock.runFor(10_000);
    expect(pod('sleeper')!.status.phase).toBe('Running');
    api.delete('Pod', 'default', 'sleeper');
    clock.runFor(29_000);
    expect(pod('sleeper')).toBeDefined();
    // Still running, ignoring SIGTERM: kubectl shows 1/1 Terminating (§6.4).
    expect(pod('sleeper')!.status.containerStatuses[0].state.running).toBeDefined();
    clock.runFor(2_000);
    expect(pod('sleeper')).toBeUndefined();
    expect(events('sleeper').map((e) => e.reason)).toContain('Killing');
  });

  it('restarts containers after the node reboots', () => {
    const { clock, actor, createPod, pod } = setup();
    createPod('web', { name: 'nginx', image: 'nginx:1.27' });
    clock.runFor(10_000);
    actor.send({ type: 'stop' });
    clock.runFor(60_000);
    actor.send({ type: 'start' });
    clock.runFor(10_000);
    const cs = pod('web')!.status.containerStatuses[0];
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 255, reason: 'Unknown' });
    expect(cs.state.running).toBeDefined();
  });

  it('finishes deleting a pod that was terminating when the node died', () => {
    const { clock, api, actor, createPod, pod } = setup();
    createPod('web', { name: 'nginx', image: 'nginx:1.27' });
    clock.runFor(10_000);
    actor.send({ type: 'stop' });
    api.delete('Pod', 'default', 'web');
    clock.runFor(60_000);
    expect(pod('web')!.metadata.deletionTimestamp).toBeDefined();
    actor.send({ type: 'start' });
    clock.runFor(2_000);
    expect(pod('web')).toBeUndefined();
  });
});


describe('Kubelet: determinism', () => {
  it('writes the same events for the same seed and actions', () => {
    const run = () => {
      const { clock, createPod, api } = setup();
      createPod('web', { name: 'nginx', image: 'nginx:1.27' });
      createPod('bb', { name: 'box', image: 'busybox' });
      createPod('typo', { name: 'web', image: 'ngnix' });
      clock.runFor(90_000);
      return api.list('Event').items.map((e) => `${e.lastTimestamp} ${e.involvedObject.name} ${e.reason} ${e.message} x${e.count}`);
    };
    expect(run()).toEqual(run());
  });
});
