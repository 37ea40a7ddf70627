/**
 * Validation: what the API server rejects with 422 Invalid (reference §1.3, §1.4).
 * Returns field errors; the API server turns them into a Status.
 */
import type { KubeObject, PodSpec, Container } from '../api/types';
import { validateDns1035Label, validateDns1123Label, validateDns1123Subdomain, validateLabelValue } from '../api/names';
import { selectorMatches } from '../api/selectors';
import { isQuantity } from '../api/quantity';
import type { FieldError } from './errors';
import { validatePriorityClassFields, validatePriorityClassUpdate } from './priority';

const PERCENT = /^[0-9]+%$/;

/** An int or a percentage such as '5%', not negative and at most 100% (policy/v1 PDB fields). */
function validateIntOrPercent(value: unknown, field: string): FieldError[] {
  if (typeof value === 'number') {
    return value < 0 || !Number.isInteger(value) ? [{ type: 'FieldValueInvalid', field, value, detail: 'must be greater than or equal to 0' }] : [];
  }
  if (typeof value !== 'string' || !PERCENT.test(value)) {
    return [{ type: 'FieldValueInvalid', field, value, detail: "must be an integer or percentage (e.g '5%')" }];
  }
  return parseInt(value, 10) > 100 ? [{ type: 'FieldValueInvalid', field, value, detail: 'must not be greater than 100%' }] : [];
}

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** A PodDisruptionBudget's spec: minAvailable and maxUnavailable exclusive, each an int or a percentage. */
function validatePdbSpec(o: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = o.spec ?? {};
  const has = (v: unknown) => v !== undefined && v !== null;
  if (has(spec.minAvailable) && has(spec.maxUnavailable)) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec', value: spec, detail: 'minAvailable and maxUnavailable cannot be both set' });
  }
  if (has(spec.minAvailable)) errs.push(...validateIntOrPercent(spec.minAvailable, 'spec.minAvailable'));
  if (has(spec.maxUnavailable)) errs.push(...validateIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'));
  (spec.selector?.matchExpressions ?? []).forEach((req: { operator?: string; values?: string[] }, i: number) => {
    const f = `spec.selector.matchExpressions[${i}]`;
    if (!SELECTOR_OPERATORS.includes(req.operator ?? '')) {
      errs.push({ type: 'FieldValueInvalid', field: `${f}.operator`, value: req.operator ?? '', detail: 'not a valid selector operator' });
    } else if ((req.operator === 'In' || req.operator === 'NotIn') && !(req.values?.length)) {
      errs.push({ type: 'FieldValueRequired', field: `${f}.values`, detail: 'must be specified when `operator` is \'In\' or \'NotIn\'' });
    } else if ((req.operator === 'Exists' || req.operator === 'DoesNotExist') && req.values?.length) {
      errs.push({ type: 'FieldValueForbidden', field: `${f}.values`, detail: 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'' });
    }
  });
  return errs;
}

function nameErrors(field: string, value: string, check: (v: string) => string[]): FieldError[] {
  return check(value).map((detail) => ({ type: 'FieldValueInvalid' as const, field, value, detail }));
}

function validateMetadata(obj: KubeObject, nameRule: (v: string) => string[]): FieldError[] {
  const errs: FieldError[] = [];
  const name = obj.metadata.name;
  if (!name) errs.push({ type: 'FieldValueRequired', field: 'metadata.name', detail: 'name or generateName is required' });
  else errs.push(...nameErrors('metadata.name', name, nameRule));
  for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) {
    if (typeof v !== 'string') errs.push({ type: 'FieldValueInvalid', field: `metadata.labels`, value: v, detail: 'must be a string' });
    else errs.push(...validateLabelValue(v).map((detail) => ({ type: 'FieldValueInvalid' as const, field: `metadata.labels`, value: v, detail })));
    if (!k) errs.push({ type: 'FieldValueInvalid', field: 'metadata.labels', value: k, detail: 'name part must be non-empty' });
  }
  return errs;
}

