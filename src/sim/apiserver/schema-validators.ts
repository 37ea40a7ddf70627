/**
 * The OpenAPI schema validators of every served kind, from the maintained
 * kubernetes-models package (precompiled ajv functions, no runtime compiler).
 */
import { validate as vNamespace } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Namespace';
import { validate as vNode } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Node';
import { validate as vPod } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Pod';
import { validate as vService } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Service';
import { validate as vEvent } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Event';
import { validate as vConfigMap } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap';
import { validate as vSecret } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Secret';
import { validate as vServiceAccount } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ServiceAccount';
import { validate as vEndpoints } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Endpoints';
import { validate as vPersistentVolume } from 'kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolume';
import { validate as vPersistentVolumeClaim } from 'kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolumeClaim';
import { validate as vLimitRange } from 'kubernetes-models/_schemas/IoK8sApiCoreV1LimitRange';
import { validate as vResourceQuota } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ResourceQuota';
import { validate as vReplicationController } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ReplicationController';
import { validate as vPodTemplate } from 'kubernetes-models/_schemas/IoK8sApiCoreV1PodTemplate';
import { validate as vReplicaSet } from 'kubernetes-models/_schemas/IoK8sApiAppsV1ReplicaSet';
import { validate as vDeployment } from 'kubernetes-models/_schemas/IoK8sApiAppsV1Deployment';
import { validate as vStatefulSet } from 'kubernetes-models/_schemas/IoK8sApiAppsV1StatefulSet';
import { validate as vDaemonSet } from 'kubernetes-models/_schemas/IoK8sApiAppsV1DaemonSet';
import { validate as vControllerRevision } from 'kubernetes-models/_schemas/IoK8sApiAppsV1ControllerRevision';
import { validate as vJob } from 'kubernetes-models/_schemas/IoK8sApiBatchV1Job';
import { validate as vCronJob } from 'kubernetes-models/_schemas/IoK8sApiBatchV1CronJob';
import { validate as vHorizontalPodAutoscaler } from 'kubernetes-models/_schemas/IoK8sApiAutoscalingV2HorizontalPodAutoscaler';
import { validate as vIngress } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1Ingress';
import { validate as vIngressClass } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1IngressClass';
import { validate as vNetworkPolicy } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy';
import { validate as vRole } from 'kubernetes-models/_schemas/IoK8sApiRbacV1Role';
import { validate as vClusterRole } from 'kubernetes-models/_schemas/IoK8sApiRbacV1ClusterRole';
import { validate as vRoleBinding } from 'kubernetes-models/_schemas/IoK8sApiRbacV1RoleBinding';
import { validate as vClusterRoleBinding } from 'kubernetes-models/_schemas/IoK8sApiRbacV1ClusterRoleBinding';
import { validate as vStorageClass } from 'kubernetes-models/_schemas/IoK8sApiStorageV1StorageClass';
import { validate as vCSIDriver } from 'kubernetes-models/_schemas/IoK8sApiStorageV1CSIDriver';
import { validate as vCSINode } from 'kubernetes-models/_schemas/IoK8sApiStorageV1CSINode';
import { validate as vVolumeAttachment } from 'kubernetes-models/_schemas/IoK8sApiStorageV1VolumeAttachment';
import { validate as vPodDisruptionBudget } from 'kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget';
import { validate as vPriorityClass } from 'kubernetes-models/_schemas/IoK8sApiSchedulingV1PriorityClass';
import { validate as vLease } from 'kubernetes-models/_schemas/IoK8sApiCoordinationV1Lease';
import { validate as vEndpointSlice } from 'kubernetes-models/_schemas/IoK8sApiDiscoveryV1EndpointSlice';
import { validate as vCustomResourceDefinition } from 'kubernetes-models/_schemas/IoK8sApiextensionsApiserverPkgApisApiextensionsV1CustomResourceDefinition';

/** An ajv error as the precompiled validators report it. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** A precompiled validator: returns true when valid, else sets `errors`. */
export type SchemaValidator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** Validators by kind. */
export const SCHEMA_VALIDATORS: Record<string, SchemaValidator> = {
  Namespace: vNamespace as SchemaValidator,
  Node: vNode as SchemaValidator,
  Pod: vPod as SchemaValidator,
  Service: vService as SchemaValidator,
  Event: vEvent as SchemaValidator,
  ConfigMap: vConfigMap as SchemaValidator,
  Secret: vSecret as SchemaValidator,
  ServiceAccount: vServiceAccount as SchemaValidator,
  Endpoints: vEndpoints as SchemaValidator,
  PersistentVolume: vPersistentVolume as SchemaValidator,
  PersistentVolumeClaim: vPersistentVolumeClaim as SchemaValidator,
  LimitRange: vLimitRange as SchemaValidator,
  ResourceQuota: vResourceQuota as SchemaValidator,
  ReplicationController: vReplicationController as SchemaValidator,
  PodTemplate: vPodTemplate as SchemaValidator,
  ReplicaSet: vReplicaSet as SchemaValidator,
  Deployment: vDeployment as SchemaValidator,
  StatefulSet: vStatefulSet as SchemaValidator,
  DaemonSet: vDaemonSet as SchemaValidator,
  ControllerRevision: vControllerRevision as SchemaValidator,
  Job: vJob as SchemaValidator,
  CronJob: vCronJob as SchemaValidator,
  HorizontalPodAutoscaler: vHorizontalPodAutoscaler as SchemaValidator,
  Ingress: vIngress as SchemaValidator,
  IngressClass: vIngressClass as SchemaValidator,
  NetworkPolicy: vNetworkPolicy as SchemaValidator,
  Role: vRole as SchemaValidator,
  ClusterRole: vClusterRole as SchemaValidator,
  RoleBinding: vRoleBinding as SchemaValidator,
  ClusterRoleBinding: vClusterRoleBinding as SchemaValidator,
  StorageClass: vStorageClass as SchemaValidator,
  CSIDriver: vCSIDriver as SchemaValidator,
  CSINode: vCSINode as SchemaValidator,
  VolumeAttachment: vVolumeAttachment as SchemaValidator,
  PodDisruptionBudget: vPodDisruptionBudget as SchemaValidator,
  PriorityClass: vPriorityClass as SchemaValidator,
  Lease: vLease as SchemaValidator,
  EndpointSlice: vEndpointSlice as SchemaValidator,
  CustomResourceDefinition: vCustomResourceDefinition as SchemaValidator,
};
