/**
 * What a command run by `kubectl exec` prints inside a container: a small
 * shell over the container's context (its environment, hostname = pod name,
 * the files the kubelet writes: /etc/hostname, /etc/hosts, /etc/resolv.conf).
 * Loops and sleeps reuse the runtime's interpreter (runtime/commands.ts) for
 * their output; exec returns at once, as the simulation has no live stream.
 */
import { runScript, tokenize } from '../../runtime/commands';

/** The container an exec runs in. */
export interface ExecContext {
  podName: string;
  namespace: string;
  podIP?: string;
  /** Environment variables in the order `env` prints them. */
  env: [string, string][];
  /** Executables the image has (`sh`, `ls`...); a name not here fails to exec. */
  hasBinary(name: string): boolean;
}

/** What the command printed and its exit code; `notFound` when the executable does not exist. */
export interface ExecResult {
  stdout: string[];
  stderr: string[];
  exitCode: number;
  notFound?: string;
}

/** The cluster DNS the kubelet writes into each pod (reference §5, kubeadm defaults). */
export const CLUSTER_DNS_IP = '10.96.0.10';

/** The files the container can `cat`. */
function files(ctx: ExecContext): Record<string, string> {
  return {
    '/etc/hostname': `${ctx.podName}\n`,
    '/etc/hosts': [
      '# Kubernetes-managed hosts file.',
      '127.0.0.1\tlocalhost',
      '::1\tlocalhost ip6-localhost ip6-loopback',
      'fe00::0\tip6-localnet',
      'fe00::0\tip6-mcastprefix',
      'fe00::1\tip6-allnodes',
      'fe00::2\tip6-allrouters',
      ...(ctx.podIP ? [`${ctx.podIP}\t${ctx.podName}`] : []),
      '',
    ].join('\n'),
    '/etc/resolv.conf': `search ${ctx.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:5\n`,
    '/var/run/secrets/kubernetes.io/serviceaccount/namespace': ctx.namespace,
  };
}

const DIRS: Record<string, string[]> = {
  '/': ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'],
  '/etc': ['hostname', 'hosts', 'resolv.conf'],
  '/tmp': [],
  '/root': [],
  '/var/run/secrets/kubernetes.io/serviceaccount': ['ca.crt', 'namespace', 'token'],
};

const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', 'ash', '/bin/ash']);

/** Runs `argv` in the container. */
export function execInContainer(ctx: ExecContext, argv: string[]): ExecResult {
  const res: ExecResult = { stdout: [], stderr: [], exitCode: 0 };
  const prog = argv[0];
  const base = prog.slice(prog.lastIndexOf('/') + 1);
  if (!ctx.hasBinary(base)) return { ...res, exitCode: 1, notFound: prog };
  if (SHELLS.has(prog)) {
    const c = argv.indexOf('-c');
    // An interactive shell without a terminal reads no input and exits.
    if (c < 0 || c + 1 >= argv.length) return res;
    const vars = new Map(ctx.env);
    runShell(ctx, argv[c + 1], vars, res, base);
    return res;
  }
  res.exitCode = runProgram(ctx, argv, new Map(ctx.env), res);
  return res;
}

/** Runs a `sh -c` script: `;`, `&&`, `||`, variable expansion, and loops through the runtime interpreter. */
function runShell(ctx: ExecContext, script: string, vars: Map<string, string>, res: ExecResult, shell: string): void {
  if (/\b(while|until|for)\b/.test(script)) {
    // Loops: take the output the runtime's interpreter gives, up to where it would block.
    const out = runScript(script);
    res.stdout.push(...out.output.map((l) => l.line));
    res.exitCode = out.exit?.code ?? 0;
    return;
  }
  let status = 0;
  let joiner: ';' | '&&' | '||' = ';';
  let words: string[] = [];
  const flush = () => {
    if (!words.length) return;
    const skip = (joiner === '&&' && status !== 0) || (joiner === '||' && status === 0);
    if (!skip) {
      const expanded = words.map((w) => w.replace(/\$\{?(\w+|\?)\}?/g, (_, n: string) => (n === '?' ? String(status) : vars.get(n) ?? '')));
      while (expanded.length && /^\w+=/.test(expanded[0])) {
        const [k, ...v] = expanded.shift()!.split('=');
        vars.set(k, v.join('='));
      }
      if (expanded.length) {
        const prog = expanded[0];
        if (prog === 'exit') {
          res.exitCode = Number.parseInt(expanded[1] ?? String(status), 10) & 255;
          words = [];
          throw EXIT;
        }
        if (!SHELLS.has(prog) && !ctx.hasBinary(prog.slice(prog.lastIndexOf('/') + 1))) {
          res.stderr.push(shell === 'bash' ? `bash: line 1: ${prog}: command not found` : `sh: ${prog}: not found`);
          status = 127;
        } else status = runProgram(ctx, expanded, vars, res);
      }
    }
    words = [];
  };
  try {
    for (const t of tokenize(script)) {
      if ('op' in t) {
        flush();
        joiner = t.op;
      } else words.push(t.word);
    }
    flush();
    res.exitCode = status;
  } catch (e) {
    if (e !== EXIT) throw e;
  }
}

const EXIT = Symbol('exit');

/** Runs one program; returns its exit code. */
function runProgram(ctx: ExecContext, argv: string[], vars: Map<string, string>, res: ExecResult): number {
  const [prog, ...args] = argv;
  const name = prog.slice(prog.lastIndexOf('/') + 1);
  const fs = files(ctx);
  switch (name) {
    case 'echo': {
      const noNewline = args[0] === '-n';
      res.stdout.push((noNewline ? args.slice(1) : args).join(' '));
      return 0;
    }
    case 'printf':
      res.stdout.push((args[0] ?? '').replace(/\\n$/, '').replace(/%s/g, () => args[1] ?? ''));
      return 0;
    case 'env':
    case 'printenv':
      if (name === 'printenv' && args.length) {
        const v = args.map((a) => vars.get(a)).filter((x): x is string => x !== undefined);
        res.stdout.push(...v);
        return v.length === args.length ? 0 : 1;
      }
      for (const [k, v] of vars) res.stdout.push(`${k}=${v}`);
      return 0;
    case 'hostname':
      res.stdout.push(ctx.podName);
      return 0;
    case 'pwd':
      res.stdout.push('/');
      return 0;
    case 'whoami':
      res.stdout.push('root');
      return 0;
    case 'id':
      res.stdout.push('uid=0(root) gid=0(root) groups=0(root)');
      return 0;
    case 'true':
    case 'sleep':
      return 0;
    case 'false':
      return 1;
    case 'cat': {
      let code = 0;
      for (const f of args) {
        if (f in fs) res.stdout.push(fs[f].replace(/\n$/, ''));
        else {
          res.stderr.push(`cat: ${f}: No such file or directory`);
          code = 1;
        }
      }
      return code;
    }
    case 'ls': {
      const paths = args.filter((a) => !a.startsWith('-'));
      let code = 0;
      for (const p of paths.length ? paths : ['/']) {
        const dir = p.length > 1 ? p.replace(/\/$/, '') : p;
        if (DIRS[dir]) res.stdout.push(...DIRS[dir]);
        else if (dir in fs) res.stdout.push(dir);
        else {
          res.stderr.push(`ls: cannot access '${p}': No such file or directory`);
          code = 2;
        }
      }
      return code;
    }
    default:
      // A program the image has but the simulation does not model: it runs and prints nothing.
      return 0;
  }
}
