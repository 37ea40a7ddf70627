/**
 * `kubectl events`: the namespace's events sorted by time, `LAST SEEN TYPE
 * REASON OBJECT MESSAGE` with OBJECT as `Kind/name`; `--for kind/name`,
 * `--types`, `-A`, `-o`.
 */
import type { KubeObject } from '../../api/types';
import { namespaceFlag, type Command } from '../command';
import { UsageError } from '../flags';
import { eventInterval, sortEvents } from '../printers/describe/events';
import { asList, toJson, toYaml } from '../printers/serialize';
import { formatRows } from '../printers/tabwriter';
import { printContext } from './get';
import { resolveType } from './resource-args';

export const eventsCommand: Command = {
  name: 'events',
  short: 'List events',
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'for', type: 'string', default: '', usage: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'types', type: 'stringArray', default: [], usage: 'Output only events of given types.' },
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default output format, don't print headers." },
    { name: 'watch', shorthand: 'w', type: 'bool', default: false, usage: 'After listing the requested events, watch for more events.' },
  ],
  run(ctx, parsed, io) {
    if (parsed.args.length) throw new UsageError(`error: unknown command "${parsed.args[0]}" for "kubectl events"`);
    const ns = namespaceFlag(parsed);
    const allNs = !!parsed.flags['all-namespaces'];
    let events: KubeObject[] = ctx.cluster.api.list('Event', allNs ? undefined : ns).items;
    const forArg = String(parsed.flags.for ?? '');
    if (forArg) {
      const i = forArg.indexOf('/');
      if (i < 0) throw new UsageError(`error: --for must be in resource/name form`);
      const info = resolveType(forArg.slice(0, i));
      const name = forArg.slice(i + 1);
      events = events.filter((e) => e.involvedObject?.kind === info.kind && e.involvedObject?.name === name);
    }
    const types = (parsed.flags.types as string[]).flatMap((t) => t.split(',')).filter(Boolean);
    for (const t of types) if (!['normal', 'warning'].includes(t.toLowerCase())) throw new UsageError(`error: valid --types are Normal or Warning`);
    if (types.length) events = events.filter((e) => types.some((t) => t.toLowerCase() === String(e.type).toLowerCase()));
    if (!events.length) {
      io.err(allNs ? 'No events found.' : `No events found in ${ns} namespace.`);
      return 0;
    }
    events = sortEvents(events);
    const output = String(parsed.flags.output ?? '');
    if (output === 'yaml') return void io.out(toYaml(asList(events)));
    if (output === 'json') return void io.out(toJson(asList(events)));
    if (output === 'name') return void io.out(events.map((e) => `event/${e.metadata.name}`).join('\n'));
    if (output) throw new UsageError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
    const pctx = printContext(ctx);
    const rows = events.map((e) => [
      ...(allNs ? [e.metadata.namespace ?? ''] : []),
      eventInterval(e, pctx), e.type ?? '', e.reason ?? '', `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`, String(e.message ?? '').trim(),
    ]);
    const header = [...(allNs ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
    io.out(formatRows(parsed.flags['no-headers'] ? rows : [header, ...rows]));
  },
};
