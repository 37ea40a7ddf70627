/**
 * Field selectors (`metadata.name=web,status.phase!=Running`): parsing as
 * apimachinery's fields.ParseSelector does, and the fields each kind supports,
 * as the registries' field label conversion functions list them.
 */
import type { KubeObject } from './types';

/** One `field=value` or `field!=value` term. */
export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

/** Splits on separators that are not escaped with a backslash. */
function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      cur += s[i] + s[i + 1];
      i++;
    } else if (s[i] === sep) {
      out.push(cur);
      cur = '';
    } else cur += s[i];
  }
  out.push(cur);
  return out;
}

function unescape(v: string): string {
  return v.replace(/\\(.)/g, '$1');
}

/** Parses a field selector; throws `invalid selector: '<s>'; can't understand '<term>'`. */
export function parseFieldSelector(input: string): FieldRequirement[] {
  if (!input.trim()) return [];
  return splitUnescaped(input, ',').map((term) => {
    for (const [op, operator] of [['!=', '!='], ['==', '='], ['=', '=']] as const) {
      const i = term.indexOf(op);
      if (i >= 0) return { field: term.slice(0, i), operator, value: unescape(term.slice(i + op.length)) };
    }
    throw new Error(`invalid selector: '${input}'; can't understand '${term}'`);
  });
}

type Getter = (o: KubeObject) => string | undefined;

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

/** Fields every kind supports. */
const COMMON: Record<string, Getter> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
};

/** Kind-specific fields, beyond metadata.name and metadata.namespace. */
const BY_KIND: Record<string, Record<string, Getter>> = {
  Pod: {
    'spec.nodeName': (o) => o.spec?.nodeName ?? '',
    'spec.restartPolicy': (o) => o.spec?.restartPolicy,
    'spec.schedulerName': (o) => o.spec?.schedulerName,
    'spec.serviceAccountName': (o) => o.spec?.serviceAccountName,
    'spec.hostNetwork': (o) => String(!!o.spec?.hostNetwork),
    'status.phase': (o) => o.status?.phase,
    'status.podIP': (o) => o.status?.podIP ?? '',
    'status.nominatedNodeName': (o) => o.status?.nominatedNodeName ?? '',
  },
  Event: {
    'involvedObject.kind': (o) => o.involvedObject?.kind,
    'involvedObject.namespace': (o) => o.involvedObject?.namespace,
    'involvedObject.name': (o) => o.involvedObject?.name,
    'involvedObject.uid': (o) => o.involvedObject?.uid,
    'involvedObject.apiVersion': (o) => o.involvedObject?.apiVersion,
    'involvedObject.resourceVersion': (o) => o.involvedObject?.resourceVersion,
    'involvedObject.fieldPath': (o) => o.involvedObject?.fieldPath,
    reason: (o) => o.reason,
    reportingComponent: (o) => o.reportingComponent,
    source: (o) => o.source?.component || o.reportingComponent,
    type: (o) => o.type,
  },
  Node: { 'spec.unschedulable': (o) => String(!!o.spec?.unschedulable) },
  Namespace: { 'status.phase': (o) => o.status?.phase },
  Secret: { type: (o) => o.type },
  ReplicaSet: { 'status.replicas': (o) => str(o.status?.replicas ?? 0) },
  ReplicationController: { 'status.replicas': (o) => str(o.status?.replicas ?? 0) },
  Job: { 'status.successful': (o) => str(o.status?.succeeded ?? 0) },
  Service: { 'spec.clusterIP': (o) => o.spec?.clusterIP, 'spec.type': (o) => o.spec?.type },
  PersistentVolumeClaim: { 'status.phase': (o) => o.status?.phase },
  PersistentVolume: { 'status.phase': (o) => o.status?.phase },
};

/** The field label names `kind` supports in field selectors. */
export function supportedFields(kind: string): string[] {
  return [...Object.keys(COMMON), ...Object.keys(BY_KIND[kind] ?? {})];
}

/**
 * A predicate for a field selector on `kind`. Throws an Error with the API
 * server's message (`field label not supported: <f>`) for an unknown field.
 */
export function fieldSelectorPredicate(kind: string, input: string): (obj: KubeObject) => boolean {
  const reqs = parseFieldSelector(input);
  const getters = reqs.map((r) => {
    const g = COMMON[r.field] ?? BY_KIND[kind]?.[r.field];
    if (!g) throw new Error(`field label not supported: ${r.field}`);
    return g;
  });
  return (obj) => reqs.every((r, i) => ((getters[i](obj) ?? '') === r.value) === (r.operator === '='));
}
