import type { JsonObject, JsonValue } from '@deckhand/shared/taskdef';
import { isJsonObject } from './json-edit';

/**
 * What a member holds, as an input can show it: nothing yet, a value of the expected type, or a
 * value of another type (shown read-only, "edit in JSON": the form never guesses a conversion).
 * A `null` counts as nothing (the importer strips them; typing over one is harmless).
 */
export type Read<T> =
  { state: 'missing' } | { state: 'ok'; value: T } | { state: 'wrong'; raw: JsonValue };

const MISSING = { state: 'missing' } as const;

function read<T>(
  value: JsonValue | undefined,
  accept: (value: JsonValue) => value is T & JsonValue,
): Read<T> {
  if (value === undefined || value === null) return MISSING;
  return accept(value) ? { state: 'ok', value } : { state: 'wrong', raw: value };
}

export const readString = (value: JsonValue | undefined) =>
  read(value, (v): v is string => typeof v === 'string');

export const readNumber = (value: JsonValue | undefined) =>
  read(value, (v): v is number => typeof v === 'number');

export const readBoolean = (value: JsonValue | undefined) =>
  read(value, (v): v is boolean => typeof v === 'boolean');

export const readObject = (value: JsonValue | undefined) =>
  read(value, (v): v is JsonObject => isJsonObject(v));

export const readArray = (value: JsonValue | undefined) =>
  read(value, (v): v is JsonValue[] => Array.isArray(v));

export const readStringArray = (value: JsonValue | undefined) =>
  read(
    value,
    (v): v is string[] => Array.isArray(v) && v.every((item) => typeof item === 'string'),
  );

/** A member of an object, or `undefined` when the holder is not an object or lacks it. */
export function member(holder: JsonValue | undefined, key: string): JsonValue | undefined {
  return isJsonObject(holder) && Object.hasOwn(holder, key) ? holder[key] : undefined;
}

/** "a string", "a number", "an array", … for the "edit in JSON" note. */
export function describeType(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number'
    ? 'a number'
    : typeof value === 'string'
      ? 'a string'
      : 'a boolean';
}

/** The value as one line of JSON for a read-only input (long values cut). */
export function previewJson(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** The members of an object that the form does not edit, for the "edit in JSON" note. */
export function otherMembers(holder: JsonValue | undefined, known: ReadonlySet<string>): string[] {
  return isJsonObject(holder) ? Object.keys(holder).filter((key) => !known.has(key)) : [];
}
