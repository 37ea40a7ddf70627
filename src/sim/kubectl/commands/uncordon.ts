/** `kubectl uncordon NODE` -> `node/NODE uncordoned` (or `already uncordoned`). */
import type { Command } from '../command';
import { orCliError } from './resource-args';
import { nodeNames, setUnschedulable } from './node-args';

export const uncordonCommand: Command = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  flags: [{ name: 'selector', shorthand: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on' }],
  run(ctx, parsed, io) {
    for (const name of nodeNames(ctx.cluster, parsed.args, parsed, 'uncordon')) {
      const changed = orCliError(() => setUnschedulable(ctx.cluster, name, false));
      io.out(`node/${name} ${changed ? 'uncordoned' : 'already uncordoned'}`);
    }
  },
};
