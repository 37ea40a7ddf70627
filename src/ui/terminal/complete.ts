/**
 * Tab completion for the terminal, like kubectl's shell completion: subcommands, resource
 * types, object names of the typed type (from the UI's mirror of the cluster) and flags.
 */
import { allResources, resolveResource } from '../../sim/api/resources';
import { COMMANDS } from '../../sim/kubectl/commands';
import type { Command } from '../../sim/kubectl/command';
import { GLOBAL_FLAGS, type FlagSpec } from '../../sim/kubectl/flags';

/** The word being completed and what it may become. */
export interface Completion {
  word: string;
  candidates: string[];
}

/** Object names of a kind (namespace undefined: all namespaces, or a cluster-scoped kind). */
export type NameSource = (kind: string, namespace: string | undefined) => string[];

/** The shell's own commands. */
const SHELL_COMMANDS = ['kubectl', 'k', 'help', 'clear', 'history', 'cat', 'echo', 'grep', 'head', 'tail', 'wc', 'ls'];

/** kubectl's commands (those the simulation has not implemented still complete, as the real ones do). */
const KUBECTL_EXTRA = ['get', 'describe', 'logs', 'edit', 'explain', 'expose', 'exec', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'patch', 'replace', 'wait', 'events', 'api-resources', 'cluster-info', 'port-forward', 'autoscale', 'diff'];

/** Commands whose first argument is a resource type. */
const TAKES_TYPE = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'scale', 'explain', 'patch', 'wait', 'autoscale', 'expose', 'status', 'history', 'undo', 'restart', 'pause', 'resume', 'image', 'env', 'resources']);
/** Commands whose first argument is a pod, or a node. */
const TAKES_POD = new Set(['logs', 'exec', 'attach', 'port-forward']);
const TAKES_NODE = new Set(['cordon', 'uncordon', 'drain', 'taint']);

function commandNames(level: Command[], top: boolean): string[] {
  const names = level.map((c) => c.name);
  if (top) for (const n of KUBECTL_EXTRA) if (!names.includes(n)) names.push(n);
  return names.sort();
}

function flagWords(flags: FlagSpec[]): string[] {
  return [...flags, ...GLOBAL_FLAGS].flatMap((f) => [`--${f.name}${f.type === 'bool' ? '' : '='}`]).sort();
}

const OUTPUTS = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns='];
const FLAGS_WITH_VALUE = new Set(['-n', '--namespace', '-o', '--output', '-f', '--filename', '-l', '--selector', '-c', '--container', '--image', '--replicas', '-r']);

/** Type names offered after a command: plural resource names (and the short names people type). */
function typeNames(): string[] {
  const out = new Set<string>();
  for (const r of allResources()) out.add(r.resource);
  return [...out].sort();
}

function uniqueSorted(words: string[]): string[] {
  return [...new Set(words)].sort();
}

/** Completes the last word of `line` (the text left of the cursor). */
export function complete(line: string, names: NameSource): Completion {
  const words = line.split(/\s+/).filter(Boolean);
  const word = words.length && !/\s$/.test(line) ? words[words.length - 1] : '';
  const done = /\s$/.test(line) || !words.length ? words : words.slice(0, -1);
  // After a pipe, a new command begins.
  const pipe = done.lastIndexOf('|');
  const cmdWords = pipe >= 0 ? done.slice(pipe + 1) : done;
  const filter = (list: string[]) => ({ word, candidates: uniqueSorted(list.filter((c) => c.startsWith(word))) });

  if (!cmdWords.length) return filter(SHELL_COMMANDS);
  if (cmdWords[0] !== 'kubectl' && cmdWords[0] !== 'k') {
    if (cmdWords[0] === 'cat') return filter(['manifest.yaml']);
    return { word, candidates: [] };
  }

  // Walk the kubectl command tree over the words typed so far.
  let level = COMMANDS;
  let cmd: Command | undefined;
  const path: string[] = [];
  const positional: string[] = [];
  let namespace: string | undefined;
  let allNamespaces = false;
  const rest = cmdWords.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (w.startsWith('-')) {
      if ((w === '-n' || w === '--namespace') && i + 1 < rest.length) namespace = rest[++i];
      else if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length);
      else if (w === '-A' || w === '--all-namespaces') allNamespaces = true;
      else if (FLAGS_WITH_VALUE.has(w)) i++;
      continue;
    }
    const sub = positional.length === 0 ? level.find((c) => c.name === w || c.aliases?.includes(w)) : undefined;
    if (sub || (positional.length === 0 && !cmd)) {
      cmd = sub;
      path.push(w);
      if (sub?.subcommands?.length) {
        level = sub.subcommands;
        continue;
      }
      positional.push('');
      continue;
    }
    positional.push(w);
  }
  const prev = done[done.length - 1];

  if (prev === '-n' || prev === '--namespace') return filter(names('Namespace', undefined));
  if (prev === '-o' || prev === '--output') return filter(OUTPUTS);
  if (prev === '-f' || prev === '--filename') return filter(['manifest.yaml', '-']);
  if (word.startsWith('--output=') || word.startsWith('-o=')) {
    const head = word.slice(0, word.indexOf('=') + 1);
    return filter(OUTPUTS.map((o) => head + o));
  }
  if (word.startsWith('--namespace=')) return filter(names('Namespace', undefined).map((n) => `--namespace=${n}`));
  if (word.startsWith('-')) return filter(flagWords(cmd?.flags ?? []));

  // Still choosing a (sub)command.
  if (!positional.length) return filter(commandNames(level, level === COMMANDS));

  const name = path[path.length - 1];
  const ns = allNamespaces ? undefined : namespace || 'default';
  const args = positional.slice(1);
  const objectNames = (kind: string) => {
    const info = allResources().find((r) => r.kind === kind);
    return names(kind, info && !info.namespaced ? undefined : ns);
  };
  if (TAKES_POD.has(name)) return args.length === 0 ? filter(objectNames('Pod')) : { word, candidates: [] };
  if (TAKES_NODE.has(name)) return args.length === 0 ? filter(objectNames('Node')) : { word, candidates: [] };
  if (!TAKES_TYPE.has(name)) return { word, candidates: [] };

  // TYPE/NAME
  const slash = word.indexOf('/');
  if (slash > 0) {
    const info = resolveResource(word.slice(0, slash));
    if (!info) return { word, candidates: [] };
    return filter(objectNames(info.kind).map((n) => `${word.slice(0, slash)}/${n}`));
  }
  if (args.length === 0) return filter(typeNames());
  const typed = args[0];
  if (typed.includes('/')) return filter([]);
  const info = resolveResource(typed.split(',')[0]);
  if (!info) return { word, candidates: [] };
  return filter(objectNames(info.kind));
}
