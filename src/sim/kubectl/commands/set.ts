/** `kubectl set image TYPE/NAME CONTAINER=IMAGE...` -> `deployment.apps/web image updated`. */
import type { KubeObject } from '../../api/types';
import { namespaceFlag, type Command } from '../command';
import { UsageError } from '../flags';
import { kindLabel, mutate, orCliError, parseObjectArgs } from './resource-args';

/** The pod spec inside an object of any workload kind. */
function podSpecOf(obj: KubeObject): { containers?: { name: string; image: string }[]; initContainers?: { name: string; image: string }[] } | undefined {
  switch (obj.kind) {
    case 'Pod':
      return obj.spec;
    case 'CronJob':
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    default:
      return obj.spec?.template?.spec;
  }
}

const image: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  flags: [{ name: 'all', type: 'bool', default: false, usage: 'Select all resources, in the namespace of the specified resource types' }],
  run(ctx, parsed, io) {
    const split = parsed.args.findIndex((a) => a.includes('='));
    if (split < 0) throw new UsageError("error: at least one image update is required\nSee 'kubectl set image -h' for help and examples");
    const objs = parseObjectArgs(parsed.args.slice(0, split));
    if (!objs.length) throw new UsageError("error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl set image -h' for help and examples");
    const updates = parsed.args.slice(split).map((a) => {
      const i = a.indexOf('=');
      if (i <= 0 || i === a.length - 1) throw new UsageError(`error: invalid image ${a}`);
      return { container: a.slice(0, i), image: a.slice(i + 1) };
    });
    const ns = namespaceFlag(parsed);
    for (const { info, name } of objs) {
      let changed = false;
      orCliError(() =>
        mutate(ctx.cluster.api, info.kind, ns, name, (obj) => {
          const spec = podSpecOf(obj);
          if (!spec) throw new UsageError(`error: ${kindLabel(info)}/${name} has no pod template`);
          const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
          for (const u of updates) {
            const hits = u.container === '*' ? all : all.filter((c) => c.name === u.container);
            if (!hits.length) throw new UsageError(`error: unable to find container named "${u.container}"`);
            for (const c of hits) {
              if (c.image !== u.image) changed = true;
              c.image = u.image;
            }
          }
          return changed;
        }),
      );
      // kubectl sends no patch, and prints nothing, when the images are already set.
      if (changed) io.out(`${kindLabel(info)}/${name} image updated`);
    }
  },
};

/** `kubectl set`. */
export const setCommand: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  subcommands: [image],
};
