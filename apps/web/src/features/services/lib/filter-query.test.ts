import { describe, expect, it } from 'vitest';
import { matchesQuery, parseFilterQuery, tokenize, type FieldSpec } from './filter-query';

const FIELDS = {
  name: { keys: ['name', 'service'], match: 'text' },
  port: { keys: ['port'], match: 'number' },
} as const satisfies Record<string, FieldSpec>;

const row = (name: string, ports: string[]) => ({
  fields: { name: [name], port: ports },
  text: [name, ...ports].join('\n'),
});

describe('tokenize', () => {
  it('splits on any whitespace and skips runs of it', () => {
    expect(tokenize('  a \t b\n c ').map((t) => t.value)).toEqual(['a', 'b', 'c']);
  });

  it('finds a key before the first unquoted colon only', () => {
    expect(tokenize('rev:web:3')).toEqual([{ negate: false, key: 'rev', value: 'web:3' }]);
    expect(tokenize('"a:b"')).toEqual([{ negate: false, key: undefined, value: 'a:b' }]);
    expect(tokenize(':x')).toEqual([{ negate: false, key: undefined, value: ':x' }]);
  });

  it('keeps quoted spaces, in words and in values, and runs an unclosed quote to the end', () => {
    expect(tokenize('service:"my svc" "two words" "open end')).toEqual([
      { negate: false, key: 'service', value: 'my svc' },
      { negate: false, key: undefined, value: 'two words' },
      { negate: false, key: undefined, value: 'open end' },
    ]);
  });

  it('reads a leading - as negation, also before a quote, but not inside one', () => {
    expect(tokenize('-a -"b c" "-d"')).toEqual([
      { negate: true, key: undefined, value: 'a' },
      { negate: true, key: undefined, value: 'b c' },
      { negate: false, key: undefined, value: '-d' },
    ]);
  });
});

describe('parseFilterQuery', () => {
  it('maps every alias to its column and lowercases values', () => {
    expect(parseFilterQuery('SERVICE:Web Name:API', FIELDS)).toEqual([
      { field: 'name', values: ['web'], negate: false },
      { field: 'name', values: ['api'], negate: false },
    ]);
  });

  it('treats an unknown key as part of a plain word', () => {
    expect(parseFilterQuery('web:3 Foo:Bar', FIELDS)).toEqual([
      { field: undefined, values: ['web:3'], negate: false },
      { field: undefined, values: ['foo:bar'], negate: false },
    ]);
  });

  it('splits alternatives on commas and drops empty ones', () => {
    expect(parseFilterQuery('name:a,,b,', FIELDS)).toEqual([
      { field: 'name', values: ['a', 'b'], negate: false },
    ]);
  });

  it('drops terms without a value: half-typed keys, a lone dash, empty quotes', () => {
    expect(parseFilterQuery('name: - "" port:,', FIELDS)).toEqual([]);
  });

  it('gives nothing for an empty or blank input', () => {
    expect(parseFilterQuery('', FIELDS)).toEqual([]);
    expect(parseFilterQuery('   ', FIELDS)).toEqual([]);
  });
});

describe('matchesQuery', () => {
  const web = row('web-api', ['32768', '8080']);
  const match = (query: string, target = web) =>
    matchesQuery(target, parseFilterQuery(query, FIELDS), FIELDS);

  it('matches everything with no terms', () => {
    expect(match('')).toBe(true);
  });

  it('matches plain words anywhere, case-insensitively', () => {
    expect(match('WEB')).toBe(true);
    expect(match('3276')).toBe(true);
    expect(match('nginx')).toBe(false);
  });

  it('requires every term', () => {
    expect(match('web 8080')).toBe(true);
    expect(match('web 9090')).toBe(false);
  });

  it('matches a part of a text column only in that column', () => {
    expect(match('name:web')).toBe(true);
    expect(match('name:8080')).toBe(false);
  });

  it('matches a number column exactly with a number, by part with text', () => {
    expect(match('port:8080')).toBe(true);
    expect(match('port:80')).toBe(false);
    expect(match('port:808')).toBe(false);
  });

  it('accepts any alternative of a column', () => {
    expect(match('name:api,db')).toBe(true);
    expect(match('name:db,cache')).toBe(false);
  });

  it('negates terms', () => {
    expect(match('-name:web')).toBe(false);
    expect(match('-name:db')).toBe(true);
    expect(match('-nginx web')).toBe(true);
    expect(match('-name:db,web')).toBe(false);
  });

  it('matches a quoted phrase as a whole', () => {
    const spaced = row('my service', []);
    expect(match('"my service"', spaced)).toBe(true);
    expect(match('"service my"', spaced)).toBe(false);
    expect(match('name:"my serv"', spaced)).toBe(true);
  });
});
