/** `kubectl run NAME --image=IMAGE [--restart] [--port] [--labels] [--env] [-- ARGS]`: creates one pod. */
import { namespaceFlag, type Command } from '../command';
import { UsageError } from '../flags';
import { buildRunPod, type RunParams } from '../generators/pod';
import { createAndReport, DRY_RUN_FLAGS } from './resource-args';

export const runCommand: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  flags: [
    { name: 'image', type: 'string', default: '', usage: 'The image for the container to run.' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'port', type: 'int', default: -1, usage: 'The port that this container exposes.' },
    { name: 'labels', shorthand: 'l', type: 'string', default: '', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'env', type: 'stringArray', default: [], usage: 'Environment variables to set in the container.' },
    { name: 'command', type: 'bool', default: false, usage: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'image-pull-policy', type: 'string', default: '', usage: 'The image pull policy for the container.' },
    { name: 'stdin', shorthand: 'i', type: 'bool', default: false, usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', shorthand: 't', type: 'bool', default: false, usage: 'Allocate a TTY for the container in the pod.' },
    { name: 'rm', type: 'bool', default: false, usage: 'If true, delete the pod after it exits.  Only valid when attaching to the container.' },
    ...DRY_RUN_FLAGS,
  ],
  run(ctx, parsed, io) {
    const [name, ...args] = parsed.args;
    if (!name) throw new UsageError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
    const image = parsed.flags.image as string;
    if (!image) throw new UsageError("error: --image is required\nSee 'kubectl run -h' for help and examples");
    const restart = parsed.flags.restart as string;
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new UsageError(`error: invalid restart policy: ${restart}\nSee 'kubectl run -h' for help and examples`);
    if (parsed.flags.rm && !parsed.flags.stdin) throw new UsageError('error: rm should only be used for attached containers');
    const pod = buildRunPod({
      name,
      image,
      restart: restart as RunParams['restart'],
      port: parsed.flags.port as number,
      labels: (parsed.flags.labels as string) || undefined,
      env: parsed.flags.env as string[],
      args,
      command: parsed.flags.command as boolean,
      imagePullPolicy: (parsed.flags['image-pull-policy'] as string) || undefined,
    });
    if (parsed.flags.namespace) pod.metadata.namespace = namespaceFlag(parsed);
    if (parsed.flags.stdin) Object.assign(pod.spec.containers[0], { stdin: true, stdinOnce: true, tty: !!parsed.flags.tty });
    createAndReport(ctx.cluster.api, pod, parsed, io);
  },
};
