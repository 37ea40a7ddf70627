/**
 * `kubectl rollout status|history|undo|restart|pause|resume deployment/NAME`.
 * Only Deployments roll out in the simulation; other kinds get kubectl's
 * "no ... has been implemented" errors.
 */
import { rfc3339 } from '../../core/time';
import { clone } from '../../apiserver/apiserver';
import type { ResourceInfo } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { deepEqual } from '../../controllers/util/stable-json';
import { POD_TEMPLATE_HASH_LABEL } from '../../controllers/util/hash';
import type { Cluster } from '../../cluster';
import { namespaceFlag, type Command } from '../command';
import { UsageError, type ParsedArgs } from '../flags';
import { kindLabel, mutate, orCliError, parseObjectArgs } from './resource-args';
import { deploymentStatusLine } from './rollout-status';

/** The annotation holding a ReplicaSet's (and its Deployment's) revision. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

function targets(parsed: ParsedArgs, sub: string): { info: ResourceInfo; name: string }[] {
  const objs = parseObjectArgs(parsed.args);
  if (!objs.length && !parsed.args.length) throw new UsageError(`error: required resource not specified\nSee 'kubectl rollout ${sub} -h' for help and examples`);
  if (!objs.length) throw new UsageError('error: resource(s) were provided, but no name was specified');
  return objs;
}

/** The Deployment's ReplicaSets with their revision numbers, oldest revision first. */
export function revisionsOf(cluster: Cluster, d: KubeObject): { revision: number; rs: KubeObject }[] {
  return cluster.api
    .list('ReplicaSet', d.metadata.namespace)
    .items.filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid))
    .map((rs) => ({ revision: Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? 0), rs }))
    .sort((a, b) => a.revision - b.revision);
}

function templateWithoutHash(template: KubeObject['spec']['template']): unknown {
  const t = clone(template ?? {});
  if (t.metadata?.labels) delete t.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  return t;
}

function onlyDeployments(info: ResourceInfo, what: string): void {
  if (info.kind !== 'Deployment') throw new UsageError(`error: no ${what} has been implemented for {"${info.group}" "${info.kind}"}`);
}

const status: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  flags: [
    { name: 'watch', shorthand: 'w', type: 'bool', default: true, usage: 'Watch the status of the rollout until it\'s done.' },
    { name: 'revision', type: 'int', default: 0, usage: 'Pin to a specific revision for showing its status.' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before ending watch.' },
  ],
  run(ctx, parsed, io) {
    const [{ info, name }] = targets(parsed, 'status');
    onlyDeployments(info, 'status viewer');
    const d = orCliError(() => ctx.cluster.api.get('Deployment', namespaceFlag(parsed), name));
    const step = deploymentStatusLine(d);
    if (step.error) throw new UsageError(step.error);
    io.out(step.line);
    return 0;
  },
};

const history: Command = {
  name: 'history',
  short: 'View rollout history',
  flags: [{ name: 'revision', type: 'int', default: 0, usage: 'See the details, including podTemplate of the revision specified' }],
  run(ctx, parsed, io) {
    const ns = namespaceFlag(parsed);
    for (const { info, name } of targets(parsed, 'history')) {
      onlyDeployments(info, 'history viewer');
      const d = orCliError(() => ctx.cluster.api.get('Deployment', ns, name));
      const revisions = revisionsOf(ctx.cluster, d);
      const wanted = parsed.flags.revision as number;
      if (wanted > 0) {
        const found = revisions.find((r) => r.revision === wanted);
        if (!found) throw new UsageError(`error: unable to find the specified revision`);
        io.out(`${kindLabel(info)}/${name} with revision #${wanted}\n${podTemplateText(found.rs)}`);
        continue;
      }
      // kubectl's tabwriter here pads with 2 spaces.
      const rows = revisions.map((r) => [String(r.revision), r.rs.metadata.annotations?.[CHANGE_CAUSE] || '<none>']);
      const width = Math.max('REVISION'.length, ...rows.map((r) => r[0].length)) + 2;
      const lines = [`${'REVISION'.padEnd(width)}CHANGE-CAUSE`, ...rows.map((r) => `${r[0].padEnd(width)}${r[1]}`)];
      io.out(`${kindLabel(info)}/${name}\n${lines.join('\n')}\n\n`);
    }
  },
};

