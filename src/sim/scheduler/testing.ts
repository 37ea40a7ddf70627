/**
 * Builders for scheduler tests (after k/k pkg/scheduler/testing/wrappers.go):
 * small Node and Pod objects with just the fields the scheduler reads.
 */
import type { Node, Pod, Taint, Toleration } from '../api/types';

/** Options for a test node. */
export interface TestNodeOptions {
  cpu?: string;
  memory?: string;
  pods?: number;
  ephemeralStorage?: string;
  extra?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  ready?: boolean;
  labels?: Record<string, string>;
}

/** A Ready node with `status.allocatable` (default 4 cpu, 8Gi, 110 pods). */
export function testNode(name: string, opts: TestNodeOptions = {}): Node {
  const allocatable: Record<string, string> = {
    cpu: opts.cpu ?? '4',
    memory: opts.memory ?? '8Gi',
    pods: String(opts.pods ?? 110),
    'ephemeral-storage': opts.ephemeralStorage ?? '100Gi',
    ...(opts.extra ?? {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(opts.labels ?? {}) } },
    spec: { ...(opts.taints ? { taints: opts.taints } : {}), ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: {
      capacity: { ...allocatable },
      allocatable,
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
    },
  };
}

/** Options for a test pod. */
export interface TestPodOptions {
  namespace?: string;
  /** Requests of its single container, e.g. `{cpu: '500m', memory: '128Mi'}`. */
  requests?: Record<string, string>;
  /** Requests of each container when it has several. */
  containers?: Record<string, string>[];
  initContainers?: Record<string, string>[];
  tolerations?: Toleration[];
  priority?: number;
  nodeName?: string;
  schedulerName?: string;
  phase?: string;
  labels?: Record<string, string>;
}

/** A pod with one container per requests entry. */
export function testPod(name: string, opts: TestPodOptions = {}): Pod {
  const containerReqs = opts.containers ?? [opts.requests ?? {}];
  const container = (requests: Record<string, string>, i: number, prefix: string) => ({
    name: `${prefix}${i}`,
    image: 'nginx:1.27',
    resources: Object.keys(requests).length ? { requests } : {},
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.namespace ?? 'default', ...(opts.labels ? { labels: opts.labels } : {}) },
    spec: {
      containers: containerReqs.map((r, i) => container(r, i, 'c')),
      ...(opts.initContainers ? { initContainers: opts.initContainers.map((r, i) => container(r, i, 'init')) } : {}),
      ...(opts.tolerations ? { tolerations: opts.tolerations } : {}),
      ...(opts.priority !== undefined ? { priority: opts.priority } : {}),
      ...(opts.nodeName ? { nodeName: opts.nodeName } : {}),
      ...(opts.schedulerName ? { schedulerName: opts.schedulerName } : {}),
    },
    status: { phase: opts.phase ?? 'Pending' },
  };
}
