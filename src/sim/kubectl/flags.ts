/**
 * Flag parsing as kubectl's (cobra/pflag) does it: `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, `-ojson`, boolean flags, repeated flags, and `--` ending flags.
 * Errors carry kubectl's own wording.
 */

/** The type of one flag. */
export type FlagType = 'string' | 'bool' | 'int' | 'stringArray';

/** One flag a command accepts. */
export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  default?: string | boolean | number | string[];
  usage?: string;
}

/** Parsed flag values by long name, and the positional arguments. */
export interface ParsedArgs {
  flags: Record<string, string | boolean | number | string[]>;
  args: string[];
  /** Flags the user gave explicitly. */
  changed: Set<string>;
}

/** A usage error: kubectl prints it and exits 1. */
export class UsageError extends Error {}

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string', default: '', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', default: '', usage: 'The name of the kubeconfig context to use' },
  { name: 'kubeconfig', type: 'string', default: '', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'request-timeout', type: 'string', default: '0', usage: 'The length of time to wait before giving up on a single server request.' },
  { name: 'v', shorthand: 'v', type: 'string', default: '0', usage: 'number for the log level verbosity' },
  { name: 'help', shorthand: 'h', type: 'bool', default: false, usage: 'help for this command' },
];

/** Parses `argv` (after the command path) against `specs`; `commandPath` is for error hints. */
export function parseFlags(argv: string[], specs: FlagSpec[], commandPath: string): ParsedArgs {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.shorthand).map((s) => [s.shorthand!, s]));
  const flags: ParsedArgs['flags'] = {};
  for (const s of all) if (s.default !== undefined) flags[s.name] = Array.isArray(s.default) ? [...s.default] : s.default;
  const changed = new Set<string>();
  const args: string[] = [];
  const hint = `\nSee '${commandPath} --help' for usage.`;

  const set = (spec: FlagSpec, raw: string, shown: string) => {
    changed.add(spec.name);
    switch (spec.type) {
      case 'bool':
        if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(raw)) {
          throw new UsageError(`error: invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax${hint}`);
        }
        flags[spec.name] = ['true', '1', 't', 'TRUE', 'True'].includes(raw);
        break;
      case 'int': {
        if (!/^-?\d+$/.test(raw)) throw new UsageError(`error: invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax${hint}`);
        flags[spec.name] = Number(raw);
        break;
      }
      case 'stringArray': {
        const prev = changed.has(spec.name) && Array.isArray(flags[spec.name]) && flags[`__${spec.name}`] ? (flags[spec.name] as string[]) : [];
        flags[spec.name] = [...prev, raw];
        flags[`__${spec.name}`] = true;
        break;
      }
      default:
        flags[spec.name] = raw;
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new UsageError(`error: unknown flag: --${name}${hint}`);
      if (eq >= 0) set(spec, a.slice(eq + 1), `--${name}`);
      else if (spec.type === 'bool') set(spec, 'true', `--${name}`);
      else if (i + 1 < argv.length) set(spec, argv[++i], `--${name}`);
      else throw new UsageError(`error: flag needs an argument: --${name}${hint}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && a !== '-') {
      // A cluster of shorthands: -it, -ojson, -n default.
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const spec = byShort.get(c);
        if (!spec) throw new UsageError(`error: unknown shorthand flag: '${c}' in ${a}${hint}`);
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            set(spec, a.slice(j + 2), `-${c}, --${spec.name}`);
            break;
          }
          set(spec, 'true', `-${c}, --${spec.name}`);
          continue;
        }
        const rest = a.slice(j + 1).replace(/^=/, '');
        if (rest) set(spec, rest, `-${c}, --${spec.name}`);
        else if (i + 1 < argv.length) set(spec, argv[++i], `-${c}, --${spec.name}`);
        else throw new UsageError(`error: flag needs an argument: '${c}' in -${c}${hint}`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  for (const k of Object.keys(flags)) if (k.startsWith('__')) delete flags[k];
  return { flags, args, changed };
}