/** The pod template as `rollout history --revision` prints it (describe's template section). */
function podTemplateText(rs: KubeObject): string {
  const t = rs.spec?.template ?? {};
  const labels = Object.entries(t.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`);
  const out = ['Pod Template:', `  Labels:\t${labels.join('\n\t') || '<none>'}`];
  const ann = Object.entries(t.metadata?.annotations ?? {}).map(([k, v]) => `${k}: ${v}`);
  if (ann.length) out.push(`  Annotations:\t${ann.join('\n\t')}`);
  out.push('  Containers:');
  for (const c of t.spec?.containers ?? []) {
    out.push(`   ${c.name}:`, `    Image:\t${c.image}`);
    const ports = (c.ports ?? []).map((p: { containerPort: number; protocol?: string }) => `${p.containerPort}/${p.protocol ?? 'TCP'}`);
    out.push(`    Port:\t${ports.join(', ') || '<none>'}`, `    Host Port:\t${ports.length ? ports.map(() => '0/TCP').join(', ') : '<none>'}`);
    out.push(`    Environment:\t<none>`, `    Mounts:\t<none>`);
  }
  out.push('  Volumes:\t<none>');
  return out.join('\n') + '\n';
}

const undo: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  flags: [{ name: 'to-revision', type: 'int', default: 0, usage: 'The revision to rollback to. Default to 0 (last revision).' }],
  run(ctx, parsed, io) {
    const ns = namespaceFlag(parsed);
    for (const { info, name } of targets(parsed, 'undo')) {
      onlyDeployments(info, 'rollbacker');
      const d = orCliError(() => ctx.cluster.api.get('Deployment', ns, name));
      if (d.spec?.paused) throw new UsageError(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume ${kindLabel(info)}/${name}' and try again`);
      const revisions = revisionsOf(ctx.cluster, d);
      const to = parsed.flags['to-revision'] as number;
      let target: KubeObject | undefined;
      if (to > 0) {
        target = revisions.find((r) => r.revision === to)?.rs;
        if (!target) throw new UsageError(`error: unable to find specified revision ${to} in history`);
      } else {
        // The previous revision: the second-highest one.
        if (revisions.length < 2) throw new UsageError(`error: no rollout history found for deployment "${name}"`);
        target = revisions[revisions.length - 2].rs;
      }
      const template = templateWithoutHash(target.spec?.template);
      if (deepEqual(template, d.spec?.template)) {
        io.out(`${kindLabel(info)}/${name} skipped rollback (current template already matches revision ${target.metadata.annotations?.[REVISION_ANNOTATION]})`);
        continue;
      }
      orCliError(() =>
        mutate(ctx.cluster.api, 'Deployment', ns, name, (obj) => {
          obj.spec.template = clone(template);
        }),
      );
      io.out(`${kindLabel(info)}/${name} rolled back`);
    }
  },
};

const restart: Command = {
  name: 'restart',
  short: 'Restart a resource',
  run(ctx, parsed, io) {
    const ns = namespaceFlag(parsed);
    for (const { info, name } of targets(parsed, 'restart')) {
      onlyDeployments(info, 'restarter');
      orCliError(() =>
        mutate(ctx.cluster.api, 'Deployment', ns, name, (obj) => {
          if (obj.spec.paused) throw new UsageError(`error: deployments.apps "${name}" can't restart paused deployment (run rollout resume first)`);
          const meta = (obj.spec.template.metadata ??= {});
          meta.annotations = { ...(meta.annotations ?? {}), [RESTARTED_AT]: rfc3339(ctx.cluster.clock) };
        }),
      );
      io.out(`${kindLabel(info)}/${name} restarted`);
    }
  },
};

function pauser(pause: boolean): Command {
  const verb = pause ? 'pause' : 'resume';
  return {
    name: verb,
    short: pause ? 'Mark the provided resource as paused' : 'Resume a paused resource',
    run(ctx, parsed, io) {
      const ns = namespaceFlag(parsed);
      let failed = false;
      for (const { info, name } of targets(parsed, verb)) {
        onlyDeployments(info, pause ? 'pauser' : 'resumer');
        let changed = true;
        orCliError(() =>
          mutate(ctx.cluster.api, 'Deployment', ns, name, (obj) => {
            if (!!obj.spec.paused === pause) return (changed = false);
            if (pause) obj.spec.paused = true;
            else delete obj.spec.paused;
          }),
        );
        if (changed) io.out(`${kindLabel(info)}/${name} ${pause ? 'paused' : 'resumed'}`);
        else {
          io.err(`error: deployments.apps "${name}" ${pause ? 'is already paused' : 'is not paused'}`);
          failed = true;
        }
      }
      return failed ? 1 : 0;
    },
  };
}

/** `kubectl rollout`. */
export const rolloutCommand: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  subcommands: [history, pauser(true), restart, pauser(false), status, undo],
};
