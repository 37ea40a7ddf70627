/**
 * Reads multi-document YAML as `kubectl apply -f` does: every document, with
 * the line it starts on, or the parse errors at their line and column.
 */
import { LineCounter, parseAllDocuments } from 'yaml';

/** One document of a manifest file. */
export interface ManifestDocument {
  /** The parsed value (usually an object), or null for an empty document. */
  value: unknown;
  /** 1-based line where the document's content starts. */
  line: number;
}

/** A YAML syntax error from a 1-based line and column to an end line and column. */
export interface YamlError {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** Parses every document of `text`; errors stop the whole apply, as in kubectl. */
export function parseManifests(text: string): { documents: ManifestDocument[]; errors: YamlError[] } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: YamlError[] = [];
  const documents: ManifestDocument[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    for (const err of doc.errors) {
      const start = lineCounter.linePos(err.pos[0]);
      const end = lineCounter.linePos(Math.max(err.pos[0], err.pos[1] - 1));
      errors.push({ line: start.line, column: start.col, endLine: end.line, endColumn: end.col + 1, message: firstLine(err.message) });
    }
    if (doc.errors.length) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      const pos = lineCounter.linePos(doc.range[0]);
      errors.push({ line: pos.line, column: pos.col, endLine: pos.line, endColumn: pos.col + 1, message: (e as Error).message });
      continue;
    }
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    documents.push({ value: value ?? null, line: lineCounter.linePos(start).line });
  }
  return { documents, errors };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
