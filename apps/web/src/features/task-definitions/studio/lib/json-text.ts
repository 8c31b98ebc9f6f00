/**
 * The JSON view's text parsed, or where it stops being JSON. Browsers word (and place) JSON.parse
 * errors differently — Safari gives no position at all — so the position comes from a small
 * scanner of our own.
 */

export type ParsedText =
  { ok: true; value: unknown } | { ok: false; offset: number; line: number; column: number };

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1)
    if (text[index] === '\n') {
      line += 1;
      lineStart = index + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

export function parseJsonText(text: string): ParsedText {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const offset = syntaxErrorOffset(text);
    return { ok: false, offset, ...lineColumn(text, offset) };
  }
}

class Stop extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

/** The offset of the first character that makes `text` not JSON (its length when it ends early). */
export function syntaxErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw new Stop(at);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at += 1;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[at] !== char) fail();
      at += 1;
    }
  };
  const string = () => {
    at += 1; // the opening quote
    for (;;) {
      const char = text[at];
      if (char === undefined || char < ' ') fail();
      if (char === '"') {
        at += 1;
        return;
      }
      if (char === '\\') {
        at += 1;
        const escape = text[at];
        if (escape === 'u') {
          at += 1;
          for (let k = 0; k < 4; k += 1) {
            if (!/[0-9a-fA-F]/.test(text[at] ?? '')) fail();
            at += 1;
          }
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) fail();
      }
      at += 1;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail();
    at += match?.[0].length ?? 0;
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') {
      at += 1;
      space();
      if (text[at] === '}') {
        at += 1;
        return;
      }
      for (;;) {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ':') fail();
        at += 1;
        value();
        space();
        if (text[at] === ',') {
          at += 1;
          continue;
        }
        if (text[at] === '}') {
          at += 1;
          return;
        }
        fail();
      }
    }
    if (char === '[') {
      at += 1;
      space();
      if (text[at] === ']') {
        at += 1;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[at] === ',') {
          at += 1;
          continue;
        }
        if (text[at] === ']') {
          at += 1;
          return;
        }
        fail();
      }
    }
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    number();
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return text.length;
  } catch (error) {
    if (error instanceof Stop) return error.offset;
    throw error;
  }
}
