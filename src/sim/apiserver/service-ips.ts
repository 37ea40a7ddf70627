/**
 * ClusterIP and NodePort allocation for Services, as the API server's
 * allocators do on create: ClusterIPs from the service CIDR 10.96.0.0/12
 * (10.96.0.1 is the `kubernetes` Service), node ports from 30000-32767.
 * The first candidate is a hash of the Service's key, so allocation is
 * deterministic and does not draw from the simulation's RNG.
 */
import type { KubeObject } from '../api/types';
import { ApiError, badRequest, invalid } from './errors';
import type { ResourceInfo } from '../api/resources';

/** The service CIDR the simulated cluster uses. */
export const SERVICE_CIDR = '10.96.0.0/12';
/** The ClusterIP of `default/kubernetes`, the first address of the range. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
const BASE = (10 << 24) | (96 << 16);
const SIZE = 1 << 20;
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function ipString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function ipNumber(ip: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) return undefined;
  return ((+m[1] << 24) | (+m[2] << 16) | (+m[3] << 8) | +m[4]) >>> 0;
}

/**
 * Fills spec.clusterIP(s), ipFamilies and node ports of a new Service in place.
 * `services` are the Services already stored.
 */
export function allocateServiceAddresses(svc: KubeObject, services: readonly KubeObject[], info: ResourceInfo): void {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return;
  const usedIps = new Set(services.map((s) => s.spec?.clusterIP).filter(Boolean));
  if (spec.clusterIP && spec.clusterIP !== 'None') {
    const n = ipNumber(spec.clusterIP);
    if (n === undefined || n < BASE >>> 0 || n >= (BASE + SIZE) >>> 0) {
      throw invalid(info, svc.metadata.name, [{ type: 'FieldValueInvalid', field: 'spec.clusterIPs', value: [spec.clusterIP], detail: `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}` }]);
    }
    if (usedIps.has(spec.clusterIP)) {
      throw invalid(info, svc.metadata.name, [{ type: 'FieldValueInvalid', field: 'spec.clusterIPs', value: [spec.clusterIP], detail: `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated` }]);
    }
  } else if (!spec.clusterIP) {
    // Skip the network address and 10.96.0.1; probe linearly from the hashed start.
    const start = hash(`${svc.metadata.namespace}/${svc.metadata.name}`) % (SIZE - 2);
    let ip = '';
    for (let i = 0; i < SIZE - 2; i++) {
      const candidate = ipString((BASE + 2 + ((start + i) % (SIZE - 2))) >>> 0);
      if (!usedIps.has(candidate)) {
        ip = candidate;
        break;
      }
    }
    if (!ip) throw new ApiError({ ...badRequest('').status, code: 500, reason: 'InternalError', message: 'Internal error occurred: failed to allocate a serviceIP: range is full' });
    spec.clusterIP = ip;
  }
  spec.clusterIPs ??= [spec.clusterIP];
  if (spec.clusterIP !== 'None' || spec.selector) {
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    const usedPorts = new Set(services.flatMap((s) => (s.spec?.ports ?? []).map((p: { nodePort?: number }) => p.nodePort)).filter(Boolean));
    (spec.ports ?? []).forEach((p: { nodePort?: number; port: number }, i: number) => {
      if (p.nodePort) {
        if (usedPorts.has(p.nodePort)) {
          throw invalid(info, svc.metadata.name, [{ type: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, value: p.nodePort, detail: 'provided port is already allocated' }]);
        }
      } else {
        const span = NODE_PORT_MAX - NODE_PORT_MIN + 1;
        const start = hash(`${svc.metadata.namespace}/${svc.metadata.name}/${i}`) % span;
        for (let k = 0; k < span; k++) {
          const candidate = NODE_PORT_MIN + ((start + k) % span);
          if (!usedPorts.has(candidate)) {
            p.nodePort = candidate;
            break;
          }
        }
      }
      usedPorts.add(p.nodePort);
    });
  }
}
