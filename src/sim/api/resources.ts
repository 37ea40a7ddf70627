/**
 * The kinds the API server serves, with what discovery says of them:
 * group, version, plural resource name, short names, scope, verbs and categories.
 */

/** What the API server knows of one kind. */
export interface ResourceInfo {
  kind: string;
  group: string;
  version: string;
  /** Plural lower-case resource name, as in URLs and error messages. */
  resource: string;
  namespaced: boolean;
  shortNames: string[];
  /** The verbs discovery lists, sorted as the server sorts them. */
  verbs: string[];
  /** Discovery categories: `all` is what `kubectl get all` expands to. */
  categories: string[];
  /** Subresources the kind serves besides the object itself. */
  subresources: string[];
}

/** The verbs of an ordinary stored resource. */
const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
/** Namespaces cannot be deleted as a collection. */
const NO_COLLECTION = CRUD.filter((v) => v !== 'deletecollection');

type Row = [kind: string, group: string, version: string, resource: string, namespaced: boolean, shortNames: string, extra?: Partial<ResourceInfo>];

const ALL = { categories: ['all'] };
const STATUS = { subresources: ['status'] };
const SCALED = { categories: ['all'], subresources: ['scale', 'status'] };

// One row per kind: [kind, group, version, plural, namespaced, short names, extras].
const ROWS: Row[] = [
  ['Namespace', '', 'v1', 'namespaces', false, 'ns', { verbs: NO_COLLECTION, ...STATUS }],
  ['Node', '', 'v1', 'nodes', false, 'no', STATUS],
  ['Pod', '', 'v1', 'pods', true, 'po', { categories: ['all'], subresources: ['binding', 'eviction', 'status'] }],
  ['Service', '', 'v1', 'services', true, 'svc', { ...ALL, ...STATUS }],
  ['Event', '', 'v1', 'events', true, 'ev'],
  ['ConfigMap', '', 'v1', 'configmaps', true, 'cm'],
  ['Secret', '', 'v1', 'secrets', true, ''],
  ['ServiceAccount', '', 'v1', 'serviceaccounts', true, 'sa'],
  ['Endpoints', '', 'v1', 'endpoints', true, 'ep'],
  ['PersistentVolume', '', 'v1', 'persistentvolumes', false, 'pv', STATUS],
  ['PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', true, 'pvc', STATUS],
  ['LimitRange', '', 'v1', 'limitranges', true, 'limits'],
  ['ResourceQuota', '', 'v1', 'resourcequotas', true, 'quota', STATUS],
  ['ReplicationController', '', 'v1', 'replicationcontrollers', true, 'rc', SCALED],
  ['PodTemplate', '', 'v1', 'podtemplates', true, ''],
  ['ReplicaSet', 'apps', 'v1', 'replicasets', true, 'rs', SCALED],
  ['Deployment', 'apps', 'v1', 'deployments', true, 'deploy', SCALED],
  ['StatefulSet', 'apps', 'v1', 'statefulsets', true, 'sts', SCALED],
  ['DaemonSet', 'apps', 'v1', 'daemonsets', true, 'ds', { ...ALL, ...STATUS }],
  ['ControllerRevision', 'apps', 'v1', 'controllerrevisions', true, ''],
  ['Job', 'batch', 'v1', 'jobs', true, '', { ...ALL, ...STATUS }],
  ['CronJob', 'batch', 'v1', 'cronjobs', true, 'cj', { ...ALL, ...STATUS }],
  ['HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', true, 'hpa', { ...ALL, ...STATUS }],
  ['Ingress', 'networking.k8s.io', 'v1', 'ingresses', true, 'ing', STATUS],
  ['IngressClass', 'networking.k8s.io', 'v1', 'ingressclasses', false, ''],
  ['NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', true, 'netpol'],
  ['Role', 'rbac.authorization.k8s.io', 'v1', 'roles', true, ''],
  ['ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', false, ''],
  ['RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', true, ''],
  ['ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', false, ''],
  ['StorageClass', 'storage.k8s.io', 'v1', 'storageclasses', false, 'sc'],
  ['CSIDriver', 'storage.k8s.io', 'v1', 'csidrivers', false, ''],
  ['CSINode', 'storage.k8s.io', 'v1', 'csinodes', false, ''],
  ['VolumeAttachment', 'storage.k8s.io', 'v1', 'volumeattachments', false, '', STATUS],
  ['PodDisruptionBudget', 'policy', 'v1', 'poddisruptionbudgets', true, 'pdb', STATUS],
  ['PriorityClass', 'scheduling.k8s.io', 'v1', 'priorityclasses', false, 'pc'],
  ['Lease', 'coordination.k8s.io', 'v1', 'leases', true, ''],
  ['EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', true, ''],
  ['CustomResourceDefinition', 'apiextensions.k8s.io', 'v1', 'customresourcedefinitions', false, 'crd,crds', { categories: ['api-extensions'], ...STATUS }],
];

const RESOURCES: ResourceInfo[] = ROWS.map(([kind, group, version, resource, namespaced, shortNames, extra]) => ({
  kind,
  group,
  version,
  resource,
  namespaced,
  shortNames: shortNames ? shortNames.split(',') : [],
  verbs: CRUD,
  categories: [],
  subresources: [],
  ...extra,
}));

const BY_KIND = new Map(RESOURCES.map((r) => [r.kind, r]));

/** Every served kind, in a stable order. */
export function allResources(): readonly ResourceInfo[] {
  return RESOURCES;
}

/** The resource info for `kind`, or undefined when the server does not serve it. */
export function resourceForKind(kind: string): ResourceInfo | undefined {
  return BY_KIND.get(kind);
}

/** The resource info for `kind` at `apiVersion`, or undefined when that pair is not served. */
export function resourceForKindVersion(kind: string, apiVersion: string): ResourceInfo | undefined {
  const info = BY_KIND.get(kind);
  return info && apiVersionOf(info) === apiVersion ? info : undefined;
}

/** The apiVersion string for a kind: `v1`, `apps/v1`. */
export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** `pods`, `deployments.apps`: how errors and kubectl name a resource. */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/** `Pod`, `Deployment.apps`: how validation errors name a kind. */
export function qualifiedKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/** The singular resource name kubectl accepts: `pod`, `deployment`. */
export function singularOf(info: ResourceInfo): string {
  return info.kind.toLowerCase();
}

/** Finds a kind by what a user types: kind, plural, singular or short name, optionally `name.group`. */
export function resolveResource(typed: string): ResourceInfo | undefined {
  const t = typed.toLowerCase();
  return RESOURCES.find((r) => {
    const names = [r.kind.toLowerCase(), r.resource, ...r.shortNames];
    return names.includes(t) || (r.group && names.some((n) => `${n}.${r.group}` === t));
  });
}

/** The kinds in a discovery category, such as `all`. */
export function resourcesInCategory(category: string): ResourceInfo[] {
  return RESOURCES.filter((r) => r.categories.includes(category));
}
