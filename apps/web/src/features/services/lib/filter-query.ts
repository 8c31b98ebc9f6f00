/*
 * The filter language of the ECS tables, shared by tasks and services: whitespace-separated
 * terms, all of which must hold.
 *   word            the word anywhere in the row (case-insensitive)
 *   key:value       the value in that column; `key:a,b` is either
 *   "two words"     a phrase; `key:"two words"` a quoted value
 *   -term           negation: rows the term does not match
 * Unknown keys are not keys: `web:3` (a task definition) is a plain word.
 */

/** How a column compares: text contains the value; numbers equal it (text when not a number). */
export type FieldMatch = 'text' | 'number';

export interface FieldSpec {
  /** The keys people type for this column (lowercase); the first is the canonical one. */
  keys: readonly string[];
  match: FieldMatch;
}

export interface FilterTerm<F extends string> {
  /** The column, or undefined for a word matched anywhere. */
  field: F | undefined;
  /** Lowercase; for a column, each alternative of `a,b`. */
  values: string[];
  negate: boolean;
}

interface Token {
  negate: boolean;
  /** The text before the first unquoted `:`, when the token has one before any quote. */
  key: string | undefined;
  value: string;
}

/** Splits the input into tokens, honouring quotes (an unclosed quote runs to the end). */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /\s/.test(input.charAt(i))) i += 1;
    if (i >= input.length) break;
    let negate = false;
    if (input.charAt(i) === '-') {
      negate = true;
      i += 1;
    }
    let text = '';
    let key: string | undefined;
    let quoted = false;
    while (i < input.length) {
      const char = input.charAt(i);
      if (char === '"') {
        quoted = true;
        const end = input.indexOf('"', i + 1);
        const stop = end === -1 ? input.length : end;
        text += input.slice(i + 1, stop);
        i = stop + 1;
        continue;
      }
      if (/\s/.test(char)) break;
      if (char === ':' && key === undefined && !quoted && text !== '') {
        key = text;
        text = '';
      } else {
        text += char;
      }
      i += 1;
    }
    tokens.push({ negate, key, value: text });
  }
  return tokens;
}

/** Parses a filter against the columns `fields` offers; empty terms (`service:`, `-`) are dropped. */
export function parseFilterQuery<F extends string>(
  input: string,
  fields: Readonly<Record<F, FieldSpec>>,
): FilterTerm<F>[] {
  const byKey = new Map<string, F>();
  for (const field of Object.keys(fields) as F[])
    for (const key of fields[field].keys) byKey.set(key, field);

  const terms: FilterTerm<F>[] = [];
  for (const token of tokenize(input)) {
    const field = token.key === undefined ? undefined : byKey.get(token.key.toLowerCase());
    if (field === undefined) {
      const word = (token.key === undefined ? token.value : `${token.key}:${token.value}`)
        .trim()
        .toLowerCase();
      if (word) terms.push({ field: undefined, values: [word], negate: token.negate });
      continue;
    }
    const values = token.value
      .toLowerCase()
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
    if (values.length > 0) terms.push({ field, values, negate: token.negate });
  }
  return terms;
}

/** What a row offers the filter: lowercase values per column, and all of its text. */
export interface Searchable<F extends string> {
  fields: Readonly<Record<F, readonly string[]>>;
  /** Lowercase text of the whole row, for plain words. */
  text: string;
}

const NUMBER = /^\d+$/;

function fieldMatches(candidates: readonly string[], value: string, match: FieldMatch): boolean {
  if (match === 'number' && NUMBER.test(value))
    return candidates.some((candidate) => candidate === value);
  return candidates.some((candidate) => candidate.includes(value));
}

/** Whether a row satisfies every term. */
export function matchesQuery<F extends string>(
  row: Searchable<F>,
  terms: readonly FilterTerm<F>[],
  fields: Readonly<Record<F, FieldSpec>>,
): boolean {
  for (const term of terms) {
    const field = term.field;
    const hit =
      field === undefined
        ? term.values.every((value) => row.text.includes(value))
        : term.values.some((value) => fieldMatches(row.fields[field], value, fields[field].match));
    if (hit === term.negate) return false;
  }
  return true;
}
