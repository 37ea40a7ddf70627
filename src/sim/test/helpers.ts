/** Helpers for scenario tests: manifests and cluster queries a learner would make with kubectl. */
import type { Cluster } from '../cluster';
import type { KubeObject } from '../api/types';
import { applyYaml } from '../kubectl/apply';

/** A Deployment manifest of `replicas` containers of `image`. */
export function deploymentYaml(name: string, replicas: number, image = 'nginx:1.27', cpu?: string): string {
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
      containers:
      - name: ${name}
        image: ${image}${cpu ? `\n        resources:\n          requests:\n            cpu: "${cpu}"` : ''}
`;
}

/** Applies YAML and fails loudly if kubectl would print an error. */
export function apply(cluster: Cluster, yaml: string): string[] {
  const report = applyYaml(cluster.api, yaml);
  const errors = report.lines.filter((l) => l.error);
  if (errors.length) throw new Error(errors.map((l) => l.text).join('\n'));
  return report.lines.map((l) => l.text);
}

/** Pods in `namespace`, optionally only those with label app=<app>. */
export function pods(cluster: Cluster, app?: string, namespace = 'default'): KubeObject[] {
  return cluster.api.list('Pod', namespace).items.filter((p) => !app || p.metadata.labels?.app === app);
}

/** True when the pod is Running with every container ready and not being deleted. */
export function isRunningReady(pod: KubeObject): boolean {
  return (
    pod.status?.phase === 'Running' &&
    !pod.metadata.deletionTimestamp &&
    (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True')
  );
}

/** Events about one object, oldest first. */
export function eventsFor(cluster: Cluster, kind: string, name: string, namespace = 'default'): KubeObject[] {
  return cluster.api
    .list('Event', namespace)
    .items.filter((e) => e.involvedObject?.kind === kind && e.involvedObject?.name === name)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
}

/** Runs the clock in steps of `stepMs` until `done()` or `limitMs` of virtual time pass; returns the time it became true. */
export function runUntilTrue(cluster: Cluster, done: () => boolean, limitMs: number, stepMs = 1000): number | undefined {
  const end = cluster.clock.now() + limitMs;
  while (cluster.clock.now() < end) {
    if (done()) return cluster.clock.now();
    cluster.runFor(stepMs);
  }
  return done() ? cluster.clock.now() : undefined;
}
