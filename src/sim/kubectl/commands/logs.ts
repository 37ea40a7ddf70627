/**
 * `kubectl logs POD|TYPE/NAME [-c C] [--previous] [-f] [--tail N]
 * [--timestamps] [--all-containers]`: the container's output from its
 * node's kubelet, with the API server's errors for containers that have none.
 */
import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../cluster';
import { namespaceFlag, type Command } from '../command';
import { UsageError } from '../flags';
import { allContainerNames, containerStatus, pickContainer, resolvePod } from './pod-target';

/** Log lines of one container, or the error the server answers (`Error from server (BadRequest): ...`). */
export function podLogs(cluster: Cluster, pod: KubeObject, container: string, previous: boolean): { lines: string[] } | { error: string } {
  const bad = (msg: string) => ({ error: `Error from server (BadRequest): ${msg}` });
  const name = pod.metadata.name;
  if (!allContainerNames(pod).includes(container)) return bad(`container ${container} is not valid for pod ${name}`);
  if (!pod.spec?.nodeName) return { lines: [] };
  const lines = cluster.kubelets.get(pod.spec.nodeName)?.containerLogs(pod.metadata.namespace!, name, container, previous);
  if (lines) return { lines };
  if (previous) return bad(`previous terminated container "${container}" in pod "${name}" not found`);
  const waiting = containerStatus(pod, container)?.state?.waiting;
  const reason = waiting?.reason ?? 'ContainerCreating';
  if (reason === 'ErrImagePull' || reason === 'ImagePullBackOff') return bad(`container "${container}" in pod "${name}" is waiting to start: trying and failing to pull image`);
  if (reason === 'InvalidImageName') return bad(`container "${container}" in pod "${name}" is waiting to start: image can't be pulled`);
  return bad(`container "${container}" in pod "${name}" is waiting to start: ${reason}`);
}

/** A time as `--timestamps` prints it (RFC 3339 with nanoseconds). */
function nanoStamp(ts: string | undefined): string {
  return (ts ?? '').replace(/Z$/, '.000000000Z');
}

export const logsCommand: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string', default: '', usage: 'Print the logs of this container' },
    { name: 'previous', shorthand: 'p', type: 'bool', default: false, usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'follow', shorthand: 'f', type: 'bool', default: false, usage: 'Specify if the logs should be streamed.' },
    { name: 'tail', type: 'int', default: -1, usage: 'Lines of recent log file to display.' },
    { name: 'timestamps', type: 'bool', default: false, usage: 'Include timestamps on each line in the log output' },
    { name: 'all-containers', type: 'bool', default: false, usage: 'Get all containers\' logs in the pod(s).' },
    { name: 'prefix', type: 'bool', default: false, usage: 'Prefix each log line with the log source (pod name and container name)' },
  ],
  run(ctx, parsed, io) {
    const [target, positionalContainer, ...extra] = parsed.args;
    if (!target) throw new UsageError("error: expected POD, TYPE/NAME, or --selector\nSee 'kubectl logs -h' for help and examples");
    if (extra.length || (positionalContainer && parsed.flags.container)) {
      throw new UsageError("error: only one of -c or an inline [CONTAINER] arg is allowed\nSee 'kubectl logs -h' for help and examples");
    }
    const pod = resolvePod(ctx.cluster, namespaceFlag(parsed), target, io);
    const containers = parsed.flags['all-containers'] ? allContainerNames(pod) : [pickContainer(pod, (parsed.flags.container as string) || positionalContainer || '', io)];
    const tail = parsed.flags.tail as number;
    for (const container of containers) {
      const result = podLogs(ctx.cluster, pod, container, parsed.flags.previous as boolean);
      if ('error' in result) throw new UsageError(result.error);
      let lines = result.lines;
      if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
      // The kubelet keeps lines without their write times; stamp them with the container's start.
      const status = containerStatus(pod, container);
      const started = parsed.flags.previous ? status?.lastState?.terminated?.startedAt : status?.state?.running?.startedAt ?? status?.state?.terminated?.startedAt;
      for (const line of lines) {
        const prefix = parsed.flags.prefix ? `[pod/${pod.metadata.name}/${container}] ` : '';
        io.out(`${prefix}${parsed.flags.timestamps ? `${nanoStamp(started)} ` : ''}${line}`);
      }
    }
  },
};
