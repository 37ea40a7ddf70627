/**
 * Defaulting: the values the API server fills in when a manifest leaves them out
 * (reference §0, k/k pkg/apis/{core,apps}/v1/defaults.go). Works on a private copy.
 */
import type { KubeObject, PodSpec, Container } from '../api/types';

/** imagePullPolicy default: Always for `:latest` or no tag, else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  const tag = colon < 0 ? 'latest' : image.slice(colon + 1);
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Container): void {
  c.imagePullPolicy ??= c.image ? defaultPullPolicy(c.image) : 'IfNotPresent';
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  // Limits without requests: requests default to the limits.
  if (c.resources.limits) {
    c.resources.requests = { ...c.resources.limits, ...(c.resources.requests ?? {}) };
  }
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
}

/** Fills a pod spec's defaults in place. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  spec.enableServiceLinks ??= true;
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

function defaultTemplate(spec: { template?: { metadata?: object; spec?: PodSpec } }): void {
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}

type Defaulter = (obj: KubeObject) => void;

const DEFAULTERS: Record<string, Defaulter> = {
  Pod(obj) {
    obj.spec ??= {};
    defaultPodSpec(obj.spec);
    // priority and preemptionPolicy come from Priority admission (apiserver/priority.ts).
    obj.status ??= {};
    obj.status.phase ??= 'Pending';
    obj.status.qosClass ??= qosClass(obj.spec);
  },
  ReplicaSet(obj) {
    obj.spec ??= {};
    obj.spec.replicas ??= 1;
    defaultTemplate(obj.spec);
  },
  Deployment(obj) {
    obj.spec ??= {};
    obj.spec.replicas ??= 1;
    obj.spec.strategy ??= {};
    obj.spec.strategy.type ??= 'RollingUpdate';
    if (obj.spec.strategy.type === 'RollingUpdate') {
      obj.spec.strategy.rollingUpdate ??= {};
      obj.spec.strategy.rollingUpdate.maxSurge ??= '25%';
      obj.spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    }
    obj.spec.revisionHistoryLimit ??= 10;
    obj.spec.progressDeadlineSeconds ??= 600;
    defaultTemplate(obj.spec);
  },
  Service(obj) {
    obj.spec ??= {};
    obj.spec.type ??= 'ClusterIP';
    obj.spec.sessionAffinity ??= 'None';
    obj.spec.internalTrafficPolicy ??= 'Cluster';
    if (obj.spec.type === 'NodePort' || obj.spec.type === 'LoadBalancer') obj.spec.externalTrafficPolicy ??= 'Cluster';
    for (const p of obj.spec.ports ?? []) {
      p.protocol ??= 'TCP';
      p.targetPort ??= p.port;
    }
  },
  PriorityClass(obj) {
    obj.preemptionPolicy ??= 'PreemptLowerPriority';
  },
  ReplicationController(obj) {
    obj.spec ??= {};
    obj.spec.replicas ??= 1;
    const labels = obj.spec.template?.metadata?.labels;
    // An RC's selector and labels default to the template's labels.
    if (labels && !obj.spec.selector) obj.spec.selector = { ...labels };
    if (labels && !obj.metadata.labels) obj.metadata.labels = { ...labels };
    defaultTemplate(obj.spec);
  },
  PodTemplate(obj) {
    if (obj.template?.spec) defaultPodSpec(obj.template.spec);
  },
  StatefulSet(obj) {
    obj.spec ??= {};
    obj.spec.replicas ??= 1;
    obj.spec.podManagementPolicy ??= 'OrderedReady';
    obj.spec.updateStrategy ??= {};
    obj.spec.updateStrategy.type ??= 'RollingUpdate';
    if (obj.spec.updateStrategy.type === 'RollingUpdate') {
      obj.spec.updateStrategy.rollingUpdate ??= {};
      obj.spec.updateStrategy.rollingUpdate.partition ??= 0;
    }
    obj.spec.revisionHistoryLimit ??= 10;
    obj.spec.persistentVolumeClaimRetentionPolicy ??= {};
    obj.spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
    obj.spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
    defaultTemplate(obj.spec);
  },
  DaemonSet(obj) {
    obj.spec ??= {};
    obj.spec.updateStrategy ??= {};
    obj.spec.updateStrategy.type ??= 'RollingUpdate';
    if (obj.spec.updateStrategy.type === 'RollingUpdate') {
      obj.spec.updateStrategy.rollingUpdate ??= {};
      obj.spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
      obj.spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
    }
    obj.spec.revisionHistoryLimit ??= 10;
    defaultTemplate(obj.spec);
  },
  Job(obj) {
    obj.spec ??= {};
    defaultJobSpec(obj.spec);
  },
  CronJob(obj) {
    obj.spec ??= {};
    obj.spec.concurrencyPolicy ??= 'Allow';
    obj.spec.suspend ??= false;
    obj.spec.successfulJobsHistoryLimit ??= 3;
    obj.spec.failedJobsHistoryLimit ??= 1;
    if (obj.spec.jobTemplate?.spec) defaultJobSpec(obj.spec.jobTemplate.spec);
  },
  HorizontalPodAutoscaler(obj) {
    obj.spec ??= {};
    obj.spec.minReplicas ??= 1;
    if (!obj.spec.metrics?.length) {
      obj.spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
    }
  },
  Secret(obj) {
    obj.type ??= 'Opaque';
    // stringData is write-only: it is merged into data, base64-encoded, and dropped.
    if (obj.stringData && typeof obj.stringData === 'object') {
      obj.data = { ...(obj.data ?? {}) };
      for (const [k, v] of Object.entries(obj.stringData)) obj.data[k] = base64(String(v));
      delete obj.stringData;
    }
  },
  PersistentVolume(obj) {
    obj.spec ??= {};
    obj.spec.persistentVolumeReclaimPolicy ??= 'Retain';
    obj.spec.volumeMode ??= 'Filesystem';
    obj.status ??= {};
    obj.status.phase ??= 'Pending';
  },
  PersistentVolumeClaim(obj) {
    obj.spec ??= {};
    obj.spec.volumeMode ??= 'Filesystem';
    obj.status ??= {};
    obj.status.phase ??= 'Pending';
  },
  StorageClass(obj) {
    obj.reclaimPolicy ??= 'Delete';
    obj.volumeBindingMode ??= 'Immediate';
  },
  CSIDriver(obj) {
    obj.spec ??= {};
    obj.spec.attachRequired ??= true;
    obj.spec.podInfoOnMount ??= false;
    obj.spec.requiresRepublish ??= false;
    obj.spec.storageCapacity ??= false;
    obj.spec.seLinuxMount ??= false;
    obj.spec.fsGroupPolicy ??= 'ReadWriteOnceWithFSType';
    obj.spec.volumeLifecycleModes ??= ['Persistent'];
  },
  NetworkPolicy(obj) {
    obj.spec ??= {};
    if (!obj.spec.policyTypes?.length) {
      obj.spec.policyTypes = obj.spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
    }
  },
  Namespace(obj) {
    obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
    obj.spec ??= {};
    obj.spec.finalizers ??= ['kubernetes'];
    obj.status ??= {};
    obj.status.phase ??= 'Active';
  },
};

/** Job spec defaults, also used for a CronJob's jobTemplate. */
function defaultJobSpec(spec: Record<string, any>): void { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  defaultTemplate(spec);
}

/** UTF-8 text as base64, as Secret data stores it. */
export function base64(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Applies the kind's defaults to `obj` in place. */
export function applyDefaults(obj: KubeObject): void {
  DEFAULTERS[obj.kind]?.(obj);
}

/** QoS class from requests and limits (reference §4.10). */
export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined || String(req[r] ?? lim[r]) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
