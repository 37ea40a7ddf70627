/**
 * kubectl: argv in, text out, exactly as the real one prints it (reference §6).
 * Runs inside the simulation (Worker or Node) against a Cluster.
 */
import { ApiError } from '../apiserver/errors';
import { COMMANDS } from './commands';
import type { Command, KubectlContext, KubectlIO } from './command';
import { GLOBAL_FLAGS, parseFlags, UsageError } from './flags';

/** What one kubectl invocation printed and its exit code. */
export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Set by `kubectl edit`: the YAML to open in the editor. */
  edit?: string;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** Cobra's suggestions: commands within edit distance 2, or that start with what was typed. */
function suggestions(typed: string, commands: Command[]): string[] {
  return commands
    .filter((c) => levenshtein(typed, c.name) <= 2 || c.name.startsWith(typed))
    .map((c) => c.name)
    .sort();
}

function unknownCommand(typed: string, path: string, commands: Command[]): string {
  const s = suggestions(typed, commands);
  const hint = s.length ? `\n\nDid you mean this?\n${s.map((n) => `\t${n}`).join('\n')}` : '';
  return `error: unknown command "${typed}" for "${path}"${hint}\n\nRun '${path} --help' for usage.`;
}

function find(commands: Command[], name: string): Command | undefined {
  return commands.find((c) => c.name === name || c.aliases?.includes(name));
}

/** A command's help, as `kubectl <cmd> --help` prints its summary. */
export function helpText(path: string, cmd: Command | undefined, commands: Command[]): string {
  const lines: string[] = [];
  if (cmd) lines.push(cmd.short, '');
  const subs = cmd ? cmd.subcommands ?? [] : commands;
  if (subs.length) {
    lines.push('Available Commands:');
    const width = Math.max(...subs.map((c) => c.name.length)) + 2;
    for (const c of subs) lines.push(`  ${c.name.padEnd(width)}${c.short}`);
    lines.push('');
  }
  if (cmd?.flags?.length) {
    lines.push('Options:');
    for (const f of cmd.flags) {
      const short = f.shorthand ? `-${f.shorthand}, ` : '    ';
      lines.push(`    ${short}--${f.name}${f.type === 'bool' ? '' : `=${JSON.stringify(f.default ?? '')}`}:`, `\t${f.usage ?? ''}`, '');
    }
  }
  lines.push(`Usage:\n  ${path} ${subs.length ? '[command]' : '[flags] [options]'}`);
  return lines.join('\n') + '\n';
}

/** Runs `kubectl <argv...>` (argv without the leading `kubectl`). */
export function kubectl(ctx: KubectlContext, argv: string[]): KubectlResult {
  let stdout = '';
  let stderr = '';
  let edit: string | undefined;
  const io: KubectlIO = {
    out: (t) => (stdout += t.endsWith('\n') ? t : `${t}\n`),
    write: (t) => (stdout += t),
    err: (t) => (stderr += t.endsWith('\n') ? t : `${t}\n`),
    edit: (yaml) => (edit = yaml),
  };
  let exitCode: number;
  try {
    exitCode = dispatch(ctx, argv, io) ?? 0;
  } catch (e) {
    exitCode = 1;
    if (e instanceof ApiError) io.err(`Error from server (${e.reason}): ${e.message}`);
    else if (e instanceof UsageError) io.err(e.message);
    else io.err(`error: ${(e as Error)?.message ?? String(e)}`);
  }
  return { stdout, stderr, exitCode, edit };
}

/** Global flags that take a value, so `kubectl -n web get pods` finds `get` after skipping `-n web`. */
const GLOBAL_WITH_VALUE = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.shorthand ? [`-${f.shorthand}`] : [])]));

/** Moves global flags given before the command name to after it, where the command's parser reads them. */
function hoistLeadingGlobalFlags(argv: string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '--') {
    leading.push(argv[i]);
    if (GLOBAL_WITH_VALUE.has(argv[i]) && i + 1 < argv.length) leading.push(argv[++i]);
    i++;
  }
  if (i >= argv.length) return argv;
  // The command path is the run of words after the leading flags.
  let j = i;
  while (j < argv.length && !argv[j].startsWith('-')) j++;
  return [...argv.slice(i, j), ...leading, ...argv.slice(j)];
}

function dispatch(ctx: KubectlContext, argv: string[], io: KubectlIO): number | void {
  let path = 'kubectl';
  let level: Command[] = COMMANDS;
  let cmd: Command | undefined;
  let rest = hoistLeadingGlobalFlags(argv);
  // Walk down the command tree: kubectl rollout status ..., kubectl create deployment ...
  for (;;) {
    const first = rest[0];
    if (first === undefined || first.startsWith('-')) break;
    const next = find(level, first);
    if (!next) {
      if (!cmd || !cmd.run) throw new UsageError(unknownCommand(first, path, level));
      break;
    }
    cmd = next;
    path = `${path} ${next.name}`;
    rest = rest.slice(1);
    if (!next.subcommands?.length) break;
    level = next.subcommands;
  }
  if (!cmd) {
    io.out(helpText('kubectl', undefined, COMMANDS));
    return argv.some((a) => a === '-h' || a === '--help') ? 0 : argv.length ? 1 : 0;
  }
  const parsed = parseFlags(rest, cmd.flags ?? [], path);
  if (parsed.flags.help) {
    io.out(helpText(path, cmd, COMMANDS));
    return 0;
  }
  if (!cmd.run) {
    io.out(helpText(path, cmd, COMMANDS));
    return rest.length ? 1 : 0;
  }
  return cmd.run(ctx, parsed, io);
}
