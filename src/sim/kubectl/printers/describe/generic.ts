/** The generic describer kubectl uses for kinds without their own: every field, labelled in words. */
import type { KubeObject } from '../../../api/types';
import { describeEvents, eventsFor } from './events';
import { annotationsMultiline, DescribeWriter, labelsMultiline, type DescribeSource } from './writer';

/* eslint-disable @typescript-eslint/no-explicit-any */

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** `creationTimestamp` → `Creation Timestamp`, `apiVersion` → `API Version` (smartLabelFor). */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[A-Z]+|[^A-Za-z]+/g) ?? [field];
  return parts
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p[0].toUpperCase() + p.slice(1)))
    .join(' ');
}

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

function content(w: DescribeWriter, level: number, obj: Record<string, any>, prefix: string): void {
  for (const field of Object.keys(obj).sort()) {
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    const v = obj[field];
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      w.write(level, `${smartLabel(field)}:\n`);
      content(w, level + 1, v, path);
    } else if (Array.isArray(v)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const item of v) {
        if (item && typeof item === 'object' && !Array.isArray(item)) content(w, level + 1, item, path);
        else w.write(level + 1, `${JSON.stringify(item) && typeof item === 'string' ? item : JSON.stringify(item)}\n`);
      }
    } else w.write(level, `${smartLabel(field)}:\t${v === null ? '<nil>' : String(v)}\n`);
  }
}

/** The generic describe text of any object. */
export function describeGeneric(obj: KubeObject, src: DescribeSource, w: DescribeWriter): string {
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', obj.metadata.labels);
  annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  content(w, 0, obj, '');
  describeEvents(w, eventsFor(src, obj));
  return w.toString();
}
