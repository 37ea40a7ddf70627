/**
 * What `logs` and `exec` share: finding the pod (directly, or the one kubectl
 * picks for `deploy/web`), choosing the container with kubectl's
 * `Defaulted container` note, and the API server's errors for pods without a node.
 */
import type { ContainerStatus, KubeObject } from '../../api/types';
import type { Cluster } from '../../cluster';
import { selectorMatches, mapMatches } from '../../api/selectors';
import { isPodReady } from '../../controllers/util/pods';
import type { KubectlIO } from '../command';
import { UsageError } from '../flags';
import { orCliError, parseObjectArgs } from './resource-args';

/** The annotation naming the container kubectl picks by default. */
export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** Every container name of the pod, init containers first, as kubectl lists them. */
export function allContainerNames(pod: KubeObject): string[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c: { name: string }) => c.name);
}

/**
 * Resolves `POD` or `TYPE/NAME` to a pod. For a workload, kubectl picks one of
 * its pods (scheduled, running and ready first, then the oldest) and says so
 * when there were several.
 */
export function resolvePod(cluster: Cluster, ns: string, arg: string, io: KubectlIO): KubeObject {
  if (!arg.includes('/')) return orCliError(() => cluster.api.get('Pod', ns, arg));
  const [{ info, name }] = parseObjectArgs([arg]);
  const obj = orCliError(() => cluster.api.get(info.kind, ns, name));
  if (info.kind === 'Pod') return obj;
  const pods = cluster.api.list('Pod', ns).items.filter((p) =>
    info.kind === 'Service' ? mapMatches(obj.spec?.selector, p.metadata.labels) : selectorMatches(obj.spec?.selector, p.metadata.labels),
  );
  if (!pods.length) throw new UsageError(`error: no matching pods found`);
  const rank = (p: KubeObject) => [p.spec?.nodeName ? 0 : 1, p.status?.phase === 'Running' ? 0 : 1, isPodReady(p) ? 0 : 1];
  pods.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name);
  });
  if (pods.length > 1) io.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}`);
  return pods[0];
}

/** The container to use: `-c`, else the default-container annotation, else the first (with kubectl's note). */
export function pickContainer(pod: KubeObject, wanted: string, io: KubectlIO): string {
  if (wanted) return wanted;
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated) {
    if (allContainerNames(pod).includes(annotated)) return annotated;
    io.err(`Default container name "${annotated}" not found in pod ${pod.metadata.name}`);
  }
  const first = pod.spec?.containers?.[0]?.name as string;
  if ((pod.spec?.containers?.length ?? 0) > 1 || pod.spec?.initContainers?.length) {
    io.err(`Defaulted container "${first}" out of: ${allContainerNames(pod).join(', ')}`);
  }
  return first;
}

/** The status of one container of the pod. */
export function containerStatus(pod: KubeObject, name: string): ContainerStatus | undefined {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s: ContainerStatus) => s.name === name);
}
