/**
 * Splits a command line into words as a POSIX shell does for the simple cases a
 * terminal user types: single and double quotes, backslash escapes, and `|`.
 */

/** One parsed line: the words of each command of a pipeline. */
export interface ParsedLine {
  pipeline: string[][];
}

/** Splits `line` into a pipeline of word lists; throws on an unterminated quote. */
export function parseCommandLine(line: string): ParsedLine {
  const pipeline: string[][] = [[]];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) word += line[++i];
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) pipeline[pipeline.length - 1].push(word);
      word = '';
      inWord = false;
    } else if (ch === '|') {
      if (inWord) pipeline[pipeline.length - 1].push(word);
      word = '';
      inWord = false;
      pipeline.push([]);
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unexpected EOF while looking for matching \`${quote}'`);
  if (inWord) pipeline[pipeline.length - 1].push(word);
  return { pipeline: pipeline.filter((words, i) => words.length > 0 || i === 0) };
}
