/**
 * JSON patch (RFC 6902), `kubectl patch --type json`: a list of add, remove,
 * replace, move, copy and test operations on JSON pointers (RFC 6901). Errors
 * are worded as the API server's JSON patch library words them.
 */
import { isPlainObject } from './merge-patch';

/** One operation of a JSON patch document. */
export interface JsonPatchOp {
  op: string;
  path?: string;
  from?: string;
  value?: unknown;
}

/** A JSON patch the server rejects; the API server returns it as an error. */
export class JsonPatchError extends Error {}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new JsonPatchError(`JSON pointer must be empty or start with a "/": ${pointer}`);
  return pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function deepCopy<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

type Container = Record<string, unknown> | unknown[];

/** The parent container of `path` and the last key, or an error when a step is missing. */
function parentOf(doc: unknown, parts: string[], op: string, path: string): [Container, string] {
  let cur = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = Number(part);
      if (!/^[0-9]+$/.test(part) || i >= cur.length) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
      cur = cur[i];
    } else if (isPlainObject(cur) && part in cur) {
      cur = cur[part];
    } else {
      throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
    }
  }
  if (!Array.isArray(cur) && !isPlainObject(cur)) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return [cur, parts[parts.length - 1]];
}

function arrayIndex(arr: unknown[], key: string, allowEnd: boolean, op: string, path: string): number {
  if (allowEnd && key === '-') return arr.length;
  const i = Number(key);
  const max = allowEnd ? arr.length : arr.length - 1;
  if (!/^[0-9]+$/.test(key)) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  if (i > max) throw new JsonPatchError(`Unable to access invalid index: ${i}: invalid index referenced`);
  return i;
}

function getAt(doc: unknown, path: string, op: string): unknown {
  const parts = parsePointer(path);
  if (!parts.length) return doc;
  const [parent, key] = parentOf(doc, parts, op, path);
  if (Array.isArray(parent)) return parent[arrayIndex(parent, key, false, op, path)];
  if (!(key in parent)) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return parent[key];
}

function addAt(doc: unknown, path: string, value: unknown, op: string): unknown {
  const parts = parsePointer(path);
  if (!parts.length) return value;
  const [parent, key] = parentOf(doc, parts, op, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true, op, path), 0, value);
  else parent[key] = value;
  return doc;
}

function removeAt(doc: unknown, path: string, op: string): unknown {
  const parts = parsePointer(path);
  const [parent, key] = parentOf(doc, parts, op, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, false, op, path), 1);
  else {
    if (!(key in parent)) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
    delete parent[key];
  }
  return doc;
}

/** Applies the operations in order to a copy of `target`; throws JsonPatchError on the first failure. */
export function applyJsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = deepCopy(target);
  for (const raw of ops as JsonPatchOp[]) {
    const op = raw?.op;
    const path = raw?.path;
    if (typeof path !== 'string' && op !== undefined) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "": missing value`);
    switch (op) {
      case 'add':
        doc = addAt(doc, path!, deepCopy(raw.value), 'add');
        break;
      case 'remove':
        doc = removeAt(doc, path!, 'remove');
        break;
      case 'replace': {
        // Replace needs the target to exist, as evanphx/json-patch checks.
        try {
          getAt(doc, path!, 'replace');
        } catch {
          throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
        }
        const parts = parsePointer(path!);
        if (!parts.length) doc = deepCopy(raw.value);
        else {
          const [parent, key] = parentOf(doc, parts, 'replace', path!);
          if (Array.isArray(parent)) parent[arrayIndex(parent, key, false, 'replace', path!)] = deepCopy(raw.value);
          else parent[key] = deepCopy(raw.value);
        }
        break;
      }
      case 'move': {
        const value = getAt(doc, raw.from ?? '', 'move');
        doc = removeAt(doc, raw.from ?? '', 'move');
        doc = addAt(doc, path!, value, 'move');
        break;
      }
      case 'copy':
        doc = addAt(doc, path!, deepCopy(getAt(doc, raw.from ?? '', 'copy')), 'copy');
        break;
      case 'test': {
        let actual: unknown;
        try {
          actual = getAt(doc, path!, 'test');
        } catch {
          actual = undefined;
        }
        if (!deepEqual(actual, raw.value ?? null)) throw new JsonPatchError(`testing value ${path} failed: test failed`);
        break;
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${op ?? ''}`);
    }
  }
  return doc;
}
