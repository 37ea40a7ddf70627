/**
 * The Node object a kubelet registers and the status it reports (reference
 * §4.8, §4.9): capacity and allocatable, the four kubelet conditions, addresses,
 * nodeInfo and the images on the machine.
 */
import { units } from '../api/quantity';
import type { NodeCondition } from '../api/types';
import type { NodeConfig } from '../cluster';
import { stableHash } from '../runtime/images';

/** Versions the simulated nodes run. */
export const KUBELET_VERSION = 'v1.34.2';
export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.24';
export const OS_IMAGE = 'Ubuntu 24.04.1 LTS';
export const KERNEL_VERSION = '6.8.0-51-generic';

/** Hard eviction threshold reserved from memory: 100Mi (§4.9). */
const EVICTION_MEMORY_BYTES = 100 * 2 ** 20;
/** Node filesystem size, 100Gi; 10 % of it is the nodefs eviction threshold. */
const EPHEMERAL_STORAGE_BYTES = 100 * 2 ** 30;

/** At most 50 images in status.images (nodeStatusMaxImages). */
const MAX_IMAGES = 50;

/** The node's number in the cluster: 0 for the control plane, N for `node-N`, a stable hash otherwise. */
export function nodeIndex(node: NodeConfig): number {
  const m = /(\d+)$/.exec(node.name);
  if (m && Number(m[1]) < 200) return Number(m[1]);
  if (node.controlPlane) return 0;
  return 200 + (stableHash(node.name) % 50);
}

/** The node's InternalIP on the cluster network, 172.18.0.<index+2>. */
export function nodeInternalIP(node: NodeConfig): string {
  return `172.18.0.${nodeIndex(node) + 2}`;
}

/** The node's pod CIDR, 10.244.<index>.0/24 (kubeadm's default pod network). */
export function nodePodCIDR(node: NodeConfig): string {
  return `10.244.${nodeIndex(node)}.0/24`;
}

/** An image on the node, as status.images lists it. */
export interface NodeImage {
  names: string[];
  sizeBytes: number;
}

/** capacity and allocatable for the node (§4.9). */
export function nodeResources(node: NodeConfig): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const memKi = Math.floor(units(node.memory) / 1024);
  const storageKi = EPHEMERAL_STORAGE_BYTES / 1024;
  const common = { cpu: String(node.cpu), 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', pods: String(node.pods) };
  return {
    capacity: { ...common, 'ephemeral-storage': `${storageKi}Ki`, memory: `${memKi}Ki` },
    allocatable: {
      ...common,
      'ephemeral-storage': String(Math.floor(EPHEMERAL_STORAGE_BYTES * 0.9)),
      memory: `${memKi - EVICTION_MEMORY_BYTES / 1024}Ki`,
    },
  };
}

/** The healthy conditions a kubelet posts (§4.8), in the kubelet's order. */
const HEALTHY: { type: string; status: string; reason: string; message: string }[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];

/**
 * The kubelet's conditions at `now`: lastTransitionTime is kept from `previous`
 * when the status did not change (a node coming back from Unknown transitions).
 */
export function nodeConditions(previous: NodeCondition[] | undefined, now: string): NodeCondition[] {
  return HEALTHY.map((c) => {
    const old = previous?.find((p) => p.type === c.type);
    const lastTransitionTime = old && old.status === c.status && old.lastTransitionTime ? old.lastTransitionTime : now;
    return { ...c, lastHeartbeatTime: now, lastTransitionTime };
  });
}

/** Identity of the machine: stable ids from the name, a new bootID per boot. */
export interface MachineIdentity {
  machineID: string;
  systemUUID: string;
  bootID: string;
}

/** The full node status the kubelet reports. */
export function nodeStatus(node: NodeConfig, identity: MachineIdentity, previous: NodeCondition[] | undefined, images: NodeImage[], now: string): Record<string, unknown> {
  const { capacity, allocatable } = nodeResources(node);
  return {
    capacity,
    allocatable,
    conditions: nodeConditions(previous, now),
    addresses: [
      { type: 'InternalIP', address: nodeInternalIP(node) },
      { type: 'Hostname', address: node.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: identity.machineID,
      systemUUID: identity.systemUUID,
      bootID: identity.bootID,
      kernelVersion: KERNEL_VERSION,
      osImage: OS_IMAGE,
      containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
      kubeletVersion: KUBELET_VERSION,
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
    images: [...images].sort((a, b) => b.sizeBytes - a.sizeBytes || a.names[0].localeCompare(b.names[0])).slice(0, MAX_IMAGES),
  };
}

/** Annotations kubeadm and the kubelet put on a node. */
export const NODE_ANNOTATIONS: Record<string, string> = {
  'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
  'node.alpha.kubernetes.io/ttl': '0',
  'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
};
