import { describe, expect, it } from 'vitest';
import { Random } from '../../engine/random.js';
import { AwsError } from '../../protocol/errors.js';
import { compileFilter } from './filter.js';
import { parseFilter } from './filter-parser.js';
import type { TraceFacts } from './analysis.js';

// Issue 12: whatever a FilterExpression holds, parsing either succeeds or throws X-Ray's
// InvalidRequestException (a 400), never another error (a 500) and never a hang. fast-check is
// not a dependency of aws-sim, so the simulator's own seeded PRNG generates the inputs: the same
// seed gives the same expressions, so a failure reproduces.

/** Generous for one parse of ≤ 2,000 characters, even on a loaded 2-core machine. */
const SLOW_MS = 250;

function outcome(source: string): 'parsed' | 'refused' {
  const started = performance.now();
  try {
    parseFilter(source);
    return 'parsed';
  } catch (error) {
    const context = `${JSON.stringify(source.slice(0, 200))}: ${String(error)}`;
    expect(error, context).toBeInstanceOf(AwsError);
    expect((error as AwsError).code, context).toBe('InvalidRequestException');
    expect((error as AwsError).status, context).toBe(400);
    return 'refused';
  } finally {
    expect(performance.now() - started, JSON.stringify(source.slice(0, 200))).toBeLessThan(SLOW_MS);
  }
}

const quote = (random: Random, text: string) => (random.next() < 0.5 ? `"${text}"` : `'${text}'`);
const word = (random: Random) =>
  random.pick(['web', 'api', 'db', 'a_b', 'x-1', 'GET', '/health', 'üñï', '🚀', '']);
const number = (random: Random) =>
  random.pick(['0', '1', '-2', '0.5', '500', '3.25', '99999999999999999999']);

/** A term of the subset the simulator supports: always parses. */
function term(random: Random): string {
  const op = () => random.pick(['=', '!=', '<', '<=', '>', '>=']);
  const stringOp = () => random.pick(['=', '!=', 'CONTAINS', 'BEGINSWITH', 'ENDSWITH']);
  switch (random.int(0, 8)) {
    case 0:
      return `service(${quote(random, word(random))})`;
    case 1:
      return `edge(${quote(random, word(random))}, ${quote(random, word(random))})`;
    case 2:
      return random.pick(['ok', 'error', 'fault', 'throttle', 'partial', 'OK', 'Fault']);
    case 3:
      return `${random.pick(['responsetime', 'duration', 'http.status'])} ${op()} ${number(random)}`;
    case 4:
      return `${random.pick(['http.url', 'http.method', 'http.useragent', 'http.clientip', 'user'])} ${stringOp()} ${quote(random, word(random))}`;
    case 5:
      return `annotation.${random.pick(['k', 'order_id', 'X1'])} ${op()} ${number(random)}`;
    case 6:
      return `annotation[${random.pick(['k', 'tier'])}] ${stringOp()} ${quote(random, word(random))}`;
    case 7:
      return `annotation.flag ${random.pick(['=', '!='])} ${random.pick(['true', 'false', 'TRUE'])}`;
    default:
      return `http.status=${random.int(100, 599)}`;
  }
}

/** A valid expression of the supported subset, nested up to `depth`. */
function expression(random: Random, depth: number): string {
  if (depth <= 0 || random.next() < 0.3) return term(random);
  switch (random.int(0, 3)) {
    case 0:
      return `${expression(random, depth - 1)} ${random.pick(['AND', 'and', 'OR', 'or'])} ${expression(random, depth - 1)}`;
    case 1:
      return `${random.pick(['!', 'NOT ', 'not ', '! '])}${expression(random, depth - 1)}`;
    default:
      return `(${expression(random, depth - 1)})`;
  }
}

const PIECES = [
  '(',
  ')',
  '{',
  '}',
  ',',
  ':',
  '!',
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '"',
  "'",
  '\\',
  ' ',
  '\t',
  '\n',
  '\u0000',
  '\u202e',
  '\u200b',
  '🚀',
  'AND',
  'OR',
  'NOT',
  'service',
  'edge',
  'id(',
  'annotation.',
  'annotation[',
  ']',
  '[',
  'http.',
  'rootcause.fault.entity',
  'groupname',
  '-',
  '.',
  '1e5',
  '0x1F',
  'NaN',
  'Infinity',
  '$',
  '%',
  '@',
  '#',
  'ü',
];

