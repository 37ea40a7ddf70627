/**
 * `kubectl exec POD|TYPE/NAME [-c C] [-it] -- CMD ARGS`: runs the command in a
 * running container (see exec-shell.ts), with kubectl's and the runtime's
 * errors. A non-zero exit prints `command terminated with exit code N`.
 */
import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../cluster';
import { fakeDigest, IMAGE_CATALOG, parseImageRef } from '../../runtime/images';
import { namespaceFlag, type Command } from '../command';
import { UsageError } from '../flags';
import { containerStatus, pickContainer, resolvePod } from './pod-target';
import { execInContainer, type ExecContext } from './exec-shell';

const STANDARD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const COREUTILS = ['sh', 'ls', 'cat', 'echo', 'env', 'printenv', 'hostname', 'pwd', 'id', 'whoami', 'sleep', 'true', 'false', 'printf', 'date', 'ps', 'mkdir', 'touch', 'rm', 'grep', 'head', 'tail', 'wc', 'uname', 'kill'];

/** The executables an image has: busybox/alpine have a busybox sh (no bash), pause has nothing, the rest a Debian-like userland. */
function binariesOf(image: string): Set<string> {
  const ref = parseImageRef(image);
  const repo = ref?.repository ?? '';
  if (repo === 'registry.k8s.io/pause' || /distroless/.test(repo)) return new Set(['pause']);
  const base = new Set(COREUTILS);
  const busybox = repo.endsWith('/busybox') || repo.endsWith('/alpine') || /alpine/.test(ref?.tag ?? '');
  if (busybox) for (const b of ['ash', 'wget', 'nslookup', 'ping', 'vi', 'top']) base.add(b);
  else base.add('bash');
  for (const b of IMAGE_CATALOG.get(repo)?.binaries ?? []) base.add(b);
  return base;
}

/** The environment a container process sees: PATH, HOSTNAME, its env, the service variables for `kubernetes`, HOME. */
function environment(cluster: Cluster, pod: KubeObject, container: { env?: { name: string; value?: string }[] }): [string, string][] {
  const env: [string, string][] = [['PATH', STANDARD_PATH], ['HOSTNAME', pod.metadata.name]];
  for (const e of container.env ?? []) env.push([e.name, e.value ?? '']);
  const services = cluster.api.list('Service', pod.metadata.namespace).items;
  const k8s = cluster.api.tryGet('Service', 'default', 'kubernetes');
  if (k8s && !services.includes(k8s)) services.push(k8s);
  for (const svc of services) {
    const ip = svc.spec?.clusterIP;
    if (!ip || ip === 'None') continue;
    const prefix = svc.metadata.name.toUpperCase().replace(/-/g, '_');
    const ports = svc.spec?.ports ?? [];
    if (!ports.length) continue;
    env.push([`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(ports[0].port)]);
    for (const p of ports) if (p.name) env.push([`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port)]);
    const proto = (ports[0].protocol ?? 'TCP').toLowerCase();
    env.push([`${prefix}_PORT`, `${proto}://${ip}:${ports[0].port}`]);
    for (const p of ports) {
      const pr = (p.protocol ?? 'TCP');
      const key = `${prefix}_PORT_${p.port}_${pr}`;
      env.push([key, `${pr.toLowerCase()}://${ip}:${p.port}`], [`${key}_PROTO`, pr.toLowerCase()], [`${key}_PORT`, String(p.port)], [`${key}_ADDR`, ip]);
    }
  }
  env.push(['HOME', '/root']);
  return env;
}

export const execCommand: Command = {
  name: 'exec',
  short: 'Execute a command in a container',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string', default: '', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'stdin', shorthand: 'i', type: 'bool', default: false, usage: 'Pass stdin to the container' },
    { name: 'tty', shorthand: 't', type: 'bool', default: false, usage: 'Stdin is a TTY' },
    { name: 'quiet', shorthand: 'q', type: 'bool', default: false, usage: 'Only print output from the remote session' },
  ],
  run(ctx, parsed, io) {
    const [target, ...argv] = parsed.args;
    if (!target) throw new UsageError("error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples");
    if (!argv.length) throw new UsageError("error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples");
    const cluster = ctx.cluster;
    const pod = resolvePod(cluster, namespaceFlag(parsed), target, io);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new UsageError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
    const name = pickContainer(pod, parsed.flags.container as string, parsed.flags.quiet ? { ...io, err: () => undefined } : io);
    if (!pod.spec?.nodeName) throw new UsageError(`Error from server (BadRequest): pod ${pod.metadata.name} does not have a host assigned`);
    const spec = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])].find((c: { name: string }) => c.name === name);
    if (!spec || !containerStatus(pod, name)?.state?.running) throw new UsageError(`error: unable to upgrade connection: container not found ("${name}")`);
    const bins = binariesOf(spec.image);
    const execCtx: ExecContext = {
      podName: pod.metadata.name,
      namespace: pod.metadata.namespace!,
      podIP: pod.status?.podIP,
      env: environment(cluster, pod, spec),
      hasBinary: (b) => bins.has(b),
    };
    const result = execInContainer(execCtx, argv);
    if (result.notFound) {
      // containerd names the exec process by a random 64-hex id; derive it from the pod and time so runs repeat.
      const id = fakeDigest(`${pod.metadata.uid}/${name}/${cluster.clock.now()}`).slice('sha256:'.length);
      throw new UsageError(
        `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${result.notFound}": executable file not found in $PATH: unknown`,
      );
    }
    for (const l of result.stdout) io.out(l);
    for (const l of result.stderr) io.err(l);
    if (result.exitCode !== 0) {
      io.err(`command terminated with exit code ${result.exitCode}`);
      return result.exitCode;
    }
    return 0;
  },
};
