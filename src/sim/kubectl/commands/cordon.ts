/** `kubectl cordon NODE` -> `node/NODE cordoned` (or `already cordoned`). */
import type { Command } from '../command';
import { orCliError } from './resource-args';
import { nodeNames, setUnschedulable } from './node-args';

export const cordonCommand: Command = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  flags: [{ name: 'selector', shorthand: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on' }],
  run(ctx, parsed, io) {
    for (const name of nodeNames(ctx.cluster, parsed.args, parsed, 'cordon')) {
      const changed = orCliError(() => setUnschedulable(ctx.cluster, name, true));
      io.out(`node/${name} ${changed ? 'cordoned' : 'already cordoned'}`);
    }
  },
};
