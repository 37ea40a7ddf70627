/**
 * The scale subresource: an autoscaling/v1 Scale view of a Deployment,
 * ReplicaSet, StatefulSet or ReplicationController (what `kubectl scale` and
 * the HPA read and write).
 */
import type { KubeObject } from '../api/types';
import type { ResourceInfo } from '../api/resources';
import type { FieldError } from './errors';

/** autoscaling/v1 Scale. */
export interface Scale {
  apiVersion: 'autoscaling/v1';
  kind: 'Scale';
  metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string; creationTimestamp?: string };
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

/** How errors name the Scale kind: `Scale.autoscaling "web" is invalid`. */
export const scaleInfo: ResourceInfo = {
  kind: 'Scale', group: 'autoscaling', version: 'v1', resource: 'scale', namespaced: true, shortNames: [], verbs: [], categories: [], subresources: [],
};

/** The label selector as a string: `app=web,tier in (a,b)`, or a map selector as `a=b`. */
function selectorString(sel: unknown): string | undefined {
  if (!sel || typeof sel !== 'object') return undefined;
  const s = sel as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  // ReplicationController selectors are plain maps.
  const labels = s.matchLabels || s.matchExpressions ? s.matchLabels ?? {} : (sel as Record<string, string>);
  const parts = Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`);
  for (const e of s.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${vals})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${vals})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/** The Scale of a scalable object. */
export function scaleOf(obj: KubeObject): Scale {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0, selector: selectorString(obj.spec?.selector) },
  };
}

/** Field errors of a Scale write. */
export function validateScale(s: Scale): FieldError[] {
  const r = s.spec?.replicas;
  if (r === undefined) return [];
  if (typeof r !== 'number' || !Number.isInteger(r) || r < 0) {
    return [{ type: 'FieldValueInvalid', field: 'spec.replicas', value: r, detail: 'must be greater than or equal to 0' }];
  }
  return [];
}
