/**
 * kubectl's JSONPath templates (client-go util/jsonpath), as `-o jsonpath=`,
 * `custom-columns` and `--sort-by` use them: literal text around `{...}`
 * actions; paths with `.field`, `..field`, `[n]`, `[a:b:c]`, `[*]`, `['key']`
 * and filters `[?(@.x=="y")]`; `{range ...}...{end}`; string literals `{"\n"}`.
 * Missing keys print nothing, as `kubectl get` allows them.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

type Step =
  | { type: 'field'; names: string[] }
  | { type: 'recursive'; name: string }
  | { type: 'wildcard' }
  | { type: 'index'; indices: number[] }
  | { type: 'slice'; start?: number; end?: number; step?: number }
  | { type: 'filter'; left: Operand; op?: string; right?: Operand };

type Operand = { type: 'path'; root: boolean; steps: Step[] } | { type: 'literal'; value: unknown };

/** A parsed path: relative to the current value (`@`, or nothing) or to the root (`$`). */
interface Path {
  root: boolean;
  steps: Step[];
}

type Node = { type: 'text'; value: string } | { type: 'path'; path: Path } | { type: 'range'; path: Path; body: Node[] };

/** A template that does not parse; kubectl prints `error: error parsing jsonpath <t>, <why>`. */
export class JsonPathError extends Error {}

function parseBracket(inner: string): Step {
  const s = inner.trim();
  if (s === '*') return { type: 'wildcard' };
  if (s.startsWith('?(') && s.endsWith(')')) return parseFilter(s.slice(2, -1));
  if (/^['"]/.test(s)) return { type: 'field', names: splitTopLevel(s, ',').map((k) => unquote(k.trim())) };
  if (s.includes(':')) {
    const [a, b, c] = s.split(':').map((x) => (x.trim() === '' ? undefined : Number(x)));
    return { type: 'slice', start: a, end: b, step: c };
  }
  const indices = s.split(',').map((x) => Number(x.trim()));
  if (indices.some((n) => !Number.isInteger(n))) throw new JsonPathError(`invalid array index ${s}`);
  return { type: 'index', indices };
}

function unquote(s: string): string {
  const q = s[0];
  if ((q === '"' || q === "'") && s.endsWith(q)) {
    return s.slice(1, -1).replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t', r: '\r' })[c as 'n'] ?? c);
  }
  return s;
}

/** Splits on `sep` outside quotes and brackets. */
function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') { cur += c + (s[++i] ?? ''); continue; }
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0 && s.startsWith(sep, i)) { out.push(cur); cur = ''; i += sep.length - 1; continue; }
    cur += c;
  }
  out.push(cur);
  return out;
}

