/** `kubectl api-resources` and `kubectl api-versions`: what the server's discovery serves. */
import type { Command } from '../command';
import { apiResources, apiVersions, type ApiResourceRow } from '../../api/discovery';

/**
 * Lays out rows as kubectl's tab writer does (minimum width 10, padding 3);
 * the last column is not padded.
 */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(10, ...rows.map((r) => r[i].length + 3)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('').trimEnd()).join('\n');
}

function list(flag: unknown): string[] {
  const values = Array.isArray(flag) ? flag : [];
  return values.flatMap((v) => String(v).split(',')).filter(Boolean);
}

function cells(r: ApiResourceRow, wide: boolean): string[] {
  const base = [r.name, r.shortNames.join(','), r.apiVersion, String(r.namespaced), r.kind];
  return wide ? [...base, `[${r.verbs.join(' ')}]`, r.categories.join(',')] : base;
}

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: [
    { name: 'api-group', type: 'string', default: '', usage: 'Limit to resources in the specified API group.' },
    { name: 'cached', type: 'bool', default: false, usage: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringArray', default: [], usage: 'Limit to resources that belong to the specified categories.' },
    { name: 'namespaced', type: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', type: 'bool', default: false, usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: 'Output format. One of: (wide, name).' },
    { name: 'sort-by', type: 'string', default: '', usage: "If non-empty, sort list of resources using specified field. One of (name, kind)." },
    { name: 'verbs', type: 'stringArray', default: [], usage: 'Limit to resources that support the specified verbs.' },
  ],
  run(_ctx, parsed, io) {
    const output = String(parsed.flags.output ?? '');
    if (output !== '' && output !== 'wide' && output !== 'name') throw new Error(`--output ${output} is not available`);
    const sortBy = String(parsed.flags['sort-by'] ?? '');
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new Error('--sort-by accepts only name or kind');
    const rows = apiResources({
      apiGroup: parsed.changed.has('api-group') ? String(parsed.flags['api-group']) : undefined,
      namespaced: parsed.changed.has('namespaced') ? Boolean(parsed.flags.namespaced) : undefined,
      verbs: list(parsed.flags.verbs),
      categories: list(parsed.flags.categories),
      sortBy: (sortBy || undefined) as 'name' | 'kind' | undefined,
    });
    if (output === 'name') {
      if (rows.length) io.out(rows.map((r) => (r.group ? `${r.name}.${r.group}` : r.name)).join('\n'));
      return;
    }
    const wide = output === 'wide';
    const header = wide ? ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', 'VERBS', 'CATEGORIES'] : ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
    const body = rows.map((r) => cells(r, wide));
    const all = parsed.flags['no-headers'] ? body : [header, ...body];
    if (all.length) io.out(table(all));
  },
};

export const apiVersionsCommand: Command = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  run(_ctx, _parsed, io) {
    io.out(apiVersions().join('\n'));
  },
};
