/** kubectl get on the scripted nginx cluster: tables, wide, all, yaml, jsonpath, custom-columns, selectors and errors. */
import { describe, expect, it } from 'vitest';
import { scenario } from './testing/scenario';

const { run } = scenario();

// Golden outputs, byte for byte as kubectl prints them for this cluster.
const CASES: [line: string, stdout: string, stderr: string, exitCode: number][] = [
  [
    "kubectl get pods",
    `NAME                     READY   STATUS    RESTARTS   AGE
nginx-6466b85b6d-6p68m   1/1     Running   0          60s
nginx-6466b85b6d-ntdgx   1/1     Running   0          60s
nginx-6466b85b6d-vmr8g   1/1     Running   0          60s
`,
    ``,
    0,
  ],
  [
    "kubectl get pods -o wide",
    `NAME                     READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
nginx-6466b85b6d-6p68m   1/1     Running   0          60s   10.244.2.2   node-2   <none>           <none>
nginx-6466b85b6d-ntdgx   1/1     Running   0          60s   10.244.3.2   node-3   <none>           <none>
nginx-6466b85b6d-vmr8g   1/1     Running   0          60s   10.244.1.2   node-1   <none>           <none>
`,
    ``,
    0,
  ],
  [
    "kubectl get all",
    `NAME                         READY   STATUS    RESTARTS   AGE
pod/nginx-6466b85b6d-6p68m   1/1     Running   0          60s
pod/nginx-6466b85b6d-ntdgx   1/1     Running   0          60s
pod/nginx-6466b85b6d-vmr8g   1/1     Running   0          60s

NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   90s

NAME                    READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/nginx   3/3     3            3           60s

NAME                               DESIRED   CURRENT   READY   AGE
replicaset.apps/nginx-6466b85b6d   3         3         3       60s
`,
    ``,
    0,
  ],
  [
    "kubectl get nodes",
    `NAME            STATUS   ROLES           AGE   VERSION
control-plane   Ready    control-plane   90s   v1.34.2
node-1          Ready    <none>          90s   v1.34.2
node-2          Ready    <none>          90s   v1.34.2
node-3          Ready    <none>          90s   v1.34.2
`,
    ``,
    0,
  ],
  [
    "kubectl get deploy,rs -o wide",
    `NAME                    READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR
deployment.apps/nginx   3/3     3            3           60s   nginx        nginx:1.27   app=nginx

NAME                               DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR
replicaset.apps/nginx-6466b85b6d   3         3         3       60s   nginx        nginx:1.27   app=nginx,pod-template-hash=6466b85b6d
`,
    ``,
    0,
  ],
  [
    "kubectl get deploy nginx -o yaml",
    `apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    deployment.kubernetes.io/revision: "1"
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"nginx","labels":{"app":"nginx"}},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80}],"resources":{"requests":{"cpu":"100m","memory":"128Mi"},"limits":{"memory":"256Mi"}}}]}}}}
  creationTimestamp: "2026-01-01T09:00:30Z"
  generation: 1
  labels:
    app: nginx
  name: nginx
  namespace: default
  resourceVersion: "94"
  uid: 9346217b-faa7-4515-899e-1417be1cf7ed
spec:
  progressDeadlineSeconds: 600
  replicas: 3
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: nginx
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - image: nginx:1.27
        imagePullPolicy: IfNotPresent
        name: nginx
        ports:
        - containerPort: 80
          protocol: TCP
        resources:
          limits:
            memory: 256Mi
          requests:
            cpu: 100m
            memory: 128Mi
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
      dnsPolicy: ClusterFirst
      enableServiceLinks: true
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
status:
  availableReplicas: 3
  conditions:
  - lastTransitionTime: "2026-01-01T09:00:34Z"
    lastUpdateTime: "2026-01-01T09:00:34Z"
    message: Deployment has minimum availability.
    reason: MinimumReplicasAvailable
    status: "True"
    type: Available
  - lastTransitionTime: "2026-01-01T09:00:30Z"
    lastUpdateTime: "2026-01-01T09:00:34Z"
    message: ReplicaSet "nginx-6466b85b6d" has successfully progressed.
    reason: NewReplicaSetAvailable
    status: "True"
    type: Progressing
  observedGeneration: 1
  readyReplicas: 3
  replicas: 3
  updatedReplicas: 3
`,
    ``,
    0,
  ],
  [
    "kubectl get pods -o jsonpath='{.items[*].metadata.name}'",
    // kubectl prints no newline after a jsonpath template: the shell prompt follows on the same line.
    `nginx-6466b85b6d-6p68m nginx-6466b85b6d-ntdgx nginx-6466b85b6d-vmr8g`,
    ``,
    0,
  ],
  [
    "kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.spec.nodeName}{\"\\n\"}{end}'",
    `nginx-6466b85b6d-6p68m	node-2
nginx-6466b85b6d-ntdgx	node-3
nginx-6466b85b6d-vmr8g	node-1
`,
    ``,
    0,
  ],
  [
    "kubectl get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName",
    `NAME                     IP           NODE
nginx-6466b85b6d-6p68m   10.244.2.2   node-2
nginx-6466b85b6d-ntdgx   10.244.3.2   node-3
nginx-6466b85b6d-vmr8g   10.244.1.2   node-1
`,
    ``,
    0,
  ],
  [
    "kubectl get pods -l app=nginx --field-selector spec.nodeName=node-1 -o name",
    `pod/nginx-6466b85b6d-vmr8g
`,
    ``,
    0,
  ],
  [
    "kubectl get pods -L app --sort-by=.spec.nodeName",
    `NAME                     READY   STATUS    RESTARTS   AGE   APP
nginx-6466b85b6d-vmr8g   1/1     Running   0          60s   nginx
nginx-6466b85b6d-6p68m   1/1     Running   0          60s   nginx
nginx-6466b85b6d-ntdgx   1/1     Running   0          60s   nginx
`,
    ``,
    0,
  ],
  [
    "kubectl get pod nope",
    ``,
    `Error from server (NotFound): pods "nope" not found
`,
    1,
  ],
  [
    "kubectl get foo",
    ``,
    `error: the server doesn't have a resource type "foo"
`,
    1,
  ],
  [
    "kubectl get pods -n team-a",
    ``,
    `No resources found in team-a namespace.
`,
    0,
  ],
  [
    "kubectl get nodes -o name --no-headers",
    `node/control-plane
node/node-1
node/node-2
node/node-3
`,
    ``,
    0,
  ],
];

describe("kubectl get", () => {
  it.each(CASES)('%s', (line, stdout, stderr, exitCode) => {
    expect(run(line)).toMatchObject({ stdout, stderr, exitCode });
  });
});
