/**
 * `kubectl config view|current-context|get-contexts|use-context|get-clusters`
 * for the one kubeconfig a learner has: context `kubesim`, cluster `kubesim`,
 * user `kubesim-admin`, namespace from `set-context --current --namespace`.
 */
import type { Command, KubectlContext } from '../command';
import { UsageError } from '../flags';
import { toJson, toYaml } from '../printers/serialize';
import { formatRows } from '../printers/tabwriter';
import { SERVER_URL } from './cluster-info';

const CONTEXT = 'kubesim';

/** The context's default namespace, kept per cluster (`set-context --current --namespace=x`). */
const namespaces = new WeakMap<object, string>();

/** The namespace the current context defaults to ('' when unset, meaning `default`). */
export function contextNamespace(ctx: KubectlContext): string {
  return namespaces.get(ctx.cluster) ?? '';
}

function kubeconfig(ctx: KubectlContext, raw: boolean): Record<string, unknown> {
  const ns = contextNamespace(ctx);
  const secret = raw ? 'a3ViZXNpbS1zaW11bGF0ZWQtY2VydGlmaWNhdGU=' : 'DATA+OMITTED';
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': secret, server: SERVER_URL }, name: CONTEXT }],
    contexts: [{ context: { cluster: CONTEXT, user: `${CONTEXT}-admin`, ...(ns ? { namespace: ns } : {}) }, name: CONTEXT }],
    'current-context': CONTEXT,
    kind: 'Config',
    preferences: {},
    users: [{ name: `${CONTEXT}-admin`, user: { 'client-certificate-data': secret, 'client-key-data': secret } }],
  };
}

export const configCommand: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  subcommands: [
    {
      name: 'view',
      short: 'Display merged kubeconfig settings or a specified kubeconfig file',
      flags: [
        { name: 'output', shorthand: 'o', type: 'string', default: 'yaml', usage: 'Output format.' },
        { name: 'raw', type: 'bool', default: false, usage: 'Display raw byte data and sensitive data' },
        { name: 'minify', type: 'bool', default: false, usage: 'Remove all information not used by current-context from the output' },
      ],
      run(ctx, parsed, io) {
        const cfg = kubeconfig(ctx, !!parsed.flags.raw);
        const out = String(parsed.flags.output);
        if (out === 'json') io.out(toJson(cfg));
        else if (out === 'yaml') io.out(toYaml(cfg));
        else throw new UsageError(`error: unable to match a printer suitable for the output format "${out}", allowed formats are: json,yaml`);
      },
    },
    {
      name: 'current-context',
      short: 'Display the current-context',
      run(_ctx, _parsed, io) {
        io.out(CONTEXT);
      },
    },
    {
      name: 'get-contexts',
      short: 'Describe one or many contexts',
      flags: [
        { name: 'output', shorthand: 'o', type: 'string', default: '', usage: 'Output format. One of: (name).' },
        { name: 'no-headers', type: 'bool', default: false, usage: "When using the default or custom-column output format, don't print headers." },
      ],
      run(ctx, parsed, io) {
        const names = parsed.args.length ? parsed.args : [CONTEXT];
        const missing = names.find((n) => n !== CONTEXT);
        if (missing) throw new UsageError(`error: context ${missing} not found`);
        if (parsed.flags.output === 'name') return void io.out(CONTEXT);
        const rows = [['*', CONTEXT, CONTEXT, `${CONTEXT}-admin`, contextNamespace(ctx)]];
        io.out(formatRows(parsed.flags['no-headers'] ? rows : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...rows]));
      },
    },
    {
      name: 'get-clusters',
      short: 'Display clusters defined in the kubeconfig',
      run(_ctx, _parsed, io) {
        io.out(`NAME\n${CONTEXT}`);
      },
    },
    {
      name: 'use-context',
      short: 'Set the current-context in a kubeconfig file',
      run(_ctx, parsed, io) {
        const name = parsed.args[0];
        if (!name) throw new UsageError("error: Unexpected args: []\nSee 'kubectl config use-context -h' for help and examples");
        if (name !== CONTEXT) throw new UsageError(`error: no context exists with the name: "${name}"`);
        io.out(`Switched to context "${CONTEXT}".`);
      },
    },
    {
      name: 'set-context',
      short: 'Set a context entry in kubeconfig',
      flags: [
        { name: 'current', type: 'bool', default: false, usage: 'Modify the current context' },
        { name: 'namespace', type: 'string', default: '', usage: 'namespace for the context entry in kubeconfig' },
      ],
      run(ctx, parsed, io) {
        const name = parsed.flags.current ? CONTEXT : parsed.args[0];
        if (name !== CONTEXT) throw new UsageError(`error: cannot create context "${name ?? ''}": only the "${CONTEXT}" context exists in this simulated kubeconfig`);
        if (parsed.changed.has('namespace')) namespaces.set(ctx.cluster, String(parsed.flags.namespace));
        io.out(`Context "${CONTEXT}" modified.`);
      },
    },
  ],
};
