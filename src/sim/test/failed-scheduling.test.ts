import { expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { apply, eventsFor, pods } from './helpers';

it('explains why a pod asking for 100 CPUs stays Pending, in the scheduler\'s words', () => {
  const cluster = createCluster({ seed: 3 });
  cluster.runFor(5_000);
  apply(cluster, `apiVersion: v1
kind: Pod
metadata:
  name: huge
  labels:
    app: huge
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "100"
`);
  cluster.runFor(30_000);
  const [pod] = pods(cluster, 'huge');
  expect(pod.status.phase).toBe('Pending');
  expect(pod.spec.nodeName).toBeUndefined();
  const message =
    '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
    'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
  const failed = eventsFor(cluster, 'Pod', 'huge').filter((e) => e.reason === 'FailedScheduling');
  expect(failed).toHaveLength(1);
  expect(failed[0].type).toBe('Warning');
  expect(failed[0].message).toBe(message);
  const condition = pod.status.conditions.find((c: { type: string }) => c.type === 'PodScheduled');
  expect(condition).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
});
