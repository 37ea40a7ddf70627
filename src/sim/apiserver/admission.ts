/**
 * Mutating admission plugins that run on create (reference §1.8):
 * ServiceAccount, DefaultTolerationSeconds and Priority for pods, and
 * Priority's one-global-default rule for PriorityClasses.
 */
import type { KubeObject, Toleration } from '../api/types';
import type { ResourceInfo } from '../api/resources';
import type { ApiServer } from './apiserver';
import { admitPodPriority, admitPriorityClass } from './priority';

/** The 300 s NoExecute tolerations every pod gets unless it brings its own (DefaultTolerationSeconds). */
export const DEFAULT_TOLERATION_SECONDS = 300;

function addDefaultTolerations(tolerations: Toleration[]): Toleration[] {
  const out = [...tolerations];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const covered = out.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
    if (!covered) out.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  }
  return out;
}

/** Runs the mutating admission plugins on a new object, in place. */
export function admit(api: ApiServer, obj: KubeObject, info: ResourceInfo): void {
  if (info.kind === 'PriorityClass') admitPriorityClass(api, obj, info);
  if (info.kind !== 'Pod') return;
  obj.spec.serviceAccountName ??= 'default';
  obj.spec.serviceAccount ??= obj.spec.serviceAccountName;
  obj.spec.tolerations = addDefaultTolerations(obj.spec.tolerations ?? []);
  admitPodPriority(api, obj, info);
}
