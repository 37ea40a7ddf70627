/**
 * What a container's process does: an interpreter for the simple commands
 * manifests use (`sleep 3600`, `echo hi`, `exit 1`, `sh -c "a; b && c"`,
 * `while true; do ...; done`) and the image's default behaviour otherwise.
 * The result is a script on a relative timeline: lines printed, when (and with
 * what code) the process exits, and what it does on SIGTERM.
 */
import type { ResolvedImage } from './images';

/** A line the process writes, `atMs` after it started. */
export interface LogLine {
  atMs: number;
  line: string;
}

/** The life of one run of a container's process, relative to its start. */
export interface ProcessScript {
  /** Lines written before it loops forever or exits. */
  output: LogLine[];
  /** Set when the process ends by itself. */
  exit?: { afterMs: number; code: number };
  /** A loop that never ends: after `startMs`, `lines` are printed every `periodMs`. */
  repeat?: { startMs: number; periodMs: number; lines: string[] };
  /** On SIGTERM: exit with `code` after `afterMs`, or ignore it (a shell or `sleep` running as PID 1). */
  sigterm: { code: number; afterMs: number } | 'ignore';
}

/** The container fields that decide what runs. */
export interface ContainerCommand {
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
}

/** A server stops quickly on SIGTERM (nginx, redis, generic apps handle it). */
const SERVER_SIGTERM = { code: 0, afterMs: 150 };

const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', 'ash', '/bin/ash']);

/** What the container runs, from its command/args and the image's defaults. */
export function scriptFor(container: ContainerCommand, image: ResolvedImage | undefined): ProcessScript {
  const catalog = image?.catalog;
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  if (argv.length === 0 || (catalog && catalog.binaries.includes(argv[0]))) {
    if (!catalog) return serverScript([]);
    if (catalog.requiredEnv) {
      const names = new Set((container.env ?? []).filter((e) => e.value !== '').map((e) => e.name));
      if (!catalog.requiredEnv.anyOf.some((n) => names.has(n))) {
        return { output: catalog.requiredEnv.error.map((line) => ({ atMs: 50, line })), exit: { afterMs: 80, code: 1 }, sigterm: 'ignore' };
      }
    }
    if (catalog.behaviour.kind === 'exits') return { output: [], exit: { afterMs: 20, code: catalog.behaviour.code }, sigterm: 'ignore' };
    return serverScript(catalog.behaviour.logs, catalog.startupMs);
  }
  const program = interpretArgv(argv);
  // An executable the interpreter does not know is the application itself: a long-running server.
  if (!program) return serverScript([]);
  return program;
}

function serverScript(logs: string[], startupMs = 100): ProcessScript {
  const step = logs.length ? startupMs / logs.length : 0;
  return { output: logs.map((line, i) => ({ atMs: Math.round(step * (i + 1)), line })), sigterm: SERVER_SIGTERM };
}