function validateContainers(list: Container[] | undefined, field: string, required: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!list || list.length === 0) {
    if (required) errs.push({ type: 'FieldValueRequired', field, detail: '' });
    return errs;
  }
  const seen = new Set<string>();
  list.forEach((c, i) => {
    const f = `${field}[${i}]`;
    if (!c.name) errs.push({ type: 'FieldValueRequired', field: `${f}.name` });
    else {
      errs.push(...nameErrors(`${f}.name`, c.name, validateDns1123Label));
      if (seen.has(c.name)) errs.push({ type: 'FieldValueDuplicate', field: `${f}.name`, value: c.name });
      seen.add(c.name);
    }
    if (!c.image) errs.push({ type: 'FieldValueRequired', field: `${f}.image` });
    for (const kind of ['requests', 'limits'] as const) {
      for (const [r, q] of Object.entries(c.resources?.[kind] ?? {})) {
        if (!isQuantity(q)) {
          errs.push({ type: 'FieldValueInvalid', field: `${f}.resources.${kind}[${r}]`, value: q, detail: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" });
        }
      }
    }
  });
  return errs;
}

/** Validates a pod spec at `field` (`spec` or `spec.template.spec`). */
export function validatePodSpec(spec: PodSpec | undefined, field: string): FieldError[] {
  if (!spec) return [{ type: 'FieldValueRequired', field }];
  const errs = [...validateContainers(spec.containers, `${field}.containers`, true), ...validateContainers(spec.initContainers, `${field}.initContainers`, false)];
  const policies = ['Always', 'OnFailure', 'Never'];
  if (spec.restartPolicy && !policies.includes(spec.restartPolicy)) {
    errs.push({ type: 'FieldValueNotSupported', field: `${field}.restartPolicy`, value: spec.restartPolicy, detail: `supported values: ${policies.map((p) => `"${p}"`).join(', ')}` });
  }
  return errs;
}

function validateReplicated(obj: KubeObject, requireAlways: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const spec = obj.spec ?? {};
  if (typeof spec.replicas !== 'number' || spec.replicas < 0 || !Number.isInteger(spec.replicas)) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec.replicas', value: spec.replicas, detail: 'must be greater than or equal to 0' });
  }
  const selector = spec.selector;
  if (!selector) errs.push({ type: 'FieldValueRequired', field: 'spec.selector' });
  else if (!selector.matchLabels && !selector.matchExpressions) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec.selector', value: selector, detail: 'empty selector is invalid for deployment' });
  }
  const labels = spec.template?.metadata?.labels;
  if (selector && !selectorMatches(selector, labels)) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec.template.metadata.labels', value: labels ?? {}, detail: '`selector` does not match template `labels`' });
  }
  errs.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec'));
  const rp = spec.template?.spec?.restartPolicy;
  if (requireAlways && rp && rp !== 'Always') {
    errs.push({ type: 'FieldValueNotSupported', field: 'spec.template.spec.restartPolicy', value: rp, detail: 'supported values: "Always"' });
  }
  return errs;
}

type Validator = (obj: KubeObject) => FieldError[];

