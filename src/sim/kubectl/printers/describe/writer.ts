/**
 * The writer `kubectl describe` prints through (describe.go PrefixWriter over a
 * tabwriter with padding 2): each level indents two spaces, tabs align the
 * lines of a block, and `flush` closes the blocks so a table that follows (the
 * events) aligns on its own.
 */
import type { KubeObject } from '../../../api/types';
import { DESCRIBE_TABWRITER, tabwrite } from '../tabwriter';
import type { PrintContext } from '../columns';

/** Describe's line writer. */
export class DescribeWriter {
  private done = '';
  private pending = '';

  constructor(readonly ctx: PrintContext) {}

  /** Writes `text` after `level` indents (2 spaces each). */
  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text;
  }

  /** Writes a whole line with no indent (Go's Sprintln). */
  line(text: string): void {
    this.pending += `${text}\n`;
  }

  /** Lays out what was written so far; later lines start new column blocks. */
  flush(): void {
    this.done += tabwrite(this.pending, DESCRIBE_TABWRITER);
    this.pending = '';
  }

  /** Everything written, laid out. */
  toString(): string {
    this.flush();
    return this.done;
  }
}

/** The object that answers a describe: its events, related objects and so on come through `lookup`. */
export interface DescribeSource {
  /** Objects of a kind (in a namespace, or all), [] when the kind is not served. */
  list(kind: string, namespace?: string): KubeObject[];
  /** One object, or undefined. */
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Thu, 01 Jan 2026 09:00:30 +0000`. */
export function rfc1123z(ts: string | undefined | null): string {
  const d = new Date(ts ?? 0);
  const p = (n: number) => String(n).padStart(2, '0');
  if (!ts || Number.isNaN(d.getTime())) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** `Labels:  a=b` then one `k=v` per line, sorted; `<none>` when empty (printLabelsMultiline). */
export function labelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) return w.line('<none>');
  keys.forEach((k, i) => {
    if (i) w.write(0, `${initialIndent}\t`);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION = 140;

/** `Annotations:  k: v`, skipping last-applied, long values split on lines and cut at 140 (printAnnotationsMultiline). */
export function annotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => k !== LAST_APPLIED).sort();
  if (!keys.length) return w.line('<none>');
  keys.forEach((k, i) => {
    if (i) w.write(0, '\t');
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${s.length > MAX_ANNOTATION - 2 ? `${s.slice(0, MAX_ANNOTATION - 2)}...` : s}\n`);
    } else w.write(0, `${k}: ${value}\n`);
  });
}

/* eslint-disable @typescript-eslint/no-explicit-any */

/** `Tolerations:  key:effect op=Exists for 300s`, sorted by key. */
export function tolerationsMultiline(w: DescribeWriter, title: string, tolerations: any[] | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (!list.length) return w.line('<none>');
  list.forEach((t, i) => {
    if (i) w.write(0, `${initialIndent}\t`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds != null) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/** `key=value:effect` (Taint.ToString). */
export function taintString(t: any): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/** `Kind/name` of the controller owner, or ''. */
export function controlledBy(obj: KubeObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}
