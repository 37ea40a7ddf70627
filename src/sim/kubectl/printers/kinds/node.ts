/** `kubectl get nodes` (printNode, reference §6.2). */
import type { KubeObject } from '../../../api/types';
import { AGE, type KindPrinter } from '../columns';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** STATUS: Ready/NotReady from the Ready condition, `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: KubeObject): string {
  const ready = (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** The node's roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, sorted. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

function address(node: KubeObject, type: string): string {
  return (node.status?.addresses ?? []).find((a: any) => a.type === type)?.address ?? '<none>';
}

function info(node: KubeObject, field: string): string {
  return node.status?.nodeInfo?.[field] || '<unknown>';
}

/** Nodes: NAME STATUS ROLES AGE VERSION, wide INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME. */
export const nodePrinter: KindPrinter = {
  kind: 'Node',
  columns: [
    { header: 'STATUS', cell: nodeStatus },
    { header: 'ROLES', cell: (n) => nodeRoles(n).join(',') || '<none>' },
    AGE,
    { header: 'VERSION', cell: (n) => n.status?.nodeInfo?.kubeletVersion ?? '' },
    { header: 'INTERNAL-IP', wide: true, cell: (n) => address(n, 'InternalIP') },
    { header: 'EXTERNAL-IP', wide: true, cell: (n) => address(n, 'ExternalIP') },
    { header: 'OS-IMAGE', wide: true, cell: (n) => info(n, 'osImage') },
    { header: 'KERNEL-VERSION', wide: true, cell: (n) => info(n, 'kernelVersion') },
    { header: 'CONTAINER-RUNTIME', wide: true, cell: (n) => info(n, 'containerRuntimeVersion') },
  ],
};
