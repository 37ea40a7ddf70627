/** kubectl describe (pod, node, deployment) and kubectl events on the scripted nginx cluster. */
import { describe, expect, it } from 'vitest';
import { scenario } from './testing/scenario';

const { run } = scenario();

// Golden outputs, byte for byte as kubectl prints them for this cluster.
const CASES: [line: string, stdout: string, stderr: string, exitCode: number][] = [
  [
    "kubectl describe pod nginx-6466b85b6d-6p68m",
    `Name:             nginx-6466b85b6d-6p68m
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-2/172.18.0.4
Start Time:       Thu, 01 Jan 2026 09:00:30 +0000
Labels:           app=nginx
                  pod-template-hash=6466b85b6d
Annotations:      <none>
Status:           Running
IP:               10.244.2.2
IPs:
  IP:           10.244.2.2
Controlled By:  ReplicaSet/nginx-6466b85b6d
Containers:
  nginx:
    Container ID:   containerd://80d61037d0d50be50ae9f0b8231b1faa098b60a468a4b3014b3318949be10721
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:9e7dd1ee5dd574032c3025f41e30ace9ca38bb028cbd6167c518c0187811a00d
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 09:00:33 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      memory:  256Mi
    Requests:
      cpu:        100m
      memory:     128Mi
    Environment:  <none>
    Mounts:       <none>
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:                      <none>
QoS Class:                    Burstable
Node-Selectors:               <none>
Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  60s   default-scheduler  Successfully assigned default/nginx-6466b85b6d-6p68m to node-2
  Normal  Pulling    60s   kubelet            Pulling image "nginx:1.27"
  Normal  Pulled     57s   kubelet            Successfully pulled image "nginx:1.27" in 2.657s (2.657s including waiting). Image size: 72099410 bytes.
  Normal  Created    57s   kubelet            Created container: nginx
  Normal  Started    57s   kubelet            Started container nginx
`,
    ``,
    0,
  ],
  [
    "kubectl describe node node-1",
    `Name:               node-1
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=node-1
                    kubernetes.io/os=linux
                    topology.kubernetes.io/region=region-1
                    topology.kubernetes.io/zone=zone-a
Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock
                    node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  node-1
  AcquireTime:     <unset>
  RenewTime:       Thu, 01 Jan 2026 09:01:30 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Thu, 01 Jan 2026 09:00:40 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Thu, 01 Jan 2026 09:00:40 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Thu, 01 Jan 2026 09:00:40 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Thu, 01 Jan 2026 09:00:40 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    node-1
Capacity:
  cpu:                4
  ephemeral-storage:  104857600Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             8388608Ki
  pods:               110
Allocatable:
  cpu:                4
  ephemeral-storage:  96636764160
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             8286208Ki
  pods:               110
System Info:
  Machine ID:                 964c2eb843b941e16157d2724fc10063
  System UUID:                964c2eb8-43b9-41e1-6157-d2724fc10063
  Boot ID:                    a9682118-186c-42b2-b33e-00fe79b2819b
  Kernel Version:             6.8.0-51-generic
  OS Image:                   Ubuntu 24.04.1 LTS
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.24
  Kubelet Version:            v1.34.2
  Kube-Proxy Version:         
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
Non-terminated Pods:          (1 in total)
  Namespace                   Name                      CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                      ------------  ----------  ---------------  -------------  ---
  default                     nginx-6466b85b6d-vmr8g    100m (2%)     0 (0%)      128Mi (1%)       256Mi (3%)     60s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests    Limits
  --------           --------    ------
  cpu                100m (2%)   0 (0%)
  memory             128Mi (1%)  256Mi (3%)
  ephemeral-storage  0 (0%)      0 (0%)
  hugepages-1Gi      0 (0%)      0 (0%)
  hugepages-2Mi      0 (0%)      0 (0%)
Events:              <none>
`,
    ``,
    0,
  ],
  [
    "kubectl describe deployment nginx",
    `Name:                   nginx
Namespace:              default
CreationTimestamp:      Thu, 01 Jan 2026 09:00:30 +0000
Labels:                 app=nginx
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=nginx
Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=nginx
  Containers:
   nginx:
    Image:      nginx:1.27
    Port:       80/TCP
    Host Port:  0/TCP
    Limits:
      memory:  256Mi
    Requests:
      cpu:         100m
      memory:      128Mi
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   nginx-6466b85b6d (3/3 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  60s   deployment-controller  Scaled up replica set nginx-6466b85b6d from 0 to 3
`,
    ``,
    0,
  ],
  [
    "kubectl describe pod nope",
    ``,
    `Error from server (NotFound): pods "nope" not found
`,
    1,
  ],
  [
    "kubectl events",
    `LAST SEEN   TYPE     REASON              OBJECT                        MESSAGE
60s         Normal   ScalingReplicaSet   Deployment/nginx              Scaled up replica set nginx-6466b85b6d from 0 to 3
60s         Normal   SuccessfulCreate    ReplicaSet/nginx-6466b85b6d   Created pod: nginx-6466b85b6d-6p68m
60s         Normal   SuccessfulCreate    ReplicaSet/nginx-6466b85b6d   Created pod: nginx-6466b85b6d-ntdgx
60s         Normal   SuccessfulCreate    ReplicaSet/nginx-6466b85b6d   Created pod: nginx-6466b85b6d-vmr8g
60s         Normal   Scheduled           Pod/nginx-6466b85b6d-6p68m    Successfully assigned default/nginx-6466b85b6d-6p68m to node-2
60s         Normal   Scheduled           Pod/nginx-6466b85b6d-vmr8g    Successfully assigned default/nginx-6466b85b6d-vmr8g to node-1
60s         Normal   Scheduled           Pod/nginx-6466b85b6d-ntdgx    Successfully assigned default/nginx-6466b85b6d-ntdgx to node-3
60s         Normal   Pulling             Pod/nginx-6466b85b6d-vmr8g    Pulling image "nginx:1.27"
60s         Normal   Pulling             Pod/nginx-6466b85b6d-6p68m    Pulling image "nginx:1.27"
59s         Normal   Pulling             Pod/nginx-6466b85b6d-ntdgx    Pulling image "nginx:1.27"
58s         Normal   Pulled              Pod/nginx-6466b85b6d-vmr8g    Successfully pulled image "nginx:1.27" in 2.082s (2.082s including waiting). Image size: 72099410 bytes.
58s         Normal   Created             Pod/nginx-6466b85b6d-vmr8g    Created container: nginx
58s         Normal   Started             Pod/nginx-6466b85b6d-vmr8g    Started container nginx
57s         Normal   Pulled              Pod/nginx-6466b85b6d-6p68m    Successfully pulled image "nginx:1.27" in 2.657s (2.657s including waiting). Image size: 72099410 bytes.
57s         Normal   Created             Pod/nginx-6466b85b6d-6p68m    Created container: nginx
57s         Normal   Started             Pod/nginx-6466b85b6d-6p68m    Started container nginx
57s         Normal   Pulled              Pod/nginx-6466b85b6d-ntdgx    Successfully pulled image "nginx:1.27" in 2.775s (2.775s including waiting). Image size: 72099410 bytes.
57s         Normal   Created             Pod/nginx-6466b85b6d-ntdgx    Created container: nginx
56s         Normal   Started             Pod/nginx-6466b85b6d-ntdgx    Started container nginx
`,
    ``,
    0,
  ],
  [
    "kubectl events --for deployment/nginx",
    `LAST SEEN   TYPE     REASON              OBJECT             MESSAGE
60s         Normal   ScalingReplicaSet   Deployment/nginx   Scaled up replica set nginx-6466b85b6d from 0 to 3
`,
    ``,
    0,
  ],
];

describe("kubectl describe and events", () => {
  it.each(CASES)('%s', (line, stdout, stderr, exitCode) => {
    expect(run(line)).toMatchObject({ stdout, stderr, exitCode });
  });
});
