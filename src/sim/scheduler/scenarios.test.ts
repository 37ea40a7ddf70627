/** The default scheduler's plugins on a whole cluster: control-plane plus node-1..3 in zone-a/b/c. */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster';
import { applyYaml } from '../kubectl/apply';
import type { KubeObject } from '../api/types';

function apply(cluster: Cluster, yaml: string): void {
  const errors = applyYaml(cluster.api, yaml).lines.filter((l) => l.error);
  if (errors.length) throw new Error(errors.map((l) => l.text).join('\n'));
}

function podsOf(cluster: Cluster, app: string): KubeObject[] {
  return cluster.api.list('Pod', 'default').items.filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp);
}

function events(cluster: Cluster, name: string, reason: string) {
  return cluster.api.list('Event', 'default').items.filter((e) => e.involvedObject.name === name && e.reason === reason);
}

/** A Deployment of `replicas` pods labelled app=<name>, with `extra` indented into the pod spec. */
function deployment(name: string, replicas: number, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${extra}      containers:
      - name: app
        image: nginx:1.27
`;
}

/** A bare pod with `extra` indented into its spec. */
function pod(name: string, extra = '', container = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
${extra}  containers:
  - name: app
    image: nginx:1.27
${container}`;
}

const zoneOf = (cluster: Cluster, node: string) => cluster.api.get('Node', undefined, node).metadata.labels!['topology.kubernetes.io/zone'];
const TAINT = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

describe('scheduler scenarios', () => {
  it('a zone topology spread constraint (maxSkew 1, DoNotSchedule) places 6 replicas 2 per zone', () => {
    const cluster = createCluster({ seed: 5 });
    cluster.runFor(5_000);
    apply(cluster, deployment('web', 6, `      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: DoNotSchedule
        labelSelector:
          matchLabels:
            app: web
`));
    cluster.runFor(30_000);
    const perZone: Record<string, number> = {};
    for (const p of podsOf(cluster, 'web')) {
      expect(p.spec.nodeName).toMatch(/^node-/);
      const zone = zoneOf(cluster, p.spec.nodeName);
      perZone[zone] = (perZone[zone] ?? 0) + 1;
    }
    expect(perZone).toEqual({ 'zone-a': 2, 'zone-b': 2, 'zone-c': 2 });
  });

  it('required anti-affinity on hostname: 3 replicas run, the 4th stays Pending with the upstream message', () => {
    const cluster = createCluster({ seed: 5 });
    cluster.runFor(5_000);
    apply(cluster, deployment('db', 4, `      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - topologyKey: kubernetes.io/hostname
            labelSelector:
              matchLabels:
                app: db
`));
    cluster.runFor(60_000);
    const all = podsOf(cluster, 'db');
    expect(all).toHaveLength(4);
    const placed = all.filter((p) => p.spec.nodeName);
    expect(placed.map((p) => p.spec.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    expect(placed.every((p) => p.status.phase === 'Running')).toBe(true);
    const pending = all.find((p) => !p.spec.nodeName)!;
    expect(pending.status.phase).toBe('Pending');
    // Same-priority pods are no victims: upstream's dry run finds none on node-1..3.
    const message = `0/4 nodes are available: 1 ${TAINT}, 3 node(s) didn't match pod anti-affinity rules. `
      + 'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(pending.status.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }));
    expect(events(cluster, pending.metadata.name, 'FailedScheduling').map((e) => e.message)).toContain(message);
  });

  it('a nodeSelector that matches nothing: node affinity/selector, and preemption is not helpful anywhere', () => {
    const cluster = createCluster({ seed: 5 });
    cluster.runFor(5_000);
    apply(cluster, pod('picky', `  nodeSelector:
    disktype: ssd
`));
    cluster.runFor(10_000);
    const p = cluster.api.get('Pod', 'default', 'picky');
    expect(p.spec.nodeName).toBeUndefined();
    const message = `0/4 nodes are available: 1 ${TAINT}, 3 node(s) didn't match Pod's node affinity/selector. `
      + 'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.';
    expect(events(cluster, 'picky', 'FailedScheduling').map((e) => e.message)).toEqual([message]);
  });

  it('a toleration for the control-plane taint plus a nodeSelector for it lands on control-plane', () => {
    const cluster = createCluster({ seed: 5 });
    cluster.runFor(5_000);
    apply(cluster, pod('admin', `  nodeSelector:
    node-role.kubernetes.io/control-plane: ""
  tolerations:
  - key: node-role.kubernetes.io/control-plane
    operator: Exists
    effect: NoSchedule
`));
    cluster.runFor(10_000);
    expect(cluster.api.get('Pod', 'default', 'admin').spec.nodeName).toBe('control-plane');
  });

  it('spec.nodeName bypasses the scheduler: no Scheduled event', () => {
    const cluster = createCluster({ seed: 5 });
    cluster.runFor(5_000);
    apply(cluster, pod('pinned', `  nodeName: node-2
`));
    cluster.runFor(10_000);
    const p = cluster.api.get('Pod', 'default', 'pinned');
    expect(p.spec.nodeName).toBe('node-2');
    expect(p.status.phase).toBe('Running');
    expect(events(cluster, 'pinned', 'Scheduled')).toEqual([]);
  });

  it('a hostPort conflict keeps a second pod off the node', () => {
    const cluster = createCluster({ seed: 5 });
    cluster.runFor(5_000);
    const ports = `    ports:
    - containerPort: 80
      hostPort: 8080
`;
    apply(cluster, pod('first', `  nodeName: node-1
`, ports));
    cluster.runFor(5_000);
    apply(cluster, pod('second', `  nodeSelector:
    kubernetes.io/hostname: node-1
`, ports));
    cluster.runFor(10_000);
    expect(cluster.api.get('Pod', 'default', 'second').spec.nodeName).toBeUndefined();
    // Entries sort as strings: "1 node(s) didn't…" before "1 node(s) had…".
    const message = `0/4 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 ${TAINT}, 2 node(s) didn't match Pod's node affinity/selector. `
      + 'preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.';
    expect(events(cluster, 'second', 'FailedScheduling').map((e) => e.message)).toEqual([message]);
    // Without the selector the pod goes to another node.
    apply(cluster, pod('third', '', ports));
    cluster.runFor(10_000);
    expect(cluster.api.get('Pod', 'default', 'third').spec.nodeName).toMatch(/^node-[23]$/);
  });

  it('scheduling gates hold a pod with SchedulingGated until they are removed', () => {
    const cluster = createCluster({ seed: 5 });
    cluster.runFor(5_000);
    apply(cluster, pod('gated', `  schedulingGates:
  - name: example.com/wait
`));
    cluster.runFor(10_000);
    let p = cluster.api.get('Pod', 'default', 'gated');
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.status.conditions).toContainEqual(expect.objectContaining({
      type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates',
    }));
    expect(events(cluster, 'gated', 'FailedScheduling')).toEqual([]);
    const ungated = structuredClone(p);
    delete ungated.spec.schedulingGates;
    cluster.api.update(ungated);
    cluster.runFor(10_000);
    p = cluster.api.get('Pod', 'default', 'gated');
    expect(p.spec.nodeName).toMatch(/^node-/);
  });
});
