/**
 * `kubectl delete TYPE NAME... | TYPE/NAME | -f FILE | TYPE -l SEL | TYPE --all`
 * with `--grace-period`, `--force`, `--now` and `--cascade`. Prints
 * `deployment.apps "web" deleted from default namespace` (kubectl 1.34 names the
 * namespace; cluster-scoped objects print `namespace "x" deleted`).
 */
import type { DeleteOptions } from '../../apiserver/apiserver';
import { isReason } from '../../apiserver/errors';
import { resourceForKind, type ResourceInfo } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { namespaceFlag, type Command } from '../command';
import { UsageError } from '../flags';
import { parseManifests } from '../manifests';
import { cliError, kindLabel, parseLabelSelector, parseObjectArgs, readFile, resolveType } from './resource-args';

const FORCE_WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

const NO_ARGS = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** The DeleteOptions kubectl sends for these flags. */
function deleteOptions(flags: Record<string, unknown>): DeleteOptions {
  let grace = flags['grace-period'] as number;
  const force = flags.force as boolean;
  if (flags.now) {
    if (grace !== -1) throw new UsageError('error: --now and --grace-period cannot be specified together');
    grace = 1;
  }
  // kubectl turns --grace-period=0 into 1 unless --force, so nothing is removed by accident.
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const cascade = String(flags.cascade);
  const policy: Record<string, DeleteOptions['propagationPolicy']> = { background: 'Background', true: 'Background', foreground: 'Foreground', orphan: 'Orphan', false: 'Orphan' };
  if (!(cascade in policy)) throw new UsageError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`);
  return { gracePeriodSeconds: grace >= 0 ? grace : undefined, propagationPolicy: policy[cascade] };
}

export const deleteCommand: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: [
    { name: 'filename', shorthand: 'f', type: 'stringArray', default: [], usage: 'containing the resource to delete.' },
    { name: 'selector', shorthand: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on.' },
    { name: 'all', type: 'bool', default: false, usage: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully.' },
    { name: 'force', type: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'now', type: 'bool', default: false, usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'cascade', type: 'string', default: 'background', usage: 'Must be "background", "orphan", or "foreground".' },
    { name: 'wait', type: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning.' },
    { name: 'ignore-not-found', type: 'bool', default: false, usage: 'Treat "resource not found" as a successful delete.' },
  ],
  run(ctx, parsed, io) {
    const api = ctx.cluster.api;
    const ns = namespaceFlag(parsed);
    const files = parsed.flags.filename as string[];
    const selector = parsed.flags.selector as string;
    const all = parsed.flags.all as boolean;
    const allNs = parsed.flags['all-namespaces'] as boolean;
    const opts = deleteOptions(parsed.flags);
    const force = parsed.flags.force as boolean;
    if (!files.length && !parsed.args.length) throw new UsageError(NO_ARGS);

    // Gather the targets first, so a bad argument deletes nothing.
    const targets: { info: ResourceInfo; ns: string; name: string; fromFile?: string }[] = [];
    for (const file of files) {
      const text = readFile(ctx, file);
      if (text === undefined) throw new UsageError(`error: the path "${file}" does not exist`);
      const { documents, errors } = parseManifests(text);
      if (errors.length) throw new UsageError(`error: error parsing ${file === '-' ? 'STDIN' : file}: error converting YAML to JSON: yaml: line ${errors[0].endLine}: ${errors[0].message}`);
      for (const d of documents) {
        const o = d.value as KubeObject | null;
        if (!o) continue;
        const info = resourceForKind(o.kind);
        if (!info) throw new UsageError(`error: resource mapping not found for name: "${o.metadata?.name ?? ''}" namespace: "${o.metadata?.namespace ?? ''}" from "${file}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`);
        targets.push({ info, ns: info.namespaced ? o.metadata?.namespace || ns : '', name: o.metadata?.name ?? '', fromFile: file });
      }
    }
    if (parsed.args.length) {
      const byName = parsed.args.some((a) => a.includes('/')) || parsed.args.length > 1;
      if (byName) {
        if (selector || all) throw new UsageError('error: name cannot be provided when a selector is specified');
        for (const o of parseObjectArgs(parsed.args)) targets.push({ info: o.info, ns: o.info.namespaced ? ns : '', name: o.name });
      } else {
        if (!selector && !all) throw new UsageError('error: resource(s) were provided, but no name was specified');
        const match = selector ? parseLabelSelector(selector) : () => true;
        for (const type of parsed.args[0].split(',')) {
          const info = resolveType(type);
          const items = api.list(info.kind, info.namespaced && !allNs ? ns : undefined, { labelSelector: match }).items;
          for (const o of items) targets.push({ info, ns: o.metadata.namespace ?? '', name: o.metadata.name });
        }
        if (!targets.length) {
          io.out('No resources found');
          return 0;
        }
      }
    }

    if (force && opts.gracePeriodSeconds === 0) io.err(FORCE_WARNING);
    let failed = false;
    for (const t of targets) {
      try {
        api.delete(t.info.kind, t.ns, t.name, opts);
        const verb = force && opts.gracePeriodSeconds === 0 ? 'force deleted' : 'deleted';
        io.out(`${kindLabel(t.info)} "${t.name}" ${verb}${t.info.namespaced ? ` from ${t.ns} namespace` : ''}`);
      } catch (err) {
        if (isReason(err, 'NotFound') && parsed.flags['ignore-not-found']) continue;
        failed = true;
        const e = cliError(err);
        io.err(t.fromFile && isReason(err, 'NotFound') ? e.message.replace(': ', `: error when deleting "${t.fromFile}": `) : e.message);
      }
    }
    return failed ? 1 : 0;
  },
};
