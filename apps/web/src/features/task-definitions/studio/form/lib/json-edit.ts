import type { JsonObject, JsonValue, PathSegment } from '@deckhand/shared/taskdef';

/**
 * Immutable edits of the document by path. Only the objects and arrays on the path are copied
 * (structural sharing), so an untouched container keeps its identity and its memoized card does
 * not re-render. Members keep their order: a changed member stays where it was, a new one goes
 * last. Members the form does not know are never touched.
 */

export type Segments = readonly PathSegment[];

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isEmptyContainer = (value: JsonValue | undefined) =>
  (Array.isArray(value) && value.length === 0) ||
  (isJsonObject(value) && Object.keys(value).length === 0);

function withoutKey(object: JsonObject, key: string): JsonObject {
  const copy: JsonObject = {};
  for (const [name, value] of Object.entries(object)) if (name !== key) copy[name] = value;
  return copy;
}

type Updater = (current: JsonValue | undefined) => JsonValue | undefined;

function updateValue(
  node: JsonValue | undefined,
  segments: Segments,
  depth: number,
  update: Updater,
  prune: boolean,
): JsonValue | undefined {
  if (depth === segments.length) return update(node);
  const key = segments[depth];
  if (key === undefined) return node;
  const leaf = depth === segments.length - 1;
  if (typeof key === 'number') {
    const array = Array.isArray(node) ? node : undefined;
    const current = array?.[key];
    let next = updateValue(current, segments, depth + 1, update, prune);
    if (next === current) return node;
    if (!leaf && prune && isEmptyContainer(next)) next = undefined;
    const copy = array ? array.slice() : [];
    if (next === undefined) {
      if (key < copy.length) copy.splice(key, 1);
    } else if (key >= copy.length) copy.push(next);
    else copy[key] = next;
    return copy;
  }
  const object = isJsonObject(node) ? node : undefined;
  const current = object && Object.hasOwn(object, key) ? object[key] : undefined;
  let next = updateValue(current, segments, depth + 1, update, prune);
  if (next === current) return node;
  if (!leaf && prune && isEmptyContainer(next)) next = undefined;
  if (next === undefined) return object ? withoutKey(object, key) : node;
  return { ...object, [key]: next };
}

export interface EditOptions {
  /** Remove objects and arrays on the path that the edit leaves empty (not the document). */
  prune?: boolean;
}

/** The document with the value at `segments` replaced by `update(current)`; `undefined` removes it. */
export function updateIn(
  document: JsonObject,
  segments: Segments,
  update: Updater,
  { prune = false }: EditOptions = {},
): JsonObject {
  if (segments.length === 0) return document;
  const next = updateValue(document, segments, 0, update, prune);
  return isJsonObject(next) ? next : document;
}

/** Writes `value` at `segments`, creating the objects and arrays on the way. */
export function setIn(document: JsonObject, segments: Segments, value: JsonValue): JsonObject {
  return updateIn(document, segments, () => value);
}

/** Removes the member or array element at `segments`; the same document when it is not there. */
export function removeIn(
  document: JsonObject,
  segments: Segments,
  options?: EditOptions,
): JsonObject {
  return updateIn(document, segments, () => undefined, options);
}

/** What every input does: a value writes it, `undefined` (an emptied input) removes the member. */
export function setOrRemove(
  document: JsonObject,
  segments: Segments,
  value: JsonValue | undefined,
  options?: EditOptions,
): JsonObject {
  return value === undefined
    ? removeIn(document, segments, options)
    : setIn(document, segments, value);
}

/** Inserts `item` into the array at `segments` (created when missing) at `index` (end when past it). */
export function insertItem(
  document: JsonObject,
  segments: Segments,
  item: JsonValue,
  index = Number.POSITIVE_INFINITY,
): JsonObject {
  return updateIn(document, segments, (current) => {
    const array = Array.isArray(current) ? current.slice() : [];
    array.splice(Math.min(index, array.length), 0, item);
    return array;
  });
}

/** Moves an array element from `from` to `to`; out-of-range moves change nothing. */
export function moveItem(
  document: JsonObject,
  segments: Segments,
  from: number,
  to: number,
): JsonObject {
  return updateIn(document, segments, (current) => {
    if (!Array.isArray(current)) return current;
    if (from === to || from < 0 || to < 0 || from >= current.length || to >= current.length)
      return current;
    const array = current.slice();
    const [moved] = array.splice(from, 1);
    if (moved === undefined) return current;
    array.splice(to, 0, moved);
    return array;
  });
}

/** Renames a member of the object at `segments`, keeping its place; refuses to overwrite one. */
export function renameKey(
  document: JsonObject,
  segments: Segments,
  from: string,
  to: string,
): JsonObject {
  return updateIn(document, segments, (current) => {
    if (!isJsonObject(current) || from === to || !Object.hasOwn(current, from)) return current;
    if (Object.hasOwn(current, to)) return current;
    const renamed: JsonObject = {};
    for (const [name, value] of Object.entries(current)) renamed[name === from ? to : name] = value;
    return renamed;
  });
}
