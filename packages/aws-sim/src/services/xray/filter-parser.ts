import { invalidRequest } from './errors.js';

// The subset of X-Ray's filter expression language the simulator evaluates. Anything outside it
// is refused by name rather than ignored: a filter silently treated as "match all" would show
// the console traces the user did not ask for.

export type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type StringOperator = '=' | '!=' | 'CONTAINS' | 'BEGINSWITH' | 'ENDSWITH';
export type FlagKeyword = 'ok' | 'error' | 'fault' | 'throttle' | 'partial';
export type NumberKeyword = 'responsetime' | 'duration' | 'http.status';
export type StringKeyword =
  'http.url' | 'http.method' | 'http.useragent' | 'http.clientip' | 'user';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'service'; name: string }
  | { kind: 'edge'; from: string; to: string }
  | { kind: 'flag'; keyword: FlagKeyword }
  | { kind: 'number'; keyword: NumberKeyword; op: Comparison; value: number }
  | { kind: 'string'; keyword: StringKeyword; op: StringOperator; value: string }
  | {
      kind: 'annotation';
      key: string;
      op: Comparison | StringOperator;
      value: string | number | boolean;
    };

const FLAGS = new Set<string>(['ok', 'error', 'fault', 'throttle', 'partial']);
const NUMBERS = new Set<string>(['responsetime', 'duration', 'http.status']);
const STRINGS = new Set<string>([
  'http.url',
  'http.method',
  'http.useragent',
  'http.clientip',
  'user',
]);
const COMPARISONS = new Set<string>(['=', '!=', '<', '<=', '>', '>=']);
const STRING_OPERATORS = new Set<string>(['=', '!=', 'CONTAINS', 'BEGINSWITH', 'ENDSWITH']);

export const SUPPORTED_FILTERS =
  'service("name"), edge("from", "to"), ok, error, fault, throttle, partial, responsetime, duration, http.status, ' +
  'http.url, http.method, http.useragent, http.clientip, user, annotation.KEY, with AND, OR, NOT, ! and parentheses';

interface Token {
  // `:` and `,` appear only in constructs the simulator refuses (`id(name: …)`, `edge(a, b)`);
  // tokenizing them lets the parser name the construct instead of the character.
  type: 'word' | 'string' | 'number' | 'op' | '(' | ')' | '{' | '}' | ',' | ':' | '!' | 'end';
  text: string;
  /** 1-based character position, for error messages. */
  at: number;
  value?: string | number;
}

