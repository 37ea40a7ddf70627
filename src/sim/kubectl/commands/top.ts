/**
 * `kubectl top nodes|pods`: resource usage as metrics-server would report it,
 * computed from what the simulated runtime runs — each running container uses
 * its image's usage profile (generic images a small default), nodes add the
 * system daemons' share. Deterministic: a per-pod factor from a stable hash.
 */
import type { KubeObject } from '../../api/types';
import { cpuMillis, units } from '../../api/quantity';
import { resolvePull, stableHash } from '../../runtime/images';
import { namespaceFlag, type Command, type KubectlContext } from '../command';
import { UsageError } from '../flags';
import { formatRows } from '../printers/tabwriter';

const MI = 1024 * 1024;

/** CPU (millicores) and memory (bytes) one container uses. */
function containerUsage(podName: string, c: { name: string; image?: string }): { cpu: number; memory: number } {
  const pulled = c.image ? resolvePull(c.image) : undefined;
  const profile = pulled?.ok && pulled.image.catalog ? pulled.image.catalog.usage : { cpuMillis: 1, memoryBytes: 12 * MI };
  // A steady, per-container wobble so identical pods do not read identically.
  const f = 0.85 + (stableHash(`${podName}/${c.name}`) % 31) / 100;
  return { cpu: Math.max(1, Math.round(profile.cpuMillis * f)), memory: Math.round(profile.memoryBytes * f) };
}

/** Usage of each running container of a pod; undefined when the pod has no metrics (not running). */
export function podUsage(pod: KubeObject): { name: string; cpu: number; memory: number }[] | undefined {
  if (pod.status?.phase !== 'Running') return undefined;
  const running = new Set((pod.status?.containerStatuses ?? []).filter((s: { state?: { running?: unknown } }) => s.state?.running).map((s: { name: string }) => s.name));
  return (pod.spec?.containers ?? []).filter((c: { name: string }) => running.has(c.name)).map((c: { name: string; image?: string }) => ({ name: c.name, ...containerUsage(pod.metadata.name, c) }));
}

/** Usage of a node: its pods plus the kubelet, container runtime and OS. */
export function nodeUsage(ctx: KubectlContext, node: KubeObject): { cpu: number; memory: number } {
  const controlPlane = Object.keys(node.metadata.labels ?? {}).includes('node-role.kubernetes.io/control-plane');
  let cpu = controlPlane ? 180 : 45;
  let memory = (controlPlane ? 1100 : 520) * MI;
  for (const pod of ctx.cluster.api.list('Pod').items) {
    if (pod.spec?.nodeName !== node.metadata.name) continue;
    for (const c of podUsage(pod) ?? []) {
      cpu += c.cpu;
      memory += c.memory;
    }
  }
  return { cpu, memory };
}

const cores = (m: number) => `${m}m`;
const bytes = (b: number) => `${Math.round(b / MI)}Mi`;

function sortRows<T extends { name: string; cpu: number; memory: number }>(rows: T[], by: string): T[] {
  if (by === 'cpu') return [...rows].sort((a, b) => b.cpu - a.cpu);
  if (by === 'memory') return [...rows].sort((a, b) => b.memory - a.memory);
  if (by) throw new UsageError('error: --sort-by accepts only cpu or memory');
  return rows;
}

const nodesCommand: Command = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  flags: [
    { name: 'sort-by', type: 'string', default: '', usage: 'If non-empty, sort nodes list using specified field. The field can be either \'cpu\' or \'memory\'.' },
    { name: 'no-headers', type: 'bool', default: false, usage: 'If present, print output without headers' },
    { name: 'selector', shorthand: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on.' },
  ],
  run(ctx, parsed, io) {
    const api = ctx.cluster.api;
    let nodes = api.list('Node').items;
    if (parsed.args.length) {
      nodes = nodes.filter((n) => parsed.args.includes(n.metadata.name));
      const missing = parsed.args.find((a) => !nodes.some((n) => n.metadata.name === a));
      if (missing) throw new UsageError(`Error from server (NotFound): nodes "${missing}" not found`);
    }
    const rows = sortRows(
      nodes.map((n) => ({ name: n.metadata.name, alloc: n.status?.allocatable ?? {}, ...nodeUsage(ctx, n) })),
      String(parsed.flags['sort-by'] ?? ''),
    ).map((r) => [r.name, cores(r.cpu), `${Math.trunc((r.cpu / cpuMillis(r.alloc.cpu ?? '1')) * 100)}%`, bytes(r.memory), `${Math.trunc((r.memory / units(r.alloc.memory ?? '1')) * 100)}%`]);
    const header = ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'];
    io.out(formatRows(parsed.flags['no-headers'] ? rows : [header, ...rows]));
  },
};

const podsCommand: Command = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'containers', type: 'bool', default: false, usage: 'If present, print usage of containers within a pod.' },
    { name: 'sort-by', type: 'string', default: '', usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'no-headers', type: 'bool', default: false, usage: 'If present, print output without headers.' },
    { name: 'selector', shorthand: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on.' },
  ],
  run(ctx, parsed, io) {
    const allNs = !!parsed.flags['all-namespaces'];
    const ns = namespaceFlag(parsed);
    let pods = ctx.cluster.api.list('Pod', allNs ? undefined : ns).items;
    if (parsed.args.length) pods = pods.filter((p) => parsed.args.includes(p.metadata.name));
    const measured = pods.map((p) => ({ pod: p, usage: podUsage(p) })).filter((x) => x.usage);
    if (!measured.length) {
      if (parsed.args.length) throw new UsageError(`error: Metrics not available for pod ${ns}/${parsed.args[0]}, age: 0s`);
      io.err(allNs ? 'No resources found' : `No resources found in ${ns} namespace.`);
      return 0;
    }
    const showContainers = !!parsed.flags.containers;
    const rows: string[][] = [];
    const totals = sortRows(
      measured.map(({ pod, usage }) => ({ name: pod.metadata.name, ns: pod.metadata.namespace ?? '', usage: usage!, cpu: usage!.reduce((s, c) => s + c.cpu, 0), memory: usage!.reduce((s, c) => s + c.memory, 0) })),
      String(parsed.flags['sort-by'] ?? ''),
    );
    for (const t of totals) {
      const prefix = allNs ? [t.ns] : [];
      if (showContainers) for (const c of t.usage) rows.push([...prefix, t.name, c.name, cores(c.cpu), bytes(c.memory)]);
      else rows.push([...prefix, t.name, cores(t.cpu), bytes(t.memory)]);
    }
    const header = [...(allNs ? ['NAMESPACE'] : []), ...(showContainers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)'];
    io.out(formatRows(parsed.flags['no-headers'] ? rows : [header, ...rows]));
  },
};

export const topCommand: Command = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  subcommands: [nodesCommand, podsCommand],
};
