/** `kubectl apply -f FILE|-`: client-side apply of every document (see ../apply.ts). */
import type { Command } from '../command';
import { UsageError } from '../flags';
import { applyYaml } from '../apply';

export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  flags: [
    { name: 'filename', shorthand: 'f', type: 'stringArray', default: [], usage: 'The files that contain the configurations to apply.' },
    { name: 'recursive', shorthand: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively.' },
    { name: 'dry-run', type: 'string', default: 'none', usage: 'Must be "none", "server", or "client".' },
  ],
  run(ctx, parsed, io) {
    const files = parsed.flags.filename as string[];
    if (!files.length) throw new UsageError("error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples");
    let failed = false;
    for (const file of files) {
      const text = file === '-' ? ctx.stdin ?? '' : ctx.files?.[file];
      if (text === undefined) {
        io.err(`error: the path "${file}" does not exist`);
        failed = true;
        continue;
      }
      const ns = parsed.flags.namespace as string;
      const report = applyYaml(ctx.cluster.api, text, ns || undefined);
      for (const line of report.lines) {
        if (line.error) {
          failed = true;
          io.err(line.text.replaceAll('"STDIN"', file === '-' ? '"STDIN"' : `"${file}"`));
        } else io.out(line.text);
      }
    }
    return failed ? 1 : 0;
  },
};