function parseOperand(s: string): Operand {
  const t = s.trim();
  if (t.startsWith('@') || t.startsWith('$')) return { type: 'path', ...parsePath(t) };
  if (/^['"]/.test(t)) return { type: 'literal', value: unquote(t) };
  if (t === 'true' || t === 'false') return { type: 'literal', value: t === 'true' };
  const n = Number(t);
  if (t !== '' && !Number.isNaN(n)) return { type: 'literal', value: n };
  throw new JsonPathError(`unrecognized filter operand ${t}`);
}

function parseFilter(s: string): Step {
  for (const op of ['==', '!=', '<=', '>=', '<', '>', '=~']) {
    const parts = splitTopLevel(s, op);
    if (parts.length === 2) return { type: 'filter', left: parseOperand(parts[0]), op, right: parseOperand(parts[1]) };
  }
  return { type: 'filter', left: parseOperand(s) };
}

/** Parses one path expression such as `.items[*].metadata.name`. */
export function parsePath(expr: string): Path {
  let s = expr.trim();
  let root = false;
  if (s.startsWith('$')) { root = true; s = s.slice(1); } else if (s.startsWith('@')) s = s.slice(1);
  const steps: Step[] = [];
  let i = 0;
  const readName = () => {
    let name = '';
    while (i < s.length && s[i] !== '.' && s[i] !== '[') {
      if (s[i] === '\\' && i + 1 < s.length) { name += s[i + 1]; i += 2; continue; }
      name += s[i++];
    }
    return name;
  };
  while (i < s.length) {
    if (s.startsWith('..', i)) {
      i += 2;
      steps.push({ type: 'recursive', name: readName() });
    } else if (s[i] === '.') {
      i++;
      const name = readName();
      if (name === '*') steps.push({ type: 'wildcard' });
      else if (name) steps.push({ type: 'field', names: [name] });
    } else if (s[i] === '[') {
      let depth = 0;
      let j = i;
      let quote = '';
      for (; j < s.length; j++) {
        const c = s[j];
        if (quote) { if (c === quote) quote = ''; continue; }
        if (c === '"' || c === "'") quote = c;
        else if (c === '[') depth++;
        else if (c === ']' && --depth === 0) break;
      }
      if (j >= s.length) throw new JsonPathError(`unterminated array`);
      steps.push(parseBracket(s.slice(i + 1, j)));
      i = j + 1;
    } else {
      // A bare leading name (`metadata.name`) is a field, as in relaxed expressions.
      const name = readName();
      if (!name) throw new JsonPathError(`unrecognized character in action: ${s[i]}`);
      steps.push({ type: 'field', names: [name] });
    }
  }
  return { root, steps };
}

/** Parses a whole template into text, paths and ranges. */
export function parseTemplate(template: string): Node[] {
  const stack: Node[][] = [[]];
  const ranges: Path[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) { stack[stack.length - 1].push({ type: 'text', value: template.slice(i) }); break; }
    if (open > i) stack[stack.length - 1].push({ type: 'text', value: template.slice(i, open) });
    let j = open + 1;
    let quote = '';
    for (; j < template.length; j++) {
      const c = template[j];
      if (quote) { if (c === '\\') j++; else if (c === quote) quote = ''; continue; }
      if (c === '"' || c === "'") quote = c;
      else if (c === '}') break;
    }
    if (j >= template.length) throw new JsonPathError('unclosed action');
    const action = template.slice(open + 1, j).trim();
    i = j + 1;
    if (action.startsWith('range ')) {
      ranges.push(parsePath(action.slice(6)));
      stack.push([]);
    } else if (action === 'end') {
      if (stack.length < 2) throw new JsonPathError('not in range, nothing to end');
      const body = stack.pop()!;
      stack[stack.length - 1].push({ type: 'range', path: ranges.pop()!, body });
    } else if (/^["']/.test(action)) {
      stack[stack.length - 1].push({ type: 'text', value: unquote(action) });
    } else {
      stack[stack.length - 1].push({ type: 'path', path: parsePath(action) });
    }
  }
  if (stack.length > 1) throw new JsonPathError('unexpected EOF');
  return stack[0];
}

function children(v: any): any[] {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') return Object.keys(v).sort().map((k) => v[k]);
  return [];
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==': return a === b || (a != null && b != null && String(a) === String(b) && typeof a === typeof b);
    case '!=': return !compare(a, '==', b);
    case '<': return (a as number) < (b as number);
    case '>': return (a as number) > (b as number);
    case '<=': return (a as number) <= (b as number);
    case '>=': return (a as number) >= (b as number);
    case '=~': return new RegExp(String(b)).test(String(a));
    default: return false;
  }
}

function operandValues(o: Operand, current: any, root: any): unknown[] {
  return o.type === 'literal' ? [o.value] : evalSteps(o.steps, [o.root ? root : current], root);
}

function applyStep(step: Step, values: any[], root: any): any[] {
  const out: any[] = [];
  for (const v of values) {
    switch (step.type) {
      case 'field':
        for (const name of step.names) if (v && typeof v === 'object' && !Array.isArray(v) && name in v) out.push(v[name]);
        break;
      case 'wildcard':
        out.push(...children(v));
        break;
      case 'recursive': {
        const walk = (x: any) => {
          if (x && typeof x === 'object') {
            if (!Array.isArray(x) && step.name in x) out.push(x[step.name]);
            for (const c of children(x)) walk(c);
          }
        };
        walk(v);
        break;
      }
      case 'index':
        if (Array.isArray(v)) for (const n of step.indices) { const k = n < 0 ? v.length + n : n; if (k >= 0 && k < v.length) out.push(v[k]); }
        break;
      case 'slice':
        if (Array.isArray(v)) {
          const len = v.length;
          const norm = (n: number | undefined, d: number) => (n === undefined ? d : n < 0 ? Math.max(0, len + n) : Math.min(n, len));
          const by = step.step ?? 1;
          for (let k = norm(step.start, 0); k < norm(step.end, len); k += by) out.push(v[k]);
        }
        break;
      case 'filter':
        for (const item of Array.isArray(v) ? v : []) {
          const left = operandValues(step.left, item, root);
          if (!step.op) { if (left.length && left[0] !== false && left[0] != null) out.push(item); continue; }
          const right = operandValues(step.right!, item, root);
          if (left.length && right.length && compare(left[0], step.op, right[0])) out.push(item);
        }
        break;
    }
  }
  return out;
}

function evalSteps(steps: Step[], start: any[], root: any): any[] {
  return steps.reduce((vals, step) => applyStep(step, vals, root), start);
}

/** The values a path selects from `obj`. */
export function evalPath(path: Path, current: unknown, root: unknown = current): unknown[] {
  return evalSteps(path.steps, [path.root ? root : current], root);
}

function sortedJson(v: any): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${sortedJson(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** How a selected value prints: strings raw, maps and lists as compact JSON. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return sortedJson(v);
  return String(v);
}

function run(nodes: Node[], current: unknown, root: unknown): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'path') out += evalPath(n.path, current, root).map(valueText).join(' ');
    else for (const item of evalPath(n.path, current, root)) out += run(n.body, item, root);
  }
  return out;
}

/** Executes a JSONPath template against `obj`, as `kubectl get -o jsonpath=...` prints it. */
export function executeTemplate(template: string, obj: unknown): string {
  return run(parseTemplate(template), obj, obj);
}

/** kubectl's relaxed form for custom-columns and --sort-by: `.a.b`, `a.b` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedPath(expr: string): Path {
  let s = expr.trim();
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1);
  return parsePath(s.startsWith('.') || s.startsWith('$') || s.startsWith('@') ? s : `.${s}`);
}
