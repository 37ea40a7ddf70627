/** `kubectl describe` for services, namespaces, configmaps and secrets. */
import type { KubeObject } from '../../../api/types';
import { formatMap } from '../columns';
import { describeEvents, eventsFor } from './events';
import { annotationsMultiline, DescribeWriter, labelsMultiline, type DescribeSource } from './writer';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Ready endpoints of a service port from its EndpointSlices: up to 3 `ip:port`, then ` + N more...`. */
function endpointsFor(src: DescribeSource, svc: KubeObject, portName: string | undefined): string {
  const slices = src.list('EndpointSlice', svc.metadata.namespace).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
  if (!slices.length) {
    // Without EndpointSlices, fall back to the Endpoints object.
    const ep = src.get('Endpoints', svc.metadata.namespace, svc.metadata.name);
    if (!ep?.subsets?.length) return '<none>';
    const list = ep.subsets.flatMap((s: any) => (s.ports ?? []).filter((p: any) => (p.name ?? '') === (portName ?? '')).flatMap((p: any) => (s.addresses ?? []).map((a: any) => `${a.ip}:${p.port}`)));
    return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
  }
  const list: string[] = [];
  for (const s of slices) {
    for (const p of s.ports ?? []) {
      if ((p.name ?? '') !== (portName ?? '')) continue;
      for (const e of s.endpoints ?? []) if (e.conditions?.ready !== false) list.push(`${e.addresses[0]}:${p.port}`);
    }
  }
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

/** The describe text of a service. */
export function describeService(svc: KubeObject, src: DescribeSource, w: DescribeWriter): string {
  const spec = svc.spec ?? {};
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', svc.metadata.labels);
  annotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatMap(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress: any[] = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname).join(', ')}\n`);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${endpointsFor(src, svc, p.name)}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  describeEvents(w, eventsFor(src, svc));
  return w.toString();
}

/** The describe text of a namespace, with its quotas and limit ranges. */
export function describeNamespace(ns: KubeObject, src: DescribeSource, w: DescribeWriter): string {
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const quotas = src.list('ResourceQuota', ns.metadata.name);
  w.write(0, '\n');
  if (!quotas.length) w.write(0, 'No resource quota.\n');
  else {
    w.write(0, 'Resource Quotas\n');
    for (const q of quotas) {
      w.write(1, `Name:\t${q.metadata.name}\n`);
      w.write(1, 'Resource\tUsed\tHard\n');
      w.write(1, '--------\t---\t---\n');
      for (const r of Object.keys(q.status?.hard ?? {}).sort()) w.write(1, `${r}\t${q.status?.used?.[r] ?? '0'}\t${q.status.hard[r]}\n`);
    }
  }
  const limits = src.list('LimitRange', ns.metadata.name);
  w.write(0, '\n');
  if (!limits.length) w.write(0, 'No LimitRange resource.\n');
  else {
    w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    for (const lr of limits) {
      for (const item of lr.spec?.limits ?? []) {
        const names = new Set<string>();
        for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) for (const k of Object.keys(item[f] ?? {})) names.add(k);
        for (const k of names) {
          const v = (f: string) => item[f]?.[k] ?? '-';
          w.write(0, ` ${item.type}\t${k}\t${v('min')}\t${v('max')}\t${v('defaultRequest')}\t${v('default')}\t${v('maxLimitRequestRatio')}\n`);
        }
      }
    }
  }
  return w.toString();
}

/** The describe text of a configmap: each key, `----`, its value. */
export function describeConfigMap(cm: KubeObject, src: DescribeSource, w: DescribeWriter): string {
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', cm.metadata.labels);
  annotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${cm.data[k]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${k}: ${atobLength(cm.binaryData[k])} bytes\n`);
  w.write(0, '\n');
  describeEvents(w, eventsFor(src, cm));
  return w.toString();
}

function atobLength(b64: string): number {
  const clean = String(b64).replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

/** The describe text of a secret: sizes only, never values (except a service-account token). */
export function describeSecret(s: KubeObject, _src: DescribeSource, w: DescribeWriter): string {
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', s.metadata.labels);
  annotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(0, `\nType:\t${s.type ?? 'Opaque'}\n`);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(s.data ?? {}).sort()) w.write(0, `${k}:\t${atobLength(s.data[k])} bytes\n`);
  return w.toString();
}
