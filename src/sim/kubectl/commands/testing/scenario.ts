/**
 * The scripted cluster the read-command tests print: seed 7, a Deployment of
 * three nginx pods applied at 30 s and one minute of virtual time to settle.
 */
import { createCluster, type Cluster } from '../../../cluster';
import { kubectl, type KubectlResult } from '../../kubectl';
import { parseCommandLine } from '../../shellwords';

/** The manifest of the scenario. */
export const NGINX_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  labels: {app: nginx}
spec:
  replicas: 3
  selector:
    matchLabels: {app: nginx}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{containerPort: 80}]
        resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
`;

/** A settled cluster and a runner taking a whole command line (`kubectl get pods -o wide`). */
export function scenario(): { cluster: Cluster; run: (line: string) => KubectlResult } {
  const cluster = createCluster({ seed: 7 });
  cluster.runFor(30_000);
  kubectl({ cluster, stdin: NGINX_DEPLOYMENT }, ['apply', '-f', '-']);
  cluster.runFor(60_000);
  const run = (line: string) => {
    const argv = parseCommandLine(line).pipeline[0];
    return kubectl({ cluster }, argv[0] === 'kubectl' ? argv.slice(1) : argv);
  };
  return { cluster, run };
}
