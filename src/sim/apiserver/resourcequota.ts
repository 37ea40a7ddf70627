/**
 * The ResourceQuota admission plugin: a new object that would take a
 * namespace's usage over a quota's hard limits is rejected with 403
 * `exceeded quota: <name>, requested: ..., used: ..., limited: ...`. Usage is
 * computed from the stored objects, which is what the quota controller
 * would have recorded in status.used.
 */
import type { KubeObject, Container } from '../api/types';
import { cpuMillis, formatBytes, formatCpu, parseQuantity, units } from '../api/quantity';
import { qualifiedResource, resourceForKind } from '../api/resources';

type Usage = Record<string, number>;

/** Resources tracked as CPU (millicores) and printed as quantities. */
const CPU = new Set(['cpu', 'requests.cpu', 'limits.cpu']);
const BYTES = new Set(['memory', 'requests.memory', 'limits.memory', 'requests.storage', 'requests.ephemeral-storage', 'limits.ephemeral-storage']);

/** Object-count resources with a legacy name. */
const LEGACY_COUNT: Record<string, string> = {
  Pod: 'pods', Service: 'services', ConfigMap: 'configmaps', Secret: 'secrets', PersistentVolumeClaim: 'persistentvolumeclaims',
  ReplicationController: 'replicationcontrollers', ResourceQuota: 'resourcequotas',
};

function podSum(pod: KubeObject, kind: 'requests' | 'limits', r: 'cpu' | 'memory'): number {
  const containers: Container[] = pod.spec?.containers ?? [];
  const total = containers.reduce((acc, c) => acc + (r === 'cpu' ? cpuMillis(c.resources?.[kind]?.[r]) : units(c.resources?.[kind]?.[r])), 0);
  // Init containers run one at a time: the pod needs the largest of them or the app total.
  const init = (pod.spec?.initContainers ?? []).map((c: Container) => (r === 'cpu' ? cpuMillis(c.resources?.[kind]?.[r]) : units(c.resources?.[kind]?.[r])));
  return Math.max(total, ...init);
}

/** What one object adds to each quota resource. */
export function usageOf(obj: KubeObject): Usage {
  const u: Usage = {};
  const info = resourceForKind(obj.kind);
  if (info) u[`count/${qualifiedResource(info)}`] = 1;
  if (LEGACY_COUNT[obj.kind]) u[LEGACY_COUNT[obj.kind]] = 1;
  if (obj.kind === 'Pod') {
    if (obj.status?.phase === 'Succeeded' || obj.status?.phase === 'Failed') return {};
    u['requests.cpu'] = u.cpu = podSum(obj, 'requests', 'cpu');
    u['requests.memory'] = u.memory = podSum(obj, 'requests', 'memory');
    u['limits.cpu'] = podSum(obj, 'limits', 'cpu');
    u['limits.memory'] = podSum(obj, 'limits', 'memory');
  }
  if (obj.kind === 'Service') {
    if (obj.spec?.type === 'NodePort' || obj.spec?.type === 'LoadBalancer') u['services.nodeports'] = (obj.spec?.ports ?? []).length;
    if (obj.spec?.type === 'LoadBalancer') u['services.loadbalancers'] = 1;
  }
  if (obj.kind === 'PersistentVolumeClaim') u['requests.storage'] = units(obj.spec?.resources?.requests?.storage);
  return u;
}

function format(r: string, v: number): string {
  if (CPU.has(r)) return formatCpu(v);
  if (BYTES.has(r)) return formatBytes(v);
  return String(v);
}

function hardValue(r: string, q: string | number): number {
  return CPU.has(r) ? cpuMillis(q) : parseQuantity(q);
}

function pretty(list: Usage): string {
  return Object.keys(list).sort().map((r) => `${r}=${format(r, list[r])}`).join(',');
}

/** Containers missing a request or limit a quota constrains: `must specify limits.cpu for: app; ...`. */
function missingResources(pod: KubeObject, hard: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  for (const r of Object.keys(hard).sort()) {
    const m = /^(requests|limits)\.(cpu|memory)$/.exec(r) ?? (r === 'cpu' || r === 'memory' ? [r, 'requests', r] : null);
    if (!m) continue;
    const names = (pod.spec?.containers ?? []).filter((c: Container) => c.resources?.[m[1] as 'requests' | 'limits']?.[m[2]] === undefined).map((c: Container) => c.name);
    if (names.length) parts.push(`${r} for: ${names.join(',')}`);
  }
  return parts.length ? `must specify ${parts.join('; ')}` : undefined;
}

/**
 * Checks `obj` against the namespace's quotas. Returns the Forbidden reason
 * (`exceeded quota: ...` or `failed quota: ...`), or undefined when admitted.
 * `existing` lists the stored objects of the namespace by kind.
 */
export function quotaViolation(obj: KubeObject, quotas: readonly KubeObject[], existing: (kind: string) => readonly KubeObject[]): string | undefined {
  const requested = usageOf(obj);
  for (const quota of [...quotas].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
    const hard: Record<string, string | number> = quota.spec?.hard ?? {};
    if (obj.kind === 'Pod') {
      const missing = missingResources(obj, hard);
      if (missing) return `failed quota: ${quota.metadata.name}: ${missing}`;
    }
    const failedReq: Usage = {};
    const failedUsed: Usage = {};
    const failedHard: Usage = {};
    for (const [r, q] of Object.entries(hard)) {
      if (requested[r] === undefined) continue;
      const kind = r.startsWith('count/') || LEGACY_COUNT[obj.kind] === r ? obj.kind : r.includes('storage') ? 'PersistentVolumeClaim' : obj.kind;
      const used = existing(kind).reduce((acc, o) => acc + (usageOf(o)[r] ?? 0), 0);
      const limit = hardValue(r, q);
      if (used + requested[r] > limit) {
        failedReq[r] = requested[r];
        failedUsed[r] = used;
        failedHard[r] = limit;
      }
    }
    if (Object.keys(failedReq).length) {
      return `exceeded quota: ${quota.metadata.name}, requested: ${pretty(failedReq)}, used: ${pretty(failedUsed)}, limited: ${pretty(failedHard)}`;
    }
  }
  return undefined;
}
