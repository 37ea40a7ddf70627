/**
 * `-o yaml` and `-o json` as kubectl prints them. kubectl serializes the
 * unstructured object, so keys come out sorted at every level: JSON by Go's
 * byte order with 4-space indent and HTML-safe escapes (encoding/json), YAML by
 * go-yaml's key order with block sequences at the parent's indent.
 */
import { Document, Scalar } from 'yaml';
import type { KubeObject } from '../../api/types';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Go string order (bytes; our keys are ASCII, so UTF-16 units match). */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

/** go-yaml v2's map key order: letters after other characters, digit runs compared as numbers. */
export function yamlKeyOrder(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i] ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0;
    let bn = 0;
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i] < br[i] ? -1 : 1;
  }
  return ar.length - br.length;
}

function escapeJson(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Go's json.MarshalIndent(obj, "", "    ") of an unstructured object. */
export function toJson(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return escapeJson(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((v) => inner + toJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value as object).filter((k) => (value as any)[k] !== undefined).sort(byteOrder);
  if (!keys.length) return '{}';
  return `{\n${keys.map((k) => `${inner}${escapeJson(k)}: ${toJson((value as any)[k], inner)}`).join(',\n')}\n${indent}}`;
}

/** Go-yaml renders these strings quoted because they would read back as another type. */
function needsDoubleQuotes(s: string): boolean {
  return /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o?[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?)$/.test(s) || s === '';
}

function toNode(doc: Document, value: unknown): unknown {
  if (value === null || value === undefined) return doc.createNode(null);
  if (typeof value === 'string') {
    const node = new Scalar(value);
    if (value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    else if (needsDoubleQuotes(value)) node.type = Scalar.QUOTE_DOUBLE;
    return node;
  }
  if (Array.isArray(value)) {
    const seq = doc.createNode([]) as any;
    for (const v of value) seq.items.push(toNode(doc, v));
    if (!value.length) seq.flow = true;
    return seq;
  }
  if (typeof value === 'object') {
    const map = doc.createNode({}) as any;
    const keys = Object.keys(value).filter((k) => (value as any)[k] !== undefined).sort(yamlKeyOrder);
    for (const k of keys) map.items.push(doc.createPair(k, toNode(doc, (value as any)[k])));
    if (!keys.length) map.flow = true;
    return map;
  }
  return doc.createNode(value);
}

/** The YAML kubectl prints for `value` (an object or a List). */
export function toYaml(value: unknown): string {
  const doc = new Document(null);
  doc.contents = toNode(doc, value) as any;
  return doc.toString({ indentSeq: false, lineWidth: 0, blockQuote: 'literal' });
}

/** The `kind: List` wrapper kubectl prints for several objects. */
export function asList(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
