/**
 * Services as `kubectl create service <type>` (create_service.go) and
 * `kubectl expose` build them.
 */
import type { KubeObject } from '../../api/types';
import { UsageError } from '../flags';

/** The `--tcp` port pairs of `kubectl create service`: `80` or `80:8080`. */
export function parseTcpPorts(pairs: string[]): { name: string; port: number; targetPort: number | string; protocol: 'TCP' }[] {
  return pairs.map((pair) => {
    const [portText, targetText] = pair.split(':');
    const port = Number(portText);
    if (!/^\d+$/.test(portText ?? '')) throw new UsageError(`error: strconv.Atoi: parsing "${portText}": invalid syntax`);
    const target = targetText === undefined ? port : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
    return { name: `${portText}-${targetText ?? portText}`, port, targetPort: target, protocol: 'TCP' as const };
  });
}

/** What `kubectl create service` was given. */
export interface CreateServiceParams {
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  name: string;
  tcp: string[];
  nodePort?: number;
  clusterIP?: string;
  externalName?: string;
}

/** The Service of `kubectl create service`: selector and label `app=<name>`. */
export function buildService(p: CreateServiceParams): KubeObject {
  const labels = { app: p.name };
  const ports = parseTcpPorts(p.tcp);
  if (p.nodePort && ports.length) Object.assign(ports[0], { nodePort: p.nodePort });
  const spec: Record<string, unknown> = { ports, selector: { ...labels }, type: p.type };
  if (p.clusterIP) spec.clusterIP = p.clusterIP;
  if (p.type === 'ExternalName') {
    spec.externalName = p.externalName;
    delete spec.selector;
  }
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: p.name, labels }, spec };
}

/** What `kubectl expose` was given, with the selector and ports it found on the object. */
export interface ExposeParams {
  name: string;
  selector: Record<string, string>;
  labels?: Record<string, string>;
  ports: { port: number; name?: string; protocol?: string }[];
  targetPort?: string;
  type?: string;
  protocol?: string;
  clusterIP?: string;
}

/** The Service of `kubectl expose` (the service/v2 generator). */
export function buildExposedService(p: ExposeParams): KubeObject {
  const multiple = p.ports.length > 1;
  const ports = p.ports.map((port, i) => {
    const out: Record<string, unknown> = {};
    if (multiple) out.name = port.name || `port-${i + 1}`;
    out.port = port.port;
    out.protocol = p.protocol || port.protocol || 'TCP';
    const target = p.targetPort ?? String(port.port);
    out.targetPort = /^\d+$/.test(target) ? Number(target) : target;
    return out;
  });
  const spec: Record<string, unknown> = { ports, selector: p.selector };
  if (p.type) spec.type = p.type;
  if (p.clusterIP) spec.clusterIP = p.clusterIP;
  const metadata: KubeObject['metadata'] = { name: p.name };
  if (p.labels && Object.keys(p.labels).length) metadata.labels = p.labels;
  return { apiVersion: 'v1', kind: 'Service', metadata, spec };
}
