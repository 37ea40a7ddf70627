/**
 * Go's text/tabwriter, the layout engine behind every kubectl table and every
 * `kubectl describe` (reference §6.1). Cells are tab-terminated; the text after
 * the last tab of a line is not part of any column. A column block is a run of
 * consecutive lines that all have a cell in that column, so a line with fewer
 * cells (or none) ends the blocks to its right: this is why describe output
 * aligns section by section.
 */

/** Tabwriter settings: minimum cell width and padding added to the widest cell. */
export interface TabwriterOptions {
  minWidth: number;
  padding: number;
}

/** `kubectl get`: minwidth 6, padding 3 (cli-runtime printers/tabwriter.go). */
export const GET_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };

/** `kubectl describe`: minwidth 0, padding 2 (describe.go tabbedString). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

/** Display width of a cell; kubectl output is ASCII in practice, so code points will do. */
function width(s: string): number {
  return [...s].length;
}

/** Lays out `text` (lines of tab-separated cells) as Go's tabwriter does on Flush. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const trailingNewline = text.endsWith('\n');
  const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let line = '';
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        // Only tab-terminated cells inside an open column block are padded.
        line += j < widths.length && j < cells.length - 1 ? c + ' '.repeat(Math.max(0, widths[j] - width(c))) : c;
      }
      out.push(line);
    }
  };

  // Mirrors tabwriter.format: recursively open a block for each column.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      writeLines(start, i);
      start = i;
      let w = opts.minWidth;
      let end = i;
      for (; end < line1; end++) {
        const cells = lines[end];
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column]) + opts.padding);
      }
      widths.push(w);
      format(start, end);
      widths.pop();
      start = end;
      i = end - 1;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (trailingNewline ? '\n' : '');
}

/** Formats rows of cells as a `kubectl get` table: every cell but the last of a row is a column. */
export function formatRows(rows: string[][]): string {
  if (!rows.length) return '';
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', GET_TABWRITER);
}
