import { describe, expect, it } from 'vitest';
import { lineColumn, parseJsonText, syntaxErrorOffset } from './json-text';

describe('parseJsonText', () => {
  it('parses JSON', () => {
    expect(parseJsonText('{"family": "web"}')).toEqual({ ok: true, value: { family: 'web' } });
  });

  it('places a syntax error by line and column', () => {
    expect(parseJsonText('{\n  "family": "web",\n}')).toEqual({
      ok: false,
      offset: 21,
      line: 3,
      column: 1,
    });
    expect(parseJsonText('{\n  "cpu": 256\n  "memory": 512\n}')).toMatchObject({
      line: 3,
      column: 3,
    });
  });

  it('places an early end at the end', () => {
    expect(parseJsonText('{"a": [1, 2')).toMatchObject({ ok: false, offset: 11 });
    expect(parseJsonText('')).toMatchObject({ ok: false, line: 1, column: 1 });
  });
});

describe('syntaxErrorOffset', () => {
  it('finds bad literals, numbers, strings and trailing content', () => {
    expect(syntaxErrorOffset('[tru]')).toBe(4);
    expect(syntaxErrorOffset('[01]')).toBe(2);
    expect(syntaxErrorOffset('"a\\x"')).toBe(3);
    expect(syntaxErrorOffset('{} x')).toBe(3);
    expect(syntaxErrorOffset("{'a': 1}")).toBe(1);
  });

  it('accepts valid JSON (the offset is the length)', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}';
    expect(syntaxErrorOffset(text)).toBe(text.length);
  });
});

describe('lineColumn', () => {
  it('counts from 1', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
