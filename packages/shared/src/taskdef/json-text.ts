// Reading what people paste: where a JSON text goes wrong, and which name a typo meant.

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), so that
 * `containerDefintions` is one edit from `containerDefinitions`. For "did you mean" on names.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row: number[] = [];
    for (let j = 0; j <= b.length; j += 1) {
      if (i === 0 || j === 0) {
        row.push(i + j);
        continue;
      }
      const previous = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? Math.max(a.length, b.length);
}

/**
 * Where JSON.parse gave up, as a sentence: engines word (and place) their messages differently,
 * and Node 20's names no position, so the text is scanned again here. Iterative, for deep input.
 */
export function describeJsonError(text: string): string {
  const problem = findJsonError(text);
  if (!problem) return 'Not valid JSON.';
  const before = text.slice(0, problem.index);
  const line = before.split('\n').length;
  const column = problem.index - before.lastIndexOf('\n');
  return `Not valid JSON at line ${line}, column ${column}: ${problem.message}.`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[\dA-Fa-f]{4})*"/y;

function findJsonError(text: string): { index: number; message: string } | undefined {
  const stack: string[] = [];
  let index = 0;
  // What may come next: a value, an object key (or `}` right after `{`), or what follows a value.
  let expecting: 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after' = 'value';
  const found = (): string => {
    const char = text[index];
    if (char === undefined) return 'the text ends';
    if (char === "'") return "found ': JSON strings use double quotes";
    if (char === '/') return 'found /: JSON has no comments';
    return `found ${JSON.stringify(text.slice(index, index + 1))}`;
  };
  const fail = (expected: string) => ({ index, message: `expected ${expected} but ${found()}` });
  for (;;) {
    while (index < text.length && ' \t\n\r'.includes(text.charAt(index))) index += 1;
    const char = text[index];
    const top = stack[stack.length - 1];
    if (expecting === 'after') {
      if (top === undefined) return char === undefined ? undefined : fail('the end of the text');
      const close = top === '{' ? '}' : ']';
      if (char === ',') expecting = top === '{' ? 'key' : 'value';
      else if (char === close) stack.pop();
      else return fail(`"," or "${close}"`);
      index += 1;
      continue;
    }
    if (expecting === 'colon') {
      if (char !== ':') return fail('":"');
      index += 1;
      expecting = 'value';
      continue;
    }
    if (expecting === 'key' || expecting === 'first-key') {
      if (char === '}' && expecting === 'first-key') {
        stack.pop();
        index += 1;
        expecting = 'after';
        continue;
      }
      STRING.lastIndex = index;
      if (char !== '"') {
        if (char === '}') return { index, message: 'a trailing comma before "}"' };
        return fail('a member name in double quotes');
      }
      if (!STRING.test(text))
        return { index, message: 'a string that is not closed or has a bad escape' };
      index = STRING.lastIndex;
      expecting = 'colon';
      continue;
    }
    // A value.
    if (char === ']' && expecting === 'first-value') {
      stack.pop();
      index += 1;
      expecting = 'after';
      continue;
    }
    if (char === '{' || char === '[') {
      stack.push(char);
      index += 1;
      expecting = char === '{' ? 'first-key' : 'first-value';
      continue;
    }
    const pattern = char === '"' ? STRING : NUMBER;
    pattern.lastIndex = index;
    if (
      (char === '"' || char === '-' || (char !== undefined && char >= '0' && char <= '9')) &&
      pattern.test(text)
    )
      index = pattern.lastIndex;
    else if (char === '"')
      return { index, message: 'a string that is not closed or has a bad escape' };
    else if (text.startsWith('true', index) || text.startsWith('null', index)) index += 4;
    else if (text.startsWith('false', index)) index += 5;
    else if (char === ']') return { index, message: 'a trailing comma before "]"' };
    else return fail('a value');
    expecting = 'after';
  }
}
