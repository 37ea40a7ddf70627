/**
 * `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]` ->
 * `deployment.apps/web patched`, or `patched (no change)` when nothing changed.
 * The patch is applied by the API server's PATCH verb when it has one;
 * otherwise here, by read-modify-write with the same semantics.
 */
import { parse } from 'yaml';
import type { ApiServer } from '../../apiserver/apiserver';
import { clone } from '../../apiserver/apiserver';
import type { KubeObject } from '../../api/types';
import { namespaceFlag, type Command } from '../command';
import { UsageError } from '../flags';
import { kindLabel, mutate, orCliError, parseObjectArgs } from './resource-args';

type PatchType = 'strategic' | 'merge' | 'json';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 JSON merge patch; with `byName`, lists of named objects merge by name as strategic merge does. */
export function mergePatch(target: unknown, patch: unknown, byName = false): unknown {
  if (byName && Array.isArray(patch) && Array.isArray(target) && patch.every((p) => isObject(p) && typeof p.name === 'string')) {
    const out = target.map(clone);
    for (const p of patch as Record<string, unknown>[]) {
      const i = out.findIndex((t) => isObject(t) && t.name === p.name);
      if (i >= 0) out[i] = mergePatch(out[i], p, byName);
      else out.push(mergePatch({}, p, byName));
    }
    return out;
  }
  if (!isObject(patch)) return clone(patch);
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v, byName);
  }
  return out;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new UsageError(`error: unable to parse path ${path}`);
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902 JSON patch (add, remove, replace, test, copy, move). */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new UsageError("error: unable to parse patch: json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  let doc = clone(target);
  const at = (path: string[]) => {
    let cur: unknown = doc;
    for (const seg of path.slice(0, -1)) {
      cur = Array.isArray(cur) ? cur[Number(seg)] : (cur as Record<string, unknown>)?.[seg];
      if (cur === undefined) throw new UsageError(`Error from server: jsonpatch add operation does not apply: doc is missing path: "/${path.join('/')}": missing value`);
    }
    return cur as Record<string, unknown> | unknown[];
  };
  const get = (path: string[]) => path.reduce<unknown>((c, s) => (Array.isArray(c) ? c[Number(s)] : (c as Record<string, unknown>)?.[s]), doc);
  const set = (path: string[], value: unknown, insert: boolean) => {
    if (!path.length) return void (doc = value);
    const parent = at(path);
    const key = path[path.length - 1];
    if (Array.isArray(parent)) {
      const i = key === '-' ? parent.length : Number(key);
      if (insert) parent.splice(i, 0, value);
      else parent[i] = value;
    } else parent[key] = value;
  };
  const remove = (path: string[]) => {
    const parent = at(path);
    const key = path[path.length - 1];
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else {
      if (!(key in parent)) throw new UsageError(`Error from server: jsonpatch remove operation does not apply: doc is missing key: /${path.join('/')}: missing value`);
      delete parent[key];
    }
  };
  for (const op of ops as { op: string; path: string; value?: unknown; from?: string }[]) {
    const path = pointer(op.path);
    switch (op.op) {
      case 'add': set(path, clone(op.value), true); break;
      case 'replace':
        if (get(path) === undefined) throw new UsageError(`Error from server: jsonpatch replace operation does not apply: doc is missing key: ${op.path}: missing value`);
        set(path, clone(op.value), false);
        break;
      case 'remove': remove(path); break;
      case 'test':
        if (JSON.stringify(get(path)) !== JSON.stringify(op.value)) throw new UsageError(`Error from server: testing value ${op.path} failed: test failed`);
        break;
      case 'copy': set(path, clone(get(pointer(op.from ?? ''))), true); break;
      case 'move': {
        const v = get(pointer(op.from ?? ''));
        remove(pointer(op.from ?? ''));
        set(path, v, true);
        break;
      }
      default: throw new UsageError(`Error from server: Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}

type Patchable = { patch?: (kind: string, ns: string, name: string, type: PatchType, patch: unknown) => KubeObject };

/** Sends the patch; returns the object before and after. */
function sendPatch(api: ApiServer, kind: string, ns: string, name: string, type: PatchType, patch: unknown): { before: KubeObject; after: KubeObject } {
  const before = api.get(kind, ns, name);
  const server = (api as unknown as Patchable).patch;
  if (typeof server === 'function') return { before, after: server.call(api, kind, ns, name, type, patch) };
  const after = mutate(api, kind, ns, name, (obj) => {
    const next = (type === 'json' ? jsonPatch(obj, patch) : mergePatch(obj, patch, type === 'strategic')) as KubeObject;
    if (JSON.stringify(next) === JSON.stringify(obj)) return false;
    for (const k of Object.keys(obj)) delete obj[k];
    Object.assign(obj, next);
  });
  return { before, after };
}

export const patchCommand: Command = {
  name: 'patch',
  short: 'Update fields of a resource',
  flags: [
    { name: 'patch', shorthand: 'p', type: 'string', default: '', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', default: '', usage: 'A file containing a patch to be applied to the resource.' },
    { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
  ],
  run(ctx, parsed, io) {
    const type = parsed.flags.type as string;
    if (!['json', 'merge', 'strategic'].includes(type)) throw new UsageError(`error: --type must be one of [json merge strategic], not "${type}"`);
    let text = parsed.flags.patch as string;
    const file = parsed.flags['patch-file'] as string;
    if (file) {
      const content = ctx.files?.[file];
      if (content === undefined) throw new UsageError(`error: unable to read patch file: open ${file}: no such file or directory`);
      text = content;
    }
    if (!text) throw new UsageError("error: must specify --patch or --patch-file containing the contents of the patch\nSee 'kubectl patch -h' for help and examples");
    let patch: unknown;
    try {
      patch = parse(text);
    } catch (e) {
      throw new UsageError(`error: unable to parse "${text}": yaml: ${(e as Error).message.split('\n')[0]}`);
    }
    const objs = parseObjectArgs(parsed.args);
    if (!objs.length) throw new UsageError("error: You must provide one or more resources by argument or filename.\nSee 'kubectl patch -h' for help and examples");
    const ns = namespaceFlag(parsed);
    for (const { info, name } of objs) {
      const { before, after } = orCliError(() => sendPatch(ctx.cluster.api, info.kind, info.namespaced ? ns : '', name, type as PatchType, patch));
      const same = before.metadata.resourceVersion === after.metadata.resourceVersion;
      io.out(`${kindLabel(info)}/${name} patched${same ? ' (no change)' : ''}`);
    }
  },
};