const fail = (message: string, at: number): never => {
  throw invalidRequest(`Invalid FilterExpression at position ${at}: ${message}`);
};

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] ?? '';
    const at = i + 1;
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    const rest = source.slice(i);
    const op = /^(!=|<=|>=|=|<|>)/.exec(rest)?.[0];
    const number = /^-?\d+(\.\d+)?/.exec(rest)?.[0];
    const word = /^[A-Za-z_][A-Za-z0-9_.-]*(\[[^\]]*\])?/.exec(rest)?.[0];
    if (op) {
      tokens.push({ type: 'op', text: op, at });
      i += op.length;
    } else if (char === '!') {
      tokens.push({ type: '!', text: char, at });
      i += 1;
    } else if ('(){},:'.includes(char)) {
      tokens.push({ type: char as Token['type'], text: char, at });
      i += 1;
    } else if (char === '"' || char === "'") {
      let value = '';
      let j = i + 1;
      for (; j < source.length && source[j] !== char; j += 1) {
        if (source[j] === '\\' && j + 1 < source.length) j += 1;
        value += source[j] ?? '';
      }
      if (j >= source.length) fail('unterminated string', at);
      tokens.push({ type: 'string', text: source.slice(i, j + 1), at, value });
      i = j + 1;
    } else if (number) {
      tokens.push({ type: 'number', text: number, at, value: Number(number) });
      i += number.length;
    } else if (word) {
      tokens.push({ type: 'word', text: word, at });
      i += word.length;
    } else {
      fail(`unexpected character "${char}"`, at);
    }
  }
  tokens.push({ type: 'end', text: 'end of expression', at: source.length + 1 });
  return tokens;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    const next = this.peek();
    if (next.type !== 'end') fail(`unexpected "${next.text}"`, next.at);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? { type: 'end', text: 'end of expression', at: 0 };
  }

  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token.type === 'word' && token.text.toUpperCase() === text;
  }

  private expect(type: Token['type'], what: string): Token {
    const token = this.next();
    if (token.type !== type) fail(`expected ${what}, found "${token.text}"`, token.at);
    return token;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('OR')) {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord('AND')) {
      this.next();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.peek().type === '!' || this.isWord('NOT')) {
      this.next();
      return { kind: 'not', operand: this.unary() };
    }
    if (this.peek().type === '(') {
      this.next();
      const inner = this.or();
      this.expect(')', '")"');
      return inner;
    }
    return this.term();
  }

  private term(): FilterNode {
    const token = this.next();
    if (token.type !== 'word') fail(`expected a keyword, found "${token.text}"`, token.at);
    const keyword = token.text.toLowerCase();
    if (keyword === 'service') return this.service(token);
    if (keyword === 'edge') return this.edge();
    if (FLAGS.has(keyword)) return { kind: 'flag', keyword: keyword as FlagKeyword };
    if (NUMBERS.has(keyword)) {
      const op = this.operator(COMPARISONS, token);
      return {
        kind: 'number',
        keyword: keyword as NumberKeyword,
        op: op as Comparison,
        value: this.number(),
      };
    }
    if (STRINGS.has(keyword)) {
      const op = this.operator(STRING_OPERATORS, token);
      const value = this.expect('string', 'a quoted string');
      return {
        kind: 'string',
        keyword: keyword as StringKeyword,
        op: op as StringOperator,
        value: String(value.value),
      };
    }
    const annotation = /^annotation(?:\.([A-Za-z0-9_]+)|\[([A-Za-z0-9_]+)\])$/.exec(token.text);
    if (annotation) return this.annotation(annotation[1] ?? annotation[2] ?? '', token);
    return fail(
      `"${token.text}" is not supported by the simulator (supported: ${SUPPORTED_FILTERS})`,
      token.at,
    );
  }

  private service(token: Token): FilterNode {
    this.expect('(', '"(" after service');
    const argument = this.next();
    if (argument.type !== 'string')
      fail(
        `service(${argument.text}…) is not supported by the simulator; use service("name")`,
        argument.at,
      );
    this.expect(')', '")"');
    if (this.peek().type === '{')
      fail('service("name") { … } is not supported by the simulator', this.peek().at);
    return { kind: 'service', name: String(argument.value ?? token.text) };
  }

  /** `edge("from", "to")`: traces whose service graph has a call from one service to the other. */
  private edge(): FilterNode {
    this.expect('(', '"(" after edge');
    const from = this.expect('string', 'a quoted service name');
    this.expect(',', '"," between the two services of edge');
    const to = this.expect('string', 'a quoted service name');
    this.expect(')', '")"');
    if (this.peek().type === '{')
      fail('edge("from", "to") { … } is not supported by the simulator', this.peek().at);
    return { kind: 'edge', from: String(from.value ?? ''), to: String(to.value ?? '') };
  }

  private annotation(key: string, token: Token): FilterNode {
    const op = this.operator(new Set([...COMPARISONS, ...STRING_OPERATORS]), token);
    const valueToken = this.next();
    let value: string | number | boolean;
    if (valueToken.type === 'string' || valueToken.type === 'number')
      value = valueToken.value ?? '';
    else if (valueToken.type === 'word' && /^(true|false)$/i.test(valueToken.text))
      value = valueToken.text.toLowerCase() === 'true';
    else return fail(`expected a value after "${token.text} ${op}"`, valueToken.at);
    const stringOnly = op === 'CONTAINS' || op === 'BEGINSWITH' || op === 'ENDSWITH';
    const ordered = op === '<' || op === '<=' || op === '>' || op === '>=';
    if ((stringOnly && typeof value !== 'string') || (ordered && typeof value !== 'number'))
      fail(`${op} cannot compare annotation.${key} with ${valueToken.text}`, valueToken.at);
    return { kind: 'annotation', key, op: op as Comparison | StringOperator, value };
  }

  private operator(allowed: Set<string>, keyword: Token): string {
    const token = this.next();
    const text = token.type === 'word' ? token.text.toUpperCase() : token.text;
    if ((token.type !== 'op' && token.type !== 'word') || !allowed.has(text))
      fail(`expected an operator (${[...allowed].join(' ')}) after "${keyword.text}"`, token.at);
    return text;
  }

  private number(): number {
    const token = this.next();
    if (token.type !== 'number') fail(`expected a number, found "${token.text}"`, token.at);
    return Number(token.value);
  }
}

/** Parses a FilterExpression, or throws InvalidRequestException naming what it cannot take. */
export function parseFilter(source: string): FilterNode {
  if (source.length > 2000) throw invalidRequest('FilterExpression is too long.');
  return new Parser(tokenize(source)).parse();
}
