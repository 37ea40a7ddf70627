/**
 * Schema checks from the kinds' OpenAPI schemas, reported as kube-apiserver
 * reports them for the built-in types: a value of the wrong JSON type fails
 * decoding (400 `Deployment in version "v1" cannot be handled as a Deployment:
 * json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas
 * of type int32`); a missing required field or a value outside an enum is a
 * field error of the 422 Invalid Status, as the Go validation words it.
 */
import type { KubeObject } from '../api/types';
import type { ResourceInfo } from '../api/resources';
import { badRequest, type ApiError, type FieldError } from './errors';
import { SCHEMA_VALIDATORS, type SchemaError } from './schema-validators';

/** Integer fields that are int64 in the Go types; the rest of the API's integers are int32. */
const INT64_FIELDS = new Set([
  'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'tolerationSeconds', 'runAsUser', 'runAsGroup', 'fsGroup',
  'deletionGracePeriodSeconds', 'generation', 'observedGeneration', 'startingDeadlineSeconds', 'expirationSeconds',
]);

/** Go struct types of well-known fields, by the JSON field name that holds them. */
const STRUCT_OF_FIELD: Record<string, string> = {
  metadata: 'ObjectMeta', template: 'PodTemplateSpec', containers: 'Container', initContainers: 'Container',
  ephemeralContainers: 'EphemeralContainer', env: 'EnvVar', resources: 'ResourceRequirements', strategy: 'DeploymentStrategy',
  rollingUpdate: 'RollingUpdateDeployment', volumes: 'Volume', volumeMounts: 'VolumeMount', tolerations: 'Toleration',
  selector: 'LabelSelector', livenessProbe: 'Probe', readinessProbe: 'Probe', startupProbe: 'Probe', httpGet: 'HTTPGetAction',
  securityContext: 'SecurityContext', affinity: 'Affinity', jobTemplate: 'JobTemplateSpec', involvedObject: 'ObjectReference',
  subjects: 'Subject', roleRef: 'RoleRef', rules: 'PolicyRule', limits: 'LimitRangeItem', hard: 'ResourceList',
};

/** Fields that are Go maps: a bad value inside one is reported at the map field. */
const MAP_FIELDS = new Set([
  'labels', 'annotations', 'data', 'stringData', 'binaryData', 'nodeSelector', 'matchLabels', 'limits', 'requests',
  'hard', 'capacity', 'allocatable', 'parameters', 'default', 'defaultRequest', 'min', 'max', 'maxLimitRequestRatio',
]);

function goScalar(expected: string, field: string): string {
  switch (expected) {
    case 'integer': return INT64_FIELDS.has(field) ? 'int64' : 'int32';
    case 'number': return 'float64';
    case 'boolean': return 'bool';
    case 'string': return 'string';
    case 'array': return `[]v1.${STRUCT_OF_FIELD[field] ?? 'Object'}`;
    default: return STRUCT_OF_FIELD[field] ? `v1.${STRUCT_OF_FIELD[field]}` : 'map[string]string';
  }
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/** The Go struct that holds the field at `segments` (the last segment). */
function parentStruct(kind: string, segments: string[]): string {
  const named = segments.slice(0, -1).filter((s) => !/^[0-9]+$/.test(s));
  if (named.length === 0) return kind;
  const last = named[named.length - 1];
  if (last === 'spec' || last === 'status') {
    // spec.template.spec is a PodSpec; a top-level spec is the kind's own.
    if (named.length >= 2 && named[named.length - 2] === 'template') return 'PodSpec';
    if (named.length === 1) return `${kind}${last === 'spec' ? 'Spec' : 'Status'}`;
    return `${named[named.length - 2][0].toUpperCase()}${named[named.length - 2].slice(1)}${last === 'spec' ? 'Spec' : 'Status'}`;
  }
  if (last === 'ports') return named.includes('containers') || named.includes('initContainers') ? 'ContainerPort' : 'ServicePort';
  return STRUCT_OF_FIELD[last] ?? `${last[0].toUpperCase()}${last.slice(1)}`;
}

function valueAt(obj: unknown, segments: string[]): unknown {
  let cur: unknown = obj;
  for (const s of segments) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[s] : undefined;
  return cur;
}

/** `/spec/template/spec/containers/0/name` -> `spec.template.spec.containers[0].name`. */
export function fieldPath(instancePath: string): string {
  let out = '';
  for (const seg of instancePath.split('/').slice(1)) {
    const s = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^[0-9]+$/.test(s)) out += `[${s}]`;
    else out += out ? `.${s}` : s;
  }
  return out;
}

/** The decode error for a value of the wrong JSON type. */
function decodeError(kind: string, version: string, obj: KubeObject, err: SchemaError): ApiError {
  const all = err.instancePath.split('/').slice(1);
  const value = valueAt(obj, all);
  // A value inside a map is reported at the map field itself.
  const inMap = all.length >= 2 && MAP_FIELDS.has(all[all.length - 2]);
  const segments = inMap ? all.slice(0, -1) : all;
  const field = segments[segments.length - 1];
  const into = jsonType(value) === 'number' && err.params.type === 'integer' ? `number ${String(value)}` : jsonType(value);
  const jsonPath = segments.filter((s) => !/^[0-9]+$/.test(s)).join('.');
  const where = segments.length ? `Go struct field ${parentStruct(kind, segments)}.${jsonPath}` : `Go value of type v1.${kind}`;
  return badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: json: cannot unmarshal ${into} into ${where} of type ${inMap ? String(err.params.type) === 'string' ? 'string' : goScalar(String(err.params.type), '') : goScalar(String(err.params.type), field)}`);
}

/**
 * Checks `obj` against its kind's schema. Throws the 400 decode error for a
 * type mismatch; returns required and enum violations as field errors.
 */
export function schemaErrors(obj: KubeObject, info: ResourceInfo): FieldError[] {
  const validate = SCHEMA_VALIDATORS[info.kind];
  if (!validate || validate(obj)) return [];
  const errors = validate.errors ?? [];
  const typeErr = errors.find((e) => e.keyword === 'type' || (e.keyword === 'format' && /^int/.test(String(e.params.format))));
  if (typeErr) {
    const asType = typeErr.keyword === 'format' ? { ...typeErr, params: { type: 'integer' } } : typeErr;
    throw decodeError(info.kind, info.version, obj, asType);
  }
  const out: FieldError[] = [];
  for (const e of errors) {
    // Status is written by controllers and kubelets; the Go validation does not hold it to the schema's required lists.
    if (e.instancePath === '/status' || e.instancePath.startsWith('/status/')) continue;
    if (e.keyword === 'required') {
      const base = fieldPath(e.instancePath);
      out.push({ type: 'FieldValueRequired', field: base ? `${base}.${String(e.params.missingProperty)}` : String(e.params.missingProperty) });
    } else if (e.keyword === 'enum') {
      const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      out.push({ type: 'FieldValueNotSupported', field: fieldPath(e.instancePath), value: valueAt(obj, e.instancePath.split('/').slice(1)), detail: `supported values: ${allowed}` });
    }
  }
  return out;
}
