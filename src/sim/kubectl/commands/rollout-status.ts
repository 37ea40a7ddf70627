/**
 * What `kubectl rollout status deployment/NAME` prints for the deployment's
 * current state (reference §3.2; kubectl's DeploymentStatusViewer). The
 * terminal re-runs `rolloutStatusLine` as virtual time passes and prints each
 * line that differs from the previous one, until `done` or `error`.
 */
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../api/types';

/** One step of `kubectl rollout status`. */
export interface RolloutStatusStep {
  /** The line to print (without newline); empty when there is an error. */
  line: string;
  /** The rollout finished: stop watching, exit 0. */
  done: boolean;
  /** Set when watching must stop with this error (exit 1). */
  error?: string;
}

/** The status line for a Deployment object, as kubectl computes it. */
export function deploymentStatusLine(d: KubeObject): RolloutStatusStep {
  const name = d.metadata.name;
  const status = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return { line: 'Waiting for deployment spec update to be observed...', done: false };
  }
  const progressing = (status.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return { line: '', done: false, error: `error: deployment "${name}" exceeded its progress deadline` };
  }
  const want = d.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const replicas = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const waiting = `Waiting for deployment "${name}" rollout to finish: `;
  if (updated < want) return { line: `${waiting}${updated} out of ${want} new replicas have been updated...`, done: false };
  if (replicas > updated) return { line: `${waiting}${replicas - updated} old replicas are pending termination...`, done: false };
  if (available < updated) return { line: `${waiting}${available} of ${updated} updated replicas are available...`, done: false };
  return { line: `deployment "${name}" successfully rolled out`, done: true };
}

/** The next `rollout status` line for deployment `ns/name` in `cluster`. */
export function rolloutStatusLine(cluster: Cluster, ns: string, name: string): RolloutStatusStep {
  const d = cluster.api.tryGet('Deployment', ns, name);
  if (!d) return { line: '', done: false, error: `Error from server (NotFound): deployments.apps "${name}" not found` };
  return deploymentStatusLine(d);
}
