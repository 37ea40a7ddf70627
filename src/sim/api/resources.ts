/**
 * The kinds the API server serves, with what discovery says of them:
 * group, version, plural resource name, short names and scope.
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
}

const RESOURCES: ResourceInfo[] = [
  { kind: 'Namespace', group: '', version: 'v1', resource: 'namespaces', namespaced: false, shortNames: ['ns'] },
  { kind: 'Node', group: '', version: 'v1', resource: 'nodes', namespaced: false, shortNames: ['no'] },
  { kind: 'Pod', group: '', version: 'v1', resource: 'pods', namespaced: true, shortNames: ['po'] },
  { kind: 'Service', group: '', version: 'v1', resource: 'services', namespaced: true, shortNames: ['svc'] },
  { kind: 'Event', group: '', version: 'v1', resource: 'events', namespaced: true, shortNames: ['ev'] },
  { kind: 'ReplicaSet', group: 'apps', version: 'v1', resource: 'replicasets', namespaced: true, shortNames: ['rs'] },
  { kind: 'Deployment', group: 'apps', version: 'v1', resource: 'deployments', namespaced: true, shortNames: ['deploy'] },
  { kind: 'PodDisruptionBudget', group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', namespaced: true, shortNames: ['pdb'] },
  { kind: 'PriorityClass', group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', namespaced: false, shortNames: ['pc'] },
  { kind: 'Lease', group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespaced: true, shortNames: [] },
];

const BY_KIND = new Map(RESOURCES.map((r) => [r.kind, r]));

/** Every served kind, in a stable order. */
export function allResources(): readonly ResourceInfo[] {
  return RESOURCES;
}

/** The resource info for `kind`, or undefined when the server does not serve it. */
export function resourceForKind(kind: string): ResourceInfo | undefined {
  return BY_KIND.get(kind);
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

/** Finds a kind by what a user types: kind, plural, singular or short name, optionally `name.group`. */
export function resolveResource(typed: string): ResourceInfo | undefined {
  const t = typed.toLowerCase();
  return RESOURCES.find((r) => {
    const names = [r.kind.toLowerCase(), r.resource, ...r.shortNames];
    return names.includes(t) || (r.group && names.some((n) => `${n}.${r.group}` === t));
  });
}
