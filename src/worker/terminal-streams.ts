/**
 * The terminal's long-running kubectl commands, run inside the Worker: `kubectl rollout status`
 * (watching by default) and `kubectl get -w` (sim/kubectl's rolloutStatusLine and watchGet). kubectl itself prints the first output; a stream
 * then follows the live cluster and hands out the next lines on every clock tick until it ends
 * or the user presses Ctrl+C.
 */
import type { Cluster } from '../sim/cluster';
import { COMMANDS } from '../sim/kubectl/commands';
import type { Command, KubectlContext } from '../sim/kubectl/command';
import { namespaceFlag } from '../sim/kubectl/command';
import { parseFlags, type ParsedArgs } from '../sim/kubectl/flags';
import type { KubectlResult } from '../sim/kubectl/kubectl';
import { rolloutStatusLine } from '../sim/kubectl/commands/rollout-status';
import { parseObjectArgs } from '../sim/kubectl/commands/resource-args';
import { watchGet } from '../sim/kubectl/commands/get';

/** What a stream printed since the last poll, and whether it ended. */
export interface StreamOutput {
  stdout: string;
  stderr: string;
  done: boolean;
  exitCode: number;
}

/** One running command. */
export interface TerminalStream {
  /** New output since the last call (empty strings when nothing changed). */
  poll(): StreamOutput;
  dispose(): void;
}

/** The command a kubectl argv names, with its parsed flags (undefined when it does not parse). */
function resolve(argv: string[]): { path: string[]; parsed: ParsedArgs } | undefined {
  let level: Command[] = COMMANDS;
  const path: string[] = [];
  let cmd: Command | undefined;
  let rest = argv;
  while (rest.length && !rest[0].startsWith('-')) {
    const next = level.find((c) => c.name === rest[0] || c.aliases?.includes(rest[0]));
    if (!next) break;
    cmd = next;
    path.push(next.name);
    rest = rest.slice(1);
    if (!next.subcommands?.length) break;
    level = next.subcommands;
  }
  if (!cmd) return undefined;
  try {
    return { path, parsed: parseFlags(rest, cmd.flags ?? [], `kubectl ${path.join(' ')}`) };
  } catch {
    return undefined;
  }
}

/**
 * Starts a stream when `argv` is a long-running command whose first run (`first`) succeeded
 * and did not already finish; undefined otherwise.
 */
export function startStream(cluster: Cluster, ctx: KubectlContext, argv: string[], first: KubectlResult): TerminalStream | undefined {
  if (first.exitCode !== 0) return undefined;
  const cmd = resolve(argv);
  if (!cmd) return undefined;
  const key = cmd.path.join(' ');
  if (key === 'rollout status' && cmd.parsed.flags.watch !== false) return rolloutStream(cluster, cmd.parsed, first);
  if (key === 'get' && (cmd.parsed.flags.watch === true || cmd.parsed.flags['watch-only'] === true)) return getWatchStream(cluster, ctx, argv, first);
  return undefined;
}

function rolloutStream(cluster: Cluster, parsed: ParsedArgs, first: KubectlResult): TerminalStream | undefined {
  const [target] = parseObjectArgs(parsed.args);
  if (!target) return undefined;
  const ns = namespaceFlag(parsed);
  let last = first.stdout.trimEnd().split('\n').pop() ?? '';
  if (/successfully rolled out$/.test(last)) return undefined;
  let ended = false;
  return {
    poll() {
      if (ended) return { stdout: '', stderr: '', done: true, exitCode: 0 };
      const step = rolloutStatusLine(cluster, ns, target.name);
      if (step.error) {
        ended = true;
        return { stdout: '', stderr: `${step.error}\n`, done: true, exitCode: 1 };
      }
      let stdout = '';
      if (step.line && step.line !== last) {
        stdout = `${step.line}\n`;
        last = step.line;
      }
      if (step.done) ended = true;
      return { stdout, stderr: '', done: step.done, exitCode: 0 };
    },
    dispose() {
      ended = true;
    },
  };
}

/**
 * `kubectl get ... -w`: after the first table, the row kubectl prints for each change of a
 * watched object (sim/kubectl's watchGet). A row identical to the object's previous one is
 * skipped: the simulation updates status more often than a real cluster would show.
 */
function getWatchStream(cluster: Cluster, ctx: KubectlContext, argv: string[], first: KubectlResult): TerminalStream {
  const watch = watchGet(ctx, argv, () => first);
  const lastRow = new Map<string, string>();
  let out = '';
  const unsubscribe = cluster.store.subscribe((change) => {
    const row = watch.onChange(change);
    if (!row) return;
    const key = `${change.object.kind}/${change.object.metadata.namespace ?? ''}/${change.object.metadata.name}`;
    if (change.type !== 'DELETED' && lastRow.get(key) === row) return;
    if (change.type === 'DELETED') lastRow.delete(key);
    else lastRow.set(key, row);
    out += row;
  });
  let ended = false;
  return {
    poll() {
      const stdout = out;
      out = '';
      return { stdout, stderr: '', done: ended, exitCode: 0 };
    },
    dispose() {
      ended = true;
      unsubscribe();
    },
  };
}
