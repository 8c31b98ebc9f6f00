import { describe, expect, it } from 'vitest';
import { decodeJsonString, markRangeOfPath, pathAt, rangeOfPath } from './json-paths';

const DOC = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "portMappings": [{ "containerPort": 80 }, { "containerPort": 443, "hostPort": 443 }],
      "dockerLabels": { "com.example.team": "core" }
    }
  ],
  "runtimePlatform": {},
  "cpu": "256"
}`;

const slice = (range: { from: number; to: number } | undefined) =>
  range ? DOC.slice(range.from, range.to) : undefined;

/** The text with `|` removed, and where it was. */
function cursor(marked: string): [string, number] {
  const pos = marked.indexOf('|');
  return [marked.slice(0, pos) + marked.slice(pos + 1), pos];
}

describe('rangeOfPath', () => {
  it('finds members, elements and quoted members', () => {
    expect(slice(rangeOfPath(DOC, 'family'))).toBe('"web"');
    expect(slice(rangeOfPath(DOC, 'containerDefinitions[0].name'))).toBe('"app"');
    expect(slice(rangeOfPath(DOC, 'containerDefinitions[0].portMappings[1].hostPort'))).toBe('443');
    expect(
      slice(rangeOfPath(DOC, 'containerDefinitions[0].dockerLabels["com.example.team"]')),
    ).toBe('"core"');
    expect(slice(rangeOfPath(DOC, ['containerDefinitions', 0, 'portMappings', 0]))).toBe(
      '{ "containerPort": 80 }',
    );
  });

  it('gives the whole document for the empty path, and the key of a member', () => {
    const root = rangeOfPath(DOC, '');
    expect(root).toEqual({ from: 0, to: DOC.length, exact: true });
    const cpu = rangeOfPath(DOC, 'cpu');
    expect(cpu?.exact).toBe(true);
    expect(slice(cpu?.key)).toBe('"cpu"');
  });

  it('falls back to the nearest existing ancestor', () => {
    const missing = rangeOfPath(DOC, 'runtimePlatform.cpuArchitecture');
    expect(missing?.exact).toBe(false);
    expect(slice(missing)).toBe('"runtimePlatform"');
    expect(slice(rangeOfPath(DOC, 'containerDefinitions[0].portMappings[5].hostPort'))).toBe(
      '"portMappings"',
    );
    // An element has no name: its opening brace stands for it.
    expect(slice(rangeOfPath(DOC, 'containerDefinitions[0].memory'))).toBe('{');
    expect(rangeOfPath(DOC, 'memory')).toEqual({ from: 0, to: 1, exact: false });
    // Walking into a scalar stops at the scalar's member.
    expect(slice(rangeOfPath(DOC, 'family.x'))).toBe('"family"');
  });

  it('is undefined for a malformed path or a document without a value', () => {
    expect(rangeOfPath(DOC, 'a..b')).toBeUndefined();
    expect(rangeOfPath('', 'family')).toBeUndefined();
    expect(rangeOfPath('   ', '')).toBeUndefined();
  });

  it('takes the last of duplicate names, as JSON.parse does', () => {
    const text = '{"a": 1, "a": 2}';
    const range = rangeOfPath(text, 'a');
    expect(range && text.slice(range.from, range.to)).toBe('2');
  });

  it('works on broken JSON as far as the tree goes', () => {
    const text = '{"family": "web", "cpu": , "containerDefinitions": [{"name": "a"';
    const at = (path: string) => {
      const range = rangeOfPath(text, path);
      return range && text.slice(range.from, range.to);
    };
    expect(at('family')).toBe('"web"');
    expect(at('cpu')).toBe('"cpu"');
    expect(rangeOfPath(text, 'cpu')?.exact).toBe(false);
    expect(at('containerDefinitions[0].name')).toBe('"a"');
    expect(() => rangeOfPath('{"a": [1, , {', 'a[2].b')).not.toThrow();
    expect(() => rangeOfPath(']]}}{{"', 'a[0]')).not.toThrow();
  });
});

describe('markRangeOfPath', () => {
  it('marks scalars whole and containers by their name or opening bracket', () => {
    expect(slice(markRangeOfPath(DOC, 'cpu'))).toBe('"256"');
    expect(slice(markRangeOfPath(DOC, 'containerDefinitions'))).toBe('"containerDefinitions"');
    expect(slice(markRangeOfPath(DOC, 'containerDefinitions[0]'))).toBe('{');
    expect(slice(markRangeOfPath(DOC, 'runtimePlatform.os'))).toBe('"runtimePlatform"');
  });
});

describe('pathAt', () => {
  it('finds the member name under the cursor', () => {
    const [text, pos] = cursor('{"family": "web", "containerDefinitions": [{"na|me": "x"}]}');
    const at = pathAt(text, pos);
    expect(at).toMatchObject({
      segments: ['containerDefinitions', 0, 'name'],
      inKey: true,
      context: 'key',
      token: { text: '"name"' },
      existingKeys: [],
      memberHasColon: true,
    });
  });

  it('finds the value under the cursor, inside arrays too', () => {
    const [text, pos] = cursor('{"requiresCompatibilities": ["EC2", "FAR|GATE"]}');
    expect(pathAt(text, pos)).toMatchObject({
      segments: ['requiresCompatibilities', 1],
      inKey: false,
      context: 'value',
      token: { text: '"FARGATE"' },
    });
  });

  it('knows a value position after the colon', () => {
    const [text, pos] = cursor('{"networkMode": |}');
    expect(pathAt(text, pos)).toMatchObject({ segments: ['networkMode'], context: 'value' });
    const [text2, pos2] = cursor('{"networkMode": "aw|');
    expect(pathAt(text2, pos2)).toMatchObject({
      segments: ['networkMode'],
      context: 'value',
      token: { text: '"aw' },
    });
  });

  it('knows the object between members, with the names it has', () => {
    const [text, pos] = cursor('{"family": "web",\n  |\n  "cpu": "256"}');
    expect(pathAt(text, pos)).toMatchObject({
      segments: [],
      context: 'object',
      existingKeys: ['family', 'cpu'],
    });
    const [text2, pos2] = cursor('{"runtimePlatform": {|}}');
    expect(pathAt(text2, pos2)).toMatchObject({ segments: ['runtimePlatform'], context: 'object' });
  });

  it('knows the array between elements', () => {
    const [text, pos] = cursor('{"requiresCompatibilities": [|]}');
    expect(pathAt(text, pos)).toMatchObject({
      segments: ['requiresCompatibilities'],
      context: 'array',
    });
  });

  it('reads a half-typed member name as a key', () => {
    const [text, pos] = cursor('{"family": "web", "ima|}');
    expect(pathAt(text, pos)).toMatchObject({
      segments: ['ima'],
      context: 'key',
      token: { text: '"ima' },
      existingKeys: ['family'],
      memberHasColon: false,
    });
    // What close-brackets leaves after typing a quote.
    const [text2, pos2] = cursor('{"family": "web", "|"}');
    expect(pathAt(text2, pos2)).toMatchObject({
      segments: [''],
      context: 'key',
      token: { text: '""' },
      existingKeys: ['family'],
      memberHasColon: false,
    });
  });

  it('decodes escaped and quoted names in paths', () => {
    const [text, pos] = cursor('{"dockerLabels": {"com.\\u0065xample": "|x"}}');
    expect(pathAt(text, pos).segments).toEqual(['dockerLabels', 'com.example']);
  });

  it('looks forward with side 1, as hovering does', () => {
    const text = '{"family": "web"}';
    expect(pathAt(text, 1, 1)).toMatchObject({ segments: ['family'], inKey: true });
    expect(pathAt(text, 1, -1)).toMatchObject({ segments: [], context: 'object' });
  });

  it('never throws, whatever the text and position', () => {
    const texts = ['', '{', '}', '[[[', '{"a": [1, , {"b": tru', '"x', '{"a":1}x', ':::'];
    for (const text of texts) {
      for (let pos = -1; pos <= text.length + 1; pos += 1) {
        expect(() => pathAt(text, pos)).not.toThrow();
        expect(() => pathAt(text, pos, 1)).not.toThrow();
      }
    }
    expect(pathAt('', 0)).toMatchObject({ segments: [], context: 'none' });
  });
});

describe('decodeJsonString', () => {
  it('reads complete, unterminated and broken literals', () => {
    expect(decodeJsonString('"a\\"b"')).toBe('a"b');
    expect(decodeJsonString('"abc')).toBe('abc');
    expect(decodeJsonString('abc')).toBe('abc');
    expect(decodeJsonString('"a\\qb"')).toBe('a\\qb');
  });
});
