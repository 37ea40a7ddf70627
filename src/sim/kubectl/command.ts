/**
 * What a kubectl command is: its name, flags and `run`. Each command lives in
 * commands/<name>.ts and is registered in commands/index.ts.
 */
import type { Cluster } from '../cluster';
import type { FlagSpec, ParsedArgs } from './flags';

/** What kubectl runs against: the cluster, plus the files and stdin a terminal provides. */
export interface KubectlContext {
  cluster: Cluster;
  /** Files a `-f` can name (the editor's text is `manifest.yaml`). */
  files?: Record<string, string>;
  /** Standard input, for `-f -` and heredocs. */
  stdin?: string;
  /** The API schema (see schema.ts), for `kubectl explain`; loaded lazily by the Worker. */
  schema?: unknown;
}

/** Where a command writes. */
export interface KubectlIO {
  /** Writes a line (a newline is added when missing). */
  out(text: string): void;
  /** Writes exactly `text`, with no newline added (jsonpath output ends where its template ends). */
  write(text: string): void;
  err(text: string): void;
  /** For `kubectl edit`: asks the terminal to open this YAML in the editor. */
  edit?(yaml: string): void;
}

/** One kubectl command (or subcommand). */
export interface Command {
  name: string;
  aliases?: string[];
  /** One-line description, as `kubectl --help` lists it. */
  short: string;
  flags?: FlagSpec[];
  subcommands?: Command[];
  /** Runs the command; returns the exit code (0 when omitted). Throw ApiError or UsageError to fail. */
  run?(ctx: KubectlContext, parsed: ParsedArgs, io: KubectlIO): number | void;
}

/** The namespace a command acts in: `-n`, else `default`. */
export function namespaceFlag(parsed: ParsedArgs): string {
  return (parsed.flags.namespace as string) || 'default';
}