const VALIDATORS: Record<string, Validator> = {
  Namespace: (o) => validateMetadata(o, validateDns1123Label),
  Node: (o) => validateMetadata(o, validateDns1123Subdomain),
  Pod: (o) => [...validateMetadata(o, validateDns1123Subdomain), ...validatePodSpec(o.spec, 'spec')],
  ReplicaSet: (o) => [...validateMetadata(o, validateDns1123Subdomain), ...validateReplicated(o, true)],
  Deployment: (o) => [...validateMetadata(o, validateDns1123Subdomain), ...validateReplicated(o, true)],
  Service: (o) => {
    const errs = validateMetadata(o, validateDns1035Label);
    const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
    if (!types.includes(o.spec?.type)) errs.push({ type: 'FieldValueNotSupported', field: 'spec.type', value: o.spec?.type, detail: `supported values: ${types.map((t) => `"${t}"`).join(', ')}` });
    if (o.spec?.type !== 'ExternalName' && !(o.spec?.ports?.length)) errs.push({ type: 'FieldValueRequired', field: 'spec.ports' });
    (o.spec?.ports ?? []).forEach((p: { port?: number }, i: number) => {
      if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535) errs.push({ type: 'FieldValueInvalid', field: `spec.ports[${i}].port`, value: p.port ?? 0, detail: 'must be between 1 and 65535, inclusive' });
    });
    return errs;
  },
  Event: (o) => {
    const errs = validateMetadata(o, validateDns1123Subdomain);
    if (!o.involvedObject) errs.push({ type: 'FieldValueRequired', field: 'involvedObject' });
    return errs;
  },
  Lease: (o) => validateMetadata(o, validateDns1123Subdomain),
  PriorityClass: (o) => [...validateMetadata(o, validateDns1123Subdomain), ...validatePriorityClassFields(o)],
  PodDisruptionBudget: (o) => [...validateMetadata(o, validateDns1123Subdomain), ...validatePdbSpec(o)],
};

/** RBAC object names are path segments: anything but `.`, `..`, or a name with `/` or `%`. */
function validatePathSegmentName(value: string): string[] {
  if (value === '.' || value === '..') return [`may not be '${value}'`];
  for (const bad of ['/', '%']) if (value.includes(bad)) return [`may not contain '${bad}'`];
  return [];
}

const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** Job-like pod templates may only restart OnFailure or Never. */
function validateJobTemplate(spec: { template?: { spec?: PodSpec } } | undefined, field: string): FieldError[] {
  const errs = validatePodSpec(spec?.template?.spec, `${field}.template.spec`);
  const rp = spec?.template?.spec?.restartPolicy;
  if (rp !== 'OnFailure' && rp !== 'Never') {
    errs.push({ type: 'FieldValueNotSupported', field: `${field}.template.spec.restartPolicy`, value: rp ?? '', detail: 'supported values: "OnFailure", "Never"' });
  }
  return errs;
}

Object.assign(VALIDATORS, {
  Job: (o: KubeObject) => [...validateMetadata(o, validateDns1123Subdomain), ...validateJobTemplate(o.spec, 'spec')],
  CronJob: (o: KubeObject) => {
    const errs = [...validateMetadata(o, validateDns1123Subdomain), ...validateJobTemplate(o.spec?.jobTemplate?.spec, 'spec.jobTemplate.spec')];
    if (!o.spec?.schedule) errs.push({ type: 'FieldValueRequired', field: 'spec.schedule' });
    return errs;
  },
});

/** Field errors for `obj` on create; empty when valid. */
export function validateCreate(obj: KubeObject): FieldError[] {
  const own = VALIDATORS[obj.kind];
  if (own) return own(obj);
  // Every other kind: at least the name rules of its registry.
  return validateMetadata(obj, RBAC_KINDS.has(obj.kind) ? validatePathSegmentName : validateDns1123Subdomain);
}

/** Field errors for an update from `old` to `obj`: the create rules plus immutable fields. */
export function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateCreate(obj);
  if ((obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') && JSON.stringify(obj.spec?.selector) !== JSON.stringify(old.spec?.selector)) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec.selector', value: obj.spec?.selector, detail: 'field is immutable' });
  }
  if (obj.kind === 'Pod' && old.spec?.nodeName && obj.spec?.nodeName !== old.spec.nodeName) {
    errs.push({ type: 'FieldValueForbidden', field: 'spec', detail: 'pod updates may not change fields other than `spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations), `spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)' });
  }
  if (obj.kind === 'PriorityClass') errs.push(...validatePriorityClassUpdate(obj, old));
  return errs;
}