/** A valid expression mutated at the character and token level. */
function mutate(random: Random, source: string): string {
  let text = source;
  for (let edits = random.int(1, 4); edits > 0; edits -= 1) {
    const at = random.int(0, text.length);
    switch (random.int(0, 3)) {
      case 0:
        text = text.slice(0, at) + random.pick(PIECES) + text.slice(at);
        break;
      case 1:
        text = text.slice(0, at) + text.slice(at + random.int(1, 6));
        break;
      case 2:
        text = text.slice(0, at) + String.fromCharCode(random.int(0, 0xffff)) + text.slice(at + 1);
        break;
      default:
        text = text.slice(at) + text.slice(0, at);
    }
  }
  return text;
}

/** Random pieces, joined by random separators. */
function soup(random: Random): string {
  const parts: string[] = [];
  for (let count = random.int(0, 30); count > 0; count -= 1) {
    parts.push(random.next() < 0.8 ? random.pick(PIECES) : word(random));
    if (random.next() < 0.5) parts.push(' ');
  }
  return parts.join('');
}

const facts: TraceFacts = {
  ok: true,
  hasError: false,
  hasFault: false,
  hasThrottle: false,
  isPartial: false,
  responseTime: 0.25,
  duration: 0.3,
  http: { status: 200, url: 'http://web/health', method: 'GET' },
  services: [],
  edgeSamples: [],
  annotations: [],
  users: [],
} as unknown as TraceFacts;

describe('filter expressions, fuzzed', () => {
  it('parses every expression of the supported grammar, and evaluates it', () => {
    const random = new Random(12);
    for (let i = 0; i < 2_000; i += 1) {
      const source = expression(random, 5);
      expect(outcome(source), source).toBe('parsed');
      expect(typeof compileFilter(source)(facts)).toBe('boolean');
    }
  });

  it('refuses mutated expressions and random soup with InvalidRequestException only', () => {
    const random = new Random(1212);
    const counts = { parsed: 0, refused: 0 };
    for (let i = 0; i < 5_000; i += 1) {
      counts[outcome(mutate(random, expression(random, 4)))] += 1;
      counts[outcome(soup(random))] += 1;
    }
    // Both sides are exercised: a generator that only ever failed would prove nothing.
    expect(counts.parsed).toBeGreaterThan(100);
    expect(counts.refused).toBeGreaterThan(2_000);
  });

  it('takes random text of any code points', () => {
    const random = new Random(7);
    for (let i = 0; i < 3_000; i += 1) {
      let text = '';
      for (let n = random.int(0, 60); n > 0; n -= 1)
        text += String.fromCodePoint(random.pick([random.int(0, 0x7f), random.int(0, 0x10ffff)]));
      outcome(text);
    }
  });

  it.each([
    ['10,000 open parentheses', '('.repeat(10_000)],
    ['1,999 open parentheses', '('.repeat(1_999)],
    ['balanced parentheses at the length limit', `${'('.repeat(998)}ok${')'.repeat(998)}`],
    ['2,000 negations', '!'.repeat(1_999) + 'x'],
    ['NOT at the length limit', `${'NOT '.repeat(498)}ok`],
    ['a long AND chain', `${'ok AND '.repeat(285)}ok`],
    ['a long OR chain of parentheses', `${'(ok) OR '.repeat(249)}ok`],
    ['an unterminated string at the limit', `"${'a'.repeat(1_998)}`],
    ['backslashes at the limit', `"${'\\'.repeat(1_998)}"`],
    ['one long word', 'a'.repeat(2_000)],
    ['an annotation key of 1,990 characters', `annotation[${'k'.repeat(1_988)}] = 1`],
    ['a long number', `http.status = ${'9'.repeat(1_980)}`],
    ['100,000 characters', 'ok '.repeat(33_334)],
    ['NUL characters', '\u0000'.repeat(2_000)],
    ['an empty expression', ''],
    ['only whitespace', ' \t\n'],
  ])('never hangs or crashes on %s', (_, source) => {
    outcome(source);
  });
});
