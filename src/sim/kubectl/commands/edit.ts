/**
 * `kubectl edit TYPE NAME`: hands the object's YAML, under kubectl's comment
 * header, to the terminal (io.edit) so the UI opens it in the editor; prints
 * nothing itself. When the user saves, the UI calls `saveEdit` with the text,
 * which writes it back as kubectl does and returns what kubectl prints.
 */
import type { ApiServer } from '../../apiserver/apiserver';
import type { KubeObject } from '../../api/types';
import { deepEqual } from '../../controllers/util/stable-json';
import { namespaceFlag, type Command } from '../command';
import { UsageError } from '../flags';
import { parseManifests } from '../manifests';
import { toYaml } from '../printers/serialize';
import { cliError, kindLabel, orCliError, parseObjectArgs, resolveType } from './resource-args';

/** The comment kubectl puts above the object it opens in the editor. */
export const EDIT_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** The editor text for `obj`. */
export function editText(obj: KubeObject): string {
  return EDIT_HEADER + toYaml(obj);
}

/** What saving an edit printed. */
export interface EditResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Saves an edited object: unchanged -> `Edit cancelled, no changes made.`,
 * empty -> `Edit cancelled, saved file was empty.`, otherwise an update that
 * keeps the resourceVersion it was opened with (so a concurrent change is a
 * Conflict) -> `deployment.apps/web edited`.
 */
export function saveEdit(api: ApiServer, edited: string): EditResult {
  const text = edited.split('\n').filter((l) => !l.startsWith('#')).join('\n');
  if (!text.trim()) return { stdout: 'Edit cancelled, saved file was empty.\n', stderr: '', exitCode: 0 };
  const { documents, errors } = parseManifests(text);
  if (errors.length) return { stdout: '', stderr: `error: error parsing edited file: yaml: line ${errors[0].endLine}: ${errors[0].message}\n`, exitCode: 1 };
  const obj = documents.find((d) => d.value)?.value as KubeObject | undefined;
  if (!obj?.kind || !obj.metadata?.name) return { stdout: '', stderr: 'error: Object \'Kind\' is missing in edited file\n', exitCode: 1 };
  try {
    const info = resolveType(obj.kind);
    const live = api.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (deepEqual(live, obj)) return { stdout: 'Edit cancelled, no changes made.\n', stderr: '', exitCode: 0 };
    const saved = api.update(obj);
    // A status-only edit changes nothing the server keeps.
    const verb = saved.metadata.resourceVersion === live.metadata.resourceVersion ? 'skipped' : 'edited';
    return { stdout: `${kindLabel(info)}/${obj.metadata.name} ${verb}\n`, stderr: '', exitCode: 0 };
  } catch (err) {
    return { stdout: '', stderr: `${cliError(err).message}\n`, exitCode: 1 };
  }
}

export const editCommand: Command = {
  name: 'edit',
  short: 'Edit a resource on the server',
  flags: [{ name: 'output', shorthand: 'o', type: 'string', default: 'yaml', usage: 'Output format. One of: (json, yaml).' }],
  run(ctx, parsed, io) {
    const objs = parseObjectArgs(parsed.args);
    if (objs.length !== 1) {
      throw new UsageError(parsed.args.length ? 'error: resource(s) were provided, but no name was specified' : "error: You must provide one or more resources by argument or filename.\nSee 'kubectl edit -h' for help and examples");
    }
    const [{ info, name }] = objs;
    const obj = orCliError(() => ctx.cluster.api.get(info.kind, namespaceFlag(parsed), name));
    io.edit?.(editText(obj));
  },
};
