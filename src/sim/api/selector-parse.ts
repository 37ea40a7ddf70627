/**
 * The label selector string syntax (`a=b,c!=d,e in (x,y),!f`), parsed as
 * apimachinery's labels.Parse does, with its error messages.
 */
import { validateLabelValue } from './names';

/** One requirement of a parsed selector. */
export interface Requirement {
  key: string;
  operator: 'Exists' | 'DoesNotExist' | '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt';
  values: string[];
}

/** A parsed label selector: its requirements and a matcher. */
export interface ParsedSelector {
  requirements: Requirement[];
  matches(labels: Record<string, string> | undefined): boolean;
}

type Tok = 'id' | 'end' | ',' | '(' | ')' | '!' | '=' | '==' | '!=' | '>' | '<' | 'in' | 'notin';

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';
const SPECIAL = '!=(),<>';

/** Splits the input into tokens; `in`/`notin` are keywords only where an operator is expected. */
class Lexer {
  private pos = 0;
  constructor(private readonly s: string) {}

  next(): [Tok, string] {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos])) this.pos++;
    if (this.pos >= this.s.length) return ['end', ''];
    const c = this.s[this.pos];
    if (SPECIAL.includes(c)) {
      const two = this.s.slice(this.pos, this.pos + 2);
      if (two === '==' || two === '!=') {
        this.pos += 2;
        return [two, two];
      }
      this.pos++;
      return [c as Tok, c];
    }
    const start = this.pos;
    while (this.pos < this.s.length && !SPECIAL.includes(this.s[this.pos]) && !/\s/.test(this.s[this.pos])) this.pos++;
    return ['id', this.s.slice(start, this.pos)];
  }
}

/** A one-token-lookahead parser over the lexer's tokens. */
class Parser {
  private readonly toks: [Tok, string][] = [];
  private i = 0;

  constructor(input: string) {
    const lx = new Lexer(input);
    for (;;) {
      const t = lx.next();
      this.toks.push(t);
      if (t[0] === 'end') break;
    }
  }

  /** The next token; as an operator, `in` and `notin` identifiers become keywords. */
  peek(asOperator = false): [Tok, string] {
    const t = this.toks[this.i];
    if (asOperator && t[0] === 'id' && (t[1] === 'in' || t[1] === 'notin')) return [t[1], t[1]];
    return t;
  }

  take(asOperator = false): [Tok, string] {
    const t = this.peek(asOperator);
    if (t[0] !== 'end') this.i++;
    return t;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const [tok, lit] = this.peek();
      if (tok === 'end') return reqs;
      if (tok !== 'id' && tok !== '!') throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.requirement());
      } catch (e) {
        throw new Error(`unable to parse requirement: ${(e as Error).message}`, { cause: e });
      }
      const [t, l] = this.take();
      if (t === 'end') return reqs;
      if (t !== ',') throw new Error(`found '${l}', expected: ',' or 'end of string'`);
      const [t2, l2] = this.peek();
      if (t2 !== 'id' && t2 !== '!') throw new Error(`found '${l2}', expected: identifier after ','`);
    }
  }

  private requirement(): Requirement {
    let [tok, lit] = this.take();
    const negated = tok === '!';
    if (negated) [tok, lit] = this.take();
    if (tok !== 'id') throw new Error(`found '${lit}', expected: identifier`);
    const key = lit;
    const keyErr = labelKeyErrors(key);
    if (keyErr) throw new Error(`key: Invalid value: ${JSON.stringify(key)}: ${keyErr}`);
    const [after] = this.peek();
    if (after === 'end' || after === ',') return { key, operator: negated ? 'DoesNotExist' : 'Exists', values: [] };
    if (negated) throw new Error(`found '${this.peek()[1]}', expected: ',' or 'end of string'`);
    const [opTok, opLit] = this.take(true);
    const ops: Partial<Record<Tok, Requirement['operator']>> = { '=': '=', '==': '==', '!=': '!=', in: 'in', notin: 'notin', '>': 'gt', '<': 'lt' };
    const operator = ops[opTok];
    if (!operator) throw new Error(`found '${opLit}', expected: ${BINARY_OPERATORS}`);
    const values = operator === 'in' || operator === 'notin' ? this.setValues() : this.exactValue();
    if ((operator === 'gt' || operator === 'lt') && !/^-?[0-9]+$/.test(values[0])) {
      throw new Error(`values[0]: Invalid value: ${JSON.stringify(values[0])}: for 'Gt', 'Lt' operators, the value must be an integer`);
    }
    values.forEach((v, i) => {
      const errs = validateLabelValue(v);
      if (errs.length) throw new Error(`values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: ${errs[0]}`);
    });
    return { key, operator, values };
  }

  private exactValue(): string[] {
    const [tok] = this.peek();
    if (tok === 'end' || tok === ',') return [''];
    const [t, lit] = this.take();
    if (t === 'id') return [lit];
    throw new Error(`found '${lit}', expected: identifier`);
  }

  private setValues(): string[] {
    const [tok, lit] = this.take();
    if (tok !== '(') throw new Error(`found '${lit}' expected: '('`);
    const [t, l] = this.peek();
    if (t === ')') {
      this.take();
      return [''];
    }
    if (t !== 'id' && t !== ',') throw new Error(`found '${l}', expected: ',', ')' or identifier`);
    const set = new Set<string>();
    for (;;) {
      const [vt, vl] = this.take();
      if (vt === 'id') {
        set.add(vl);
        const [nt, nl] = this.peek();
        if (nt === ',') continue;
        if (nt === ')') break;
        throw new Error(`found '${nl}', expected: ',' or ')'`);
      } else if (vt === ',') {
        set.add('');
        const [nt] = this.peek();
        if (nt === ')') break;
        if (nt === ',') this.take();
      } else {
        throw new Error(`found '${vl}', expected: ',', or identifier`);
      }
    }
    this.take();
    return [...set].sort();
  }
}

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The first problem with a label key (`prefix/name`), or '' when it is valid. */
export function labelKeyErrors(key: string): string {
  const slash = key.lastIndexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (!prefix) return 'prefix part must be non-empty';
    if (prefix.length > 253 || !PREFIX.test(prefix)) {
      return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    }
  }
  if (!name) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!NAME_PART.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  }
  return '';
}

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.operator) {
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case '=': case '==': case 'in': return has && r.values.includes(v);
    case '!=': case 'notin': return !has || !r.values.includes(v);
    case 'gt': case 'lt': {
      if (!has || !/^-?[0-9]+$/.test(v)) return false;
      const n = parseInt(v, 10);
      const bound = parseInt(r.values[0], 10);
      return r.operator === 'gt' ? n > bound : n < bound;
    }
  }
}

/**
 * Parses a label selector string. Throws an Error with labels.Parse's message
 * on a syntax error. The empty string selects everything.
 */
export function parseSelector(input: string): ParsedSelector {
  const requirements = new Parser(input).parse();
  return {
    requirements,
    matches: (labels) => requirements.every((r) => requirementMatches(r, labels ?? {})),
  };
}
