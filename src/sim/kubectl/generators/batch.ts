/**
 * Jobs and CronJobs as `kubectl create job|cronjob` builds them
 * (create_job.go, create_cronjob.go).
 */
import type { KubeObject } from '../../api/types';
import { clone } from '../../apiserver/apiserver';

/** The Job of `kubectl create job NAME --image=IMAGE [-- cmd]`. */
export function buildJob(name: string, image: string, command: string[]): KubeObject {
  const container: Record<string, unknown> = { name, image, resources: {} };
  if (command.length) container.command = command;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: 'Never' } } },
  };
}

/** The CronJob of `kubectl create cronjob NAME --image --schedule [--restart] [-- cmd]`. */
export function buildCronJob(name: string, image: string, schedule: string, restart: string, command: string[]): KubeObject {
  const container: Record<string, unknown> = { name, image, resources: {} };
  if (command.length) container.command = command;
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      jobTemplate: { metadata: { name }, spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: restart || 'OnFailure' } } } },
      schedule,
    },
  };
}

/**
 * The Job of `kubectl create job NAME --from=cronjob/CJ`: the CronJob's job
 * template, the `cronjob.kubernetes.io/instantiate: manual` annotation, and
 * the CronJob as its (non-controller) owner.
 */
export function buildJobFromCronJob(name: string, cronJob: KubeObject): KubeObject {
  const tmpl = cronJob.spec?.jobTemplate ?? {};
  const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tmpl.metadata?.annotations ?? {}) };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      annotations,
      labels: tmpl.metadata?.labels,
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name, uid: cronJob.metadata.uid!, controller: true }],
    },
    spec: clone(tmpl.spec ?? {}),
  };
}
