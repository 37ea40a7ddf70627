/** `kubectl get` for services, endpoints, endpointslices, ingresses and network policies (reference §6.2). */
import type { KubeObject } from '../../../api/types';
import { selectorToString } from '../../../api/selectors';
import { AGE, formatMap, type Column, type KindPrinter } from '../columns';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** LoadBalancer ingress IPs/hostnames, sorted and de-duplicated, cut to 16 characters unless wide. */
function loadBalancerAddress(ingress: any[] | undefined, wide: boolean): string {
  const all = [...new Set((ingress ?? []).map((i) => i.ip || i.hostname).filter(Boolean))].sort();
  const s = all.join(',');
  return !wide && s.length > 16 ? `${s.slice(0, 13)}...` : s;
}

function externalIp(svc: KubeObject, wide: boolean): string {
  const external: string[] = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'LoadBalancer': {
      const lb = loadBalancerAddress(svc.status?.loadBalancer?.ingress, wide);
      const all = [lb, ...external].filter(Boolean).join(',');
      return all || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return external.length ? external.join(',') : '<none>';
  }
}

/** PORT(S): `80/TCP`, `80:31234/TCP`, joined with commas. */
export function servicePorts(svc: KubeObject): string {
  const ports: any[] = svc.spec?.ports ?? [];
  if (!ports.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

/** Services: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, wide SELECTOR. */
export const servicePrinter: KindPrinter = {
  kind: 'Service',
  columns: [
    { header: 'TYPE', cell: (s) => s.spec?.type ?? 'ClusterIP' },
    { header: 'CLUSTER-IP', cell: (s) => s.spec?.clusterIPs?.[0] ?? s.spec?.clusterIP ?? '<none>' },
    { header: 'EXTERNAL-IP', cell: (s, ctx) => externalIp(s, !!ctx.wide) },
    { header: 'PORT(S)', cell: servicePorts },
    AGE,
    { header: 'SELECTOR', wide: true, cell: (s) => formatMap(s.spec?.selector) },
  ],
};

/** ENDPOINTS: up to 3 `ip:port`, then ` + N more...`; `<none>` when there are no subsets. */
export function formatEndpoints(ep: KubeObject): string {
  const list: string[] = [];
  let count = 0;
  for (const subset of ep.subsets ?? []) {
    const ports: any[] = subset.ports?.length ? subset.ports : [undefined];
    for (const port of ports) {
      for (const addr of subset.addresses ?? []) {
        count++;
        if (list.length < 3) list.push(port ? `${addr.ip}:${port.port}` : addr.ip);
      }
    }
  }
  if (!count) return (ep.subsets ?? []).length ? '' : '<none>';
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

/** Endpoints: NAME ENDPOINTS AGE. */
export const endpointsPrinter: KindPrinter = { kind: 'Endpoints', columns: [{ header: 'ENDPOINTS', cell: formatEndpoints }, AGE] };

function sliceEndpoints(s: KubeObject): string {
  const addrs: string[] = (s.endpoints ?? []).flatMap((e: any) => e.addresses ?? []);
  if (!addrs.length) return '<unset>';
  return addrs.length > 3 ? `${addrs.slice(0, 3).join(',')} + ${addrs.length - 3} more...` : addrs.join(',');
}

/** EndpointSlices: NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSlicePrinter: KindPrinter = {
  kind: 'EndpointSlice',
  columns: [
    { header: 'ADDRESSTYPE', cell: (s) => s.addressType ?? '' },
    { header: 'PORTS', cell: (s) => ((s.ports ?? []).length ? s.ports.map((p: any) => p.port ?? '<unset>').join(',') : '<unset>') },
    { header: 'ENDPOINTS', cell: sliceEndpoints },
    AGE,
  ],
};

function ingressHosts(ing: KubeObject): string {
  const hosts: string[] = (ing.spec?.rules ?? []).map((r: any) => r.host).filter(Boolean);
  if (!hosts.length) return '*';
  return hosts.length > 3 ? `${hosts.slice(0, 3).join(',')} + ${hosts.length - 3} more...` : hosts.join(',');
}

const INGRESS_ADDRESS: Column = { header: 'ADDRESS', cell: (i, ctx) => loadBalancerAddress(i.status?.loadBalancer?.ingress, !!ctx.wide) };

/** Ingresses: NAME CLASS HOSTS ADDRESS PORTS AGE. */
export const ingressPrinter: KindPrinter = {
  kind: 'Ingress',
  columns: [
    { header: 'CLASS', cell: (i) => i.spec?.ingressClassName || '<none>' },
    { header: 'HOSTS', cell: ingressHosts },
    INGRESS_ADDRESS,
    { header: 'PORTS', cell: (i) => ((i.spec?.tls ?? []).length ? '80, 443' : '80') },
    AGE,
  ],
};

/** NetworkPolicies: NAME POD-SELECTOR AGE. */
export const networkPolicyPrinter: KindPrinter = {
  kind: 'NetworkPolicy',
  columns: [{ header: 'POD-SELECTOR', cell: (n) => { const s = selectorToString(n.spec?.podSelector); return s === '<none>' ? '<none>' : s; } }, AGE],
};