/** Interprets a command line; undefined when its program is not a shell utility the interpreter knows. */
export function interpretArgv(argv: string[]): ProcessScript | undefined {
  if (SHELLS.has(argv[0])) {
    const c = argv.indexOf('-c');
    if (c < 0 || c + 1 >= argv.length) return { output: [], exit: { afterMs: 20, code: 0 }, sigterm: 'ignore' };
    return runScript(argv[c + 1]);
  }
  if (!UTILITIES.has(basename(argv[0]))) return undefined;
  return runScript(argv.map(quote).join(' '));
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function quote(word: string): string {
  return /^[\w./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

// ---- a tiny shell: statements joined by ; && || and newlines, plus while/for loops ----

type Token = { word: string } | { op: ';' | '&&' | '||' };

/** Splits a script into words and operators, honouring quotes. */
export function tokenize(script: string): Token[] {
  const out: Token[] = [];
  let word = '';
  let inWord = false;
  const flush = () => {
    if (inWord) out.push({ word });
    word = '';
    inWord = false;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (ch === "'" || ch === '"') {
      const end = script.indexOf(ch, i + 1);
      word += script.slice(i + 1, end < 0 ? script.length : end);
      inWord = true;
      i = end < 0 ? script.length : end;
    } else if (ch === '\\' && i + 1 < script.length) {
      word += script[++i];
      inWord = true;
    } else if (ch === ';' || ch === '\n') {
      flush();
      out.push({ op: ';' });
    } else if ((ch === '&' || ch === '|') && script[i + 1] === ch) {
      flush();
      out.push({ op: ch === '&' ? '&&' : '||' });
      i++;
    } else if (ch === '#' && !inWord) {
      while (i < script.length && script[i] !== '\n') i++;
      i--;
    } else if (ch === ' ' || ch === '\t') {
      flush();
    } else {
      word += ch;
      inWord = true;
    }
  }
  flush();
  return out;
}

type Statement =
  | { kind: 'simple'; words: string[]; joiner: ';' | '&&' | '||' }
  | { kind: 'loop'; condition: string[]; body: Statement[]; joiner: ';' | '&&' | '||' }
  | { kind: 'for'; items: string[]; variable: string; body: Statement[]; joiner: ';' | '&&' | '||' };

/** Parses tokens into statements; `joiner` is the operator before each statement. */
function parse(tokens: Token[], pos: { i: number }, until?: string): Statement[] {
  const out: Statement[] = [];
  let joiner: ';' | '&&' | '||' = ';';
  while (pos.i < tokens.length) {
    const t = tokens[pos.i];
    if ('op' in t) {
      joiner = t.op;
      pos.i++;
      continue;
    }
    if (until && t.word === until) {
      pos.i++;
      return out;
    }
    if (t.word === 'while' || t.word === 'until' || t.word === 'for') {
      pos.i++;
      const head: string[] = [];
      while (pos.i < tokens.length && !('word' in tokens[pos.i] && (tokens[pos.i] as { word: string }).word === 'do')) {
        const h = tokens[pos.i++];
        if ('word' in h) head.push(h.word);
      }
      pos.i++;
      const body = parse(tokens, pos, 'done');
      if (t.word === 'for') out.push({ kind: 'for', variable: head[0] ?? 'i', items: head.slice(2), body, joiner });
      else out.push({ kind: 'loop', condition: t.word === 'until' ? ['!', ...head] : head, body, joiner });
    } else {
      const words: string[] = [];
      while (pos.i < tokens.length && 'word' in tokens[pos.i]) {
        const w = (tokens[pos.i] as { word: string }).word;
        if (until && w === until) break;
        words.push(w);
        pos.i++;
      }
      out.push({ kind: 'simple', words, joiner });
    }
    joiner = ';';
  }
  return out;
}

const UTILITIES = new Set(['sleep', 'echo', 'printf', 'exit', 'true', 'false', ':', 'date', 'cat', 'ls', 'env', 'hostname', 'pwd', 'touch', 'mkdir', 'wget', 'nslookup']);

/** Cap on simulated loop iterations before a finite loop is assumed to be infinite. */
const MAX_STEPS = 10_000;

interface RunState {
  t: number;
  output: LogLine[];
  status: number;
  exited: boolean;
  vars: Record<string, string>;
  steps: number;
}

/** Runs a shell script to produce its timeline. */
export function runScript(script: string): ProcessScript {
  const statements = parse(tokenize(script), { i: 0 });
  const state: RunState = { t: 0, output: [], status: 0, exited: false, vars: {}, steps: 0 };
  const repeat = execute(statements, state);
  if (repeat) return { output: state.output, repeat, sigterm: 'ignore' };
  if (state.t === Number.POSITIVE_INFINITY) return { output: state.output, sigterm: 'ignore' };
  return { output: state.output, exit: { afterMs: Math.max(state.t, 10), code: state.status }, sigterm: 'ignore' };
}

/** Executes statements; returns a repeat description when an endless loop takes over. */
function execute(statements: Statement[], s: RunState): ProcessScript['repeat'] | undefined {
  for (const st of statements) {
    if (s.exited) return undefined;
    if (st.joiner === '&&' && s.status !== 0) continue;
    if (st.joiner === '||' && s.status === 0) continue;
    if (st.kind === 'simple') {
      runSimple(st.words, s);
    } else if (st.kind === 'for') {
      for (const item of st.items) {
        s.vars[st.variable] = item;
        const r = execute(st.body, s);
        if (r || s.exited) return r;
      }
    } else {
      const forever = isAlwaysTrue(st.condition);
      if (!forever) {
        // A condition we cannot evaluate is false: the loop does not run.
        s.status = 0;
        continue;
      }
      const startMs = s.t;
      const before = s.output.length;
      const r = execute(st.body, s);
      if (r || s.exited) return r;
      const periodMs = Math.max(s.t - startMs, 1);
      const lines = s.output.slice(before).map((l) => l.line);
      s.output.length = before;
      return { startMs, periodMs, lines };
    }
    if (++s.steps > MAX_STEPS) break;
  }
  return undefined;
}

function isAlwaysTrue(condition: string[]): boolean {
  const c = condition.filter((w) => w !== '[' && w !== ']');
  return (c.length === 1 && (c[0] === 'true' || c[0] === ':' || c[0] === '1')) || (c[0] === '!' && c[1] === 'false');
}

function expand(word: string, s: RunState): string {
  return word.replace(/\$\{?(\w+|\?)\}?/g, (_, name: string) => (name === '?' ? String(s.status) : (s.vars[name] ?? (name === 'HOSTNAME' ? 'localhost' : ''))));
}

/** Parses a `sleep` argument (`5`, `0.5`, `1m`, `2h`, `infinity`) into ms. */
export function sleepMs(arg: string | undefined): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg ?? '');
  if (!m) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  return Number(m[1]) * unit;
}

function runSimple(raw: string[], s: RunState): void {
  const words = raw.map((w) => expand(w, s));
  // `VAR=value` assignments before (or instead of) a command.
  while (words.length && /^\w+=/.test(words[0])) {
    const [name, ...rest] = words.shift()!.split('=');
    s.vars[name] = rest.join('=');
  }
  if (!words.length) return;
  const [cmd, ...args] = words;
  const name = basename(cmd);
  const print = (line: string) => s.output.push({ atMs: s.t, line });
  s.status = 0;
  switch (name) {
    case 'sleep': {
      const ms = sleepMs(args[0]);
      if (ms === undefined) {
        print(`sleep: invalid number '${args[0] ?? ''}'`);
        s.status = 1;
      } else if (ms === Number.POSITIVE_INFINITY) {
        s.t = Number.POSITIVE_INFINITY;
        s.exited = false;
      } else s.t += ms;
      break;
    }
    case 'echo':
      print(args[0] === '-n' || args[0] === '-e' ? args.slice(1).join(' ') : args.join(' '));
      break;
    case 'printf':
      print((args[0] ?? '').replace(/\\n$/, '').replace(/%s/g, () => args[1] ?? ''));
      break;
    case 'exit':
      s.status = Number.parseInt(args[0] ?? String(s.status), 10) & 255;
      s.exited = true;
      break;
    case 'true':
    case ':':
      break;
    case 'false':
      s.status = 1;
      break;
    case 'date':
      print('Thu Jan  1 09:00:00 UTC 2026');
      break;
    case 'hostname':
      print(s.vars.HOSTNAME ?? 'localhost');
      break;
    case 'pwd':
      print('/');
      break;
    default:
      if (!UTILITIES.has(name)) {
        print(`sh: ${cmd}: not found`);
        s.status = 127;
      }
  }
  // `sleep infinity` never returns: represent it as an endless silent loop.
  if (s.t === Number.POSITIVE_INFINITY) s.exited = true;
}
