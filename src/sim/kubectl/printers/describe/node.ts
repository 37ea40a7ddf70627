/** `kubectl describe node` (describeNode, describeNodeResource). */
import type { KubeObject } from '../../../api/types';
import { cpuMillis, formatBytes, formatCpu, units } from '../../../api/quantity';
import { since } from '../columns';
import { nodeRoles } from '../kinds/node';
import { describeEvents, eventsFor } from './events';
import { annotationsMultiline, DescribeWriter, labelsMultiline, rfc1123z, taintString, type DescribeSource } from './writer';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The requests and limits of a pod: containers summed, the largest init container if bigger, plus overhead. */
export function podRequestsAndLimits(pod: KubeObject): { requests: Record<string, number>; limits: Record<string, number> } {
  const sum = (which: 'requests' | 'limits') => {
    const total: Record<string, number> = {};
    const add = (r: Record<string, string> | undefined, into: Record<string, number>) => {
      for (const [k, v] of Object.entries(r ?? {})) into[k] = (into[k] ?? 0) + (k === 'cpu' ? cpuMillis(v) : units(v));
    };
    for (const c of pod.spec?.containers ?? []) add(c.resources?.[which], total);
    for (const c of pod.spec?.initContainers ?? []) {
      const one: Record<string, number> = {};
      add(c.resources?.[which], one);
      for (const [k, v] of Object.entries(one)) total[k] = Math.max(total[k] ?? 0, v);
    }
    add(pod.spec?.overhead, total);
    return total;
  };
  return { requests: sum('requests'), limits: sum('limits') };
}

function quantity(resource: string, value: number): string {
  if (resource === 'cpu') return formatCpu(value);
  return value === 0 ? '0' : formatBytes(value);
}

function pct(value: number, total: number): number {
  return total ? Math.trunc((value / total) * 100) : 0;
}

/** The describe text of a node. */
export function describeNode(node: KubeObject, src: DescribeSource, w: DescribeWriter): string {
  const status = node.status ?? {};
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  const taints: any[] = [...(node.spec?.taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  w.write(0, 'Taints:\t');
  if (!taints.length) w.line('<none>');
  taints.forEach((t, i) => w.write(0, `${i ? '\t' : ''}${taintString(t)}\n`));
  w.write(0, `Unschedulable:\t${!!node.spec?.unschedulable}\n`);
  const lease = src.get('Lease', 'kube-node-lease', node.metadata.name);
  if (lease) {
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
    w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
    w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  } else w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata.name}" not found\n`);
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions) {
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    const keys = Object.keys(list ?? {}).sort();
    if (!keys.length) continue;
    w.write(0, `${title}:\n`);
    for (const k of keys) w.write(0, `  ${k}:\t${list[k]}\n`);
  }
  const info = status.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  const sys: [string, string][] = [
    ['Machine ID', info.machineID], ['System UUID', info.systemUUID], ['Boot ID', info.bootID], ['Kernel Version', info.kernelVersion],
    ['OS Image', info.osImage], ['Operating System', info.operatingSystem], ['Architecture', info.architecture],
    ['Container Runtime Version', info.containerRuntimeVersion], ['Kubelet Version', info.kubeletVersion], ['Kube-Proxy Version', info.kubeProxyVersion],
  ];
  for (const [k, v] of sys) w.write(0, `  ${k}:\t${v ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);

  const pods = src
    .list('Pod')
    .filter((p) => p.spec?.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  const alloc = Object.keys(status.allocatable ?? {}).length ? status.allocatable : status.capacity ?? {};
  const allocCpu = cpuMillis(alloc.cpu ?? '0');
  const allocMem = units(alloc.memory ?? '0');
  const allocEph = units(alloc['ephemeral-storage'] ?? '0');
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totals = { requests: {} as Record<string, number>, limits: {} as Record<string, number> };
  for (const p of pods) {
    const { requests, limits } = podRequestsAndLimits(p);
    for (const [k, v] of Object.entries(requests)) totals.requests[k] = (totals.requests[k] ?? 0) + v;
    for (const [k, v] of Object.entries(limits)) totals.limits[k] = (totals.limits[k] ?? 0) + v;
    const cell = (r: string, v: number, total: number) => `${quantity(r, v)} (${pct(v, total)}%)`;
    w.write(1, `${p.metadata.namespace}\t${p.metadata.name}\t\t${cell('cpu', requests.cpu ?? 0, allocCpu)}\t${cell('cpu', limits.cpu ?? 0, allocCpu)}\t${cell('memory', requests.memory ?? 0, allocMem)}\t${cell('memory', limits.memory ?? 0, allocMem)}\t${since(w.ctx, p.metadata.creationTimestamp)}\n`);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const row = (r: string, total: number) => {
    const req = totals.requests[r] ?? 0;
    const lim = totals.limits[r] ?? 0;
    w.write(1, `${r}\t${quantity(r, req)} (${pct(req, total)}%)\t${quantity(r, lim)} (${pct(lim, total)}%)\n`);
  };
  row('cpu', allocCpu);
  row('memory', allocMem);
  row('ephemeral-storage', allocEph);
  for (const hp of Object.keys(alloc).filter((k) => k.startsWith('hugepages-')).sort()) row(hp, units(alloc[hp]));
  describeEvents(w, eventsFor(src, node));
  return w.toString();
}
