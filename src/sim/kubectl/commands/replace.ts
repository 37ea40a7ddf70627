/**
 * `kubectl replace -f FILE [--force]`: a full update of each object
 * (`deployment.apps/web replaced`); with `--force`, delete then create.
 */
import { clone } from '../../apiserver/apiserver';
import { resourceForKind } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { type Command } from '../command';
import { UsageError } from '../flags';
import { parseManifests } from '../manifests';
import { formatApiError } from '../status-errors';
import { kindLabel, readFile } from './resource-args';

export const replaceCommand: Command = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  flags: [
    { name: 'filename', shorthand: 'f', type: 'stringArray', default: [], usage: 'The files that contain the configurations to replace.' },
    { name: 'force', type: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully.' },
  ],
  run(ctx, parsed, io) {
    const files = parsed.flags.filename as string[];
    if (!files.length) throw new UsageError("error: must specify --filename to replace\nSee 'kubectl replace -h' for help and examples");
    const api = ctx.cluster.api;
    let failed = false;
    for (const file of files) {
      const text = readFile(ctx, file);
      const source = file === '-' ? 'STDIN' : file;
      if (text === undefined) throw new UsageError(`error: the path "${file}" does not exist`);
      const { documents, errors } = parseManifests(text);
      if (errors.length) throw new UsageError(`error: error parsing ${source}: error converting YAML to JSON: yaml: line ${errors[0].endLine}: ${errors[0].message}`);
      for (const doc of documents) {
        const obj = clone(doc.value as KubeObject | null);
        if (!obj) continue;
        const info = resourceForKind(obj.kind);
        if (!info) {
          io.err(`error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`);
          failed = true;
          continue;
        }
        if (info.namespaced) obj.metadata.namespace ||= (parsed.flags.namespace as string) || 'default';
        try {
          if (parsed.flags.force) {
            const grace = parsed.flags['grace-period'] as number;
            if (api.tryGet(obj.kind, obj.metadata.namespace, obj.metadata.name)) {
              api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, { gracePeriodSeconds: grace >= 0 ? grace : 0 });
              io.out(`${kindLabel(info)} "${obj.metadata.name}" deleted${info.namespaced ? ` from ${obj.metadata.namespace} namespace` : ''}`);
            }
            delete obj.metadata.resourceVersion;
            api.create(obj);
          } else {
            api.update(obj);
          }
          io.out(`${kindLabel(info)}/${obj.metadata.name} replaced`);
        } catch (err) {
          failed = true;
          io.err(formatApiError(err, 'replacing').replaceAll('"STDIN"', `"${source}"`));
        }
      }
    }
    return failed ? 1 : 0;
  },
};
