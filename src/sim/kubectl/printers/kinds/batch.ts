/** `kubectl get` for batch/v1: jobs and cronjobs (reference §6.2). */
import type { KubeObject } from '../../../api/types';
import { selectorToString } from '../../../api/selectors';
import { humanDuration } from '../../age';
import { AGE, num, since, templateColumns, type KindPrinter, type PrintContext } from '../columns';

/* eslint-disable @typescript-eslint/no-explicit-any */

function hasCondition(job: KubeObject, type: string): boolean {
  return (job.status?.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');
}

/** Job STATUS: the first of Complete, Failed, Terminating, Suspended, FailureTarget, else Running. */
export function jobStatus(job: KubeObject): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(job: KubeObject): string {
  const succeeded = num(job.status?.succeeded);
  if (job.spec?.completions != null) return `${succeeded}/${job.spec.completions}`;
  const p = job.spec?.parallelism ?? 0;
  return p > 1 ? `${succeeded}/1 of ${p}` : `${succeeded}/1`;
}

function duration(job: KubeObject, ctx: PrintContext): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime ? Date.parse(job.status.completionTime) : ctx.now;
  return humanDuration(end - Date.parse(start));
}

const jobTemplate = (o: KubeObject) => o.spec?.template;
const cronTemplate = (o: KubeObject) => o.spec?.jobTemplate?.spec?.template;

/** Jobs: NAME STATUS COMPLETIONS DURATION AGE, wide CONTAINERS IMAGES SELECTOR. */
export const jobPrinter: KindPrinter = {
  kind: 'Job',
  columns: [
    { header: 'STATUS', cell: jobStatus },
    { header: 'COMPLETIONS', cell: completions },
    { header: 'DURATION', cell: duration },
    AGE,
    ...templateColumns(jobTemplate),
    { header: 'SELECTOR', wide: true, cell: (o) => selectorToString(o.spec?.selector) },
  ],
};

/** CronJobs: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE, wide CONTAINERS IMAGES SELECTOR. */
export const cronJobPrinter: KindPrinter = {
  kind: 'CronJob',
  columns: [
    { header: 'SCHEDULE', cell: (c) => c.spec?.schedule ?? '' },
    { header: 'TIMEZONE', cell: (c) => c.spec?.timeZone || '<none>' },
    { header: 'SUSPEND', cell: (c) => (c.spec?.suspend == null ? '<unset>' : c.spec.suspend ? 'True' : 'False') },
    { header: 'ACTIVE', cell: (c) => String((c.status?.active ?? []).length) },
    { header: 'LAST SCHEDULE', cell: (c, ctx) => (c.status?.lastScheduleTime ? since(ctx, c.status.lastScheduleTime) : '<none>') },
    AGE,
    ...templateColumns(cronTemplate),
    { header: 'SELECTOR', wide: true, cell: (o) => selectorToString(o.spec?.jobTemplate?.spec?.selector) },
  ],
};
