/**
 * Object shapes of the simulated cluster. They are the real Kubernetes API types
 * (from kubernetes-types), so what a learner sees here is what a cluster serves.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export type { ObjectMeta, OwnerReference, Status, StatusCause, LabelSelector, Condition } from 'kubernetes-types/meta/v1';
export type {
  Pod, PodSpec, PodStatus, PodCondition, PodTemplateSpec, Container, ContainerStatus, ContainerState,
  Node, NodeSpec, NodeStatus, NodeCondition, Taint, Toleration, Namespace, Service, Event, ResourceRequirements,
} from 'kubernetes-types/core/v1';
export type { Deployment, DeploymentSpec, DeploymentStatus, DeploymentCondition, ReplicaSet, ReplicaSetSpec, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
export type { Lease } from 'kubernetes-types/coordination/v1';
export type { PodDisruptionBudget, PodDisruptionBudgetSpec, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
export type { PriorityClass } from 'kubernetes-types/scheduling/v1';

/** ObjectMeta without kubernetes-types' readonly marks: the server sets those fields. */
export type Metadata = { -readonly [K in keyof ObjectMeta]: ObjectMeta[K] } & { name: string };

/** Any stored object: apiVersion, kind and metadata always present once stored. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Metadata;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  status?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** Narrows a stored object to a typed Kubernetes object whose metadata is known to be set. */
export type Stored<T> = T & { metadata: ObjectMeta & { name: string; uid: string; resourceVersion: string } };

/** Identifies one object: kind, namespace ('' for cluster-scoped) and name. */
export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

/** The store key of an object, `Kind/namespace/name`. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/** The store key of a stored object. */
export function keyOf(obj: KubeObject): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
}

/** `namespace/name` (or `name` when cluster-scoped): the work-queue key controllers use. */
export function namespacedName(obj: { metadata?: { namespace?: string; name?: string } }): string {
  const ns = obj.metadata?.namespace;
  return ns ? `${ns}/${obj.metadata?.name}` : `${obj.metadata?.name}`;
}

/** Splits a `namespace/name` work-queue key. */
export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
