/**
 * Pod priority (reference §1.8, §2.7): the built-in PriorityClasses, the
 * validation of PriorityClass objects, and the Priority admission plugin that
 * resolves a pod's `priorityClassName` to `spec.priority` and `spec.preemptionPolicy`.
 */
import type { KubeObject } from '../api/types';
import type { ResourceInfo } from '../api/resources';
import type { ApiServer } from './apiserver';
import { forbidden, type FieldError } from './errors';

/** Names starting with this are reserved for the built-in classes. */
export const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-';
/** The highest value a user-defined PriorityClass may have. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
/** Priority of pods without a class when no class is the global default. */
export const DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS_EXISTS = 0;
/** The default (and most common) preemption policy. */
export const PREEMPT_LOWER_PRIORITY = 'PreemptLowerPriority';
/** The preemption policies a PriorityClass or a pod may name. */
export const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'] as const;

/** A built-in class, as the API server creates it at start-up. */
export interface SystemPriorityClass {
  name: string;
  value: number;
  description: string;
}

/** The two built-in classes and their fixed values. */
export const SYSTEM_PRIORITY_CLASSES: readonly SystemPriorityClass[] = [
  { name: 'system-cluster-critical', value: 2_000_000_000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
  { name: 'system-node-critical', value: 2_000_001_000, description: 'Used for system critical pods that must not be moved from their current node.' },
];

/** Creates the built-in PriorityClasses, as the API server's start-up hook does. */
export function createSystemPriorityClasses(api: ApiServer): void {
  for (const pc of SYSTEM_PRIORITY_CLASSES) {
    if (api.tryGet('PriorityClass', undefined, pc.name)) continue;
    api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: pc.name }, value: pc.value, description: pc.description });
  }
}

/** Why a `system-` name is not acceptable, or undefined when it is a known built-in class with its fixed settings. */
function systemClassError(name: string, value: unknown, globalDefault: boolean): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === name);
  if (!known) return `name ${name} is not a known system priority class`;
  if (value !== known.value) return `value of ${name} PriorityClass must be ${known.value}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

/** Field errors of a PriorityClass beyond its metadata: reserved names, the user value ceiling, the policy. */
export function validatePriorityClassFields(pc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const name = pc.metadata.name ?? '';
  if (typeof pc.value !== 'number' || !Number.isInteger(pc.value)) {
    errs.push({ type: 'FieldValueRequired', field: 'value' });
  } else if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const why = systemClassError(name, pc.value, !!pc.globalDefault);
    if (why) errs.push({ type: 'FieldValueForbidden', field: 'metadata.name', detail: `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${why}` });
  } else if (pc.value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push({ type: 'FieldValueForbidden', field: 'value', detail: `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}` });
  }
  if (pc.preemptionPolicy !== undefined && !(PREEMPTION_POLICIES as readonly string[]).includes(pc.preemptionPolicy)) {
    errs.push({ type: 'FieldValueNotSupported', field: 'preemptionPolicy', value: pc.preemptionPolicy, detail: `supported values: ${PREEMPTION_POLICIES.map((p) => `"${p}"`).join(', ')}` });
  }
  return errs;
}

/** Extra field errors on a PriorityClass update: value and preemptionPolicy are immutable. */
export function validatePriorityClassUpdate(pc: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (pc.value !== old.value) errs.push({ type: 'FieldValueForbidden', field: 'value', detail: 'may not be changed in an update.' });
  if (pc.preemptionPolicy !== old.preemptionPolicy) errs.push({ type: 'FieldValueInvalid', field: 'preemptionPolicy', value: pc.preemptionPolicy, detail: 'field is immutable' });
  return errs;
}

/**
 * The global default class, if any. Should several claim it, the one with the
 * smallest value wins (as the field's documentation says); names break ties.
 */
export function globalDefaultPriorityClass(api: ApiServer): KubeObject | undefined {
  const defaults = api.list('PriorityClass').items.filter((pc) => pc.globalDefault === true);
  defaults.sort((a, b) => a.value - b.value || a.metadata.name.localeCompare(b.metadata.name));
  return defaults[0];
}

/** Priority admission for a new PriorityClass: at most one may be the global default. */
export function admitPriorityClass(api: ApiServer, pc: KubeObject, info: ResourceInfo): void {
  if (pc.globalDefault !== true) return;
  const existing = globalDefaultPriorityClass(api);
  if (existing) throw forbidden(info, admissionName(pc), `PriorityClass ${existing.metadata.name} is already marked as default. Only one default can exist`);
}

/**
 * The name admission errors use. Upstream, admission runs before the name is
 * generated, so a generateName pod is called by its prefix (`pods "web-7c5-"`).
 */
function admissionName(obj: KubeObject): string {
  const { name, generateName } = obj.metadata;
  const prefix = generateName?.slice(0, 58);
  if (prefix && name.startsWith(prefix) && name.length === prefix.length + 5) return generateName!;
  return name;
}

/**
 * Priority admission for a new pod (reference §1.8): the class named by
 * `priorityClassName`, else the global default, else priority 0 with
 * PreemptLowerPriority. A pod may not bring its own different values (403).
 */
export function admitPodPriority(api: ApiServer, pod: KubeObject, info: ResourceInfo): void {
  const spec = pod.spec;
  let priority = DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS_EXISTS;
  let policy: string = PREEMPT_LOWER_PRIORITY;
  if (spec.priorityClassName) {
    const pc = api.tryGet('PriorityClass', undefined, spec.priorityClassName);
    if (!pc) throw forbidden(info, admissionName(pod), `no PriorityClass with name ${spec.priorityClassName} was found`);
    priority = pc.value;
    policy = pc.preemptionPolicy ?? PREEMPT_LOWER_PRIORITY;
  } else {
    const pc = globalDefaultPriorityClass(api);
    if (pc) {
      spec.priorityClassName = pc.metadata.name;
      priority = pc.value;
      policy = pc.preemptionPolicy ?? PREEMPT_LOWER_PRIORITY;
    }
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    throw forbidden(info, admissionName(pod), `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  spec.priority = priority;
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== null && spec.preemptionPolicy !== policy) {
    throw forbidden(info, admissionName(pod), `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`);
  }
  spec.preemptionPolicy = policy;
}
