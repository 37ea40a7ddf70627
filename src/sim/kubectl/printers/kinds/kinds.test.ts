import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types';
import { printTable } from '../table';
import { printerFor } from '../registry';

const NOW = Date.parse('2026-01-01T10:00:00Z');
const ctx = { now: NOW };
const meta = (name: string, extra: object = {}) => ({ name, namespace: 'default', creationTimestamp: '2026-01-01T09:00:00Z', ...extra });
const table = (obj: object, wide = false) => printTable([obj as KubeObject], printerFor((obj as KubeObject).kind), ctx, { wide });

describe('get printers (reference §6.2)', () => {
  it.each<[string, object, string]>([
    [
      'a crash-looping pod shows when it last restarted',
      {
        kind: 'Pod', metadata: meta('web'), spec: { containers: [{ name: 'c' }] },
        status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T09:59:18Z' } } }] },
      },
      'NAME   READY   STATUS             RESTARTS      AGE\nweb    0/1     CrashLoopBackOff   3 (42s ago)   60m\n',
    ],
    [
      'a cordoned control-plane node',
      {
        kind: 'Node', metadata: { ...meta('cp'), namespace: undefined, labels: { 'node-role.kubernetes.io/control-plane': '' } }, spec: { unschedulable: true },
        status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.34.2' } },
      },
      'NAME   STATUS                     ROLES           AGE   VERSION\ncp     Ready,SchedulingDisabled   control-plane   60m   v1.34.2\n',
    ],
    [
      'a NodePort service',
      { kind: 'Service', metadata: meta('web'), spec: { type: 'NodePort', clusterIPs: ['10.96.12.7'], ports: [{ port: 80, nodePort: 31234, protocol: 'TCP' }] } },
      'NAME   TYPE       CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE\nweb    NodePort   10.96.12.7   <none>        80:31234/TCP   60m\n',
    ],
    [
      'a pending LoadBalancer service',
      { kind: 'Service', metadata: meta('lb'), spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.9'], ports: [{ port: 443, nodePort: 30443, protocol: 'TCP' }] } },
      'NAME   TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)         AGE\nlb     LoadBalancer   10.96.0.9    <pending>     443:30443/TCP   60m\n',
    ],
    [
      'a running job with parallelism',
      { kind: 'Job', metadata: meta('pi'), spec: { parallelism: 2 }, status: { succeeded: 1, startTime: '2026-01-01T09:58:00Z' } },
      'NAME   STATUS    COMPLETIONS   DURATION   AGE\npi     Running   1/1 of 2      2m         60m\n',
    ],
    [
      'a cronjob never scheduled',
      { kind: 'CronJob', metadata: meta('tick'), spec: { schedule: '*/1 * * * *', suspend: false } },
      'NAME   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\ntick   */1 * * * *   <none>     False     0        <none>          60m\n',
    ],
    [
      'an HPA before its first reading',
      { kind: 'HorizontalPodAutoscaler', metadata: meta('web'), spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] }, status: { currentReplicas: 1 } },
      'NAME   REFERENCE        TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\nweb    Deployment/web   cpu: <unknown>/80%   1         5         1          60m\n',
    ],
    ['an unknown kind gets NAME AGE', { kind: 'Widget', metadata: meta('w') }, 'NAME   AGE\nw      60m\n'],
  ])('%s', (_name, obj, want) => {
    expect(table(obj)).toBe(want);
  });
});
