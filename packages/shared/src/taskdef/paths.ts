import type { Fix, FixOperation, JsonPath, JsonValue, PathSegment } from './types.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Segments as a path: `['containerDefinitions', 0, 'image']` → `containerDefinitions[0].image`. */
export function formatPath(segments: readonly PathSegment[]): JsonPath {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/** A path as segments; `undefined` when it is not one `formatPath` could have written. */
export function parsePath(path: JsonPath): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let index = 0;
  while (index < path.length) {
    const rest = path.slice(index);
    const member = /^\.?([A-Za-z_$][\w$]*)/.exec(rest);
    if (member?.[1] !== undefined && (index === 0 || rest.startsWith('.'))) {
      segments.push(member[1]);
      index += member[0].length;
      continue;
    }
    const element = /^\[(\d+)\]/.exec(rest);
    if (element?.[1] !== undefined) {
      segments.push(Number(element[1]));
      index += element[0].length;
      continue;
    }
    const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (quoted?.[1] !== undefined) {
      try {
        segments.push(JSON.parse(quoted[1]) as string);
      } catch {
        return undefined;
      }
      index += quoted[0].length;
      continue;
    }
    return undefined;
  }
  return segments;
}

const isObject = (value: unknown): value is Record<string, JsonValue> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value at a path, or `undefined` when the path leads nowhere. */
export function getAt(document: unknown, path: JsonPath | readonly PathSegment[]): unknown {
  const segments = typeof path === 'string' ? parsePath(path) : path;
  if (!segments) return undefined;
  let current: unknown = document;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isObject(current) || !Object.hasOwn(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Writes `value` at `segments` inside `root` (mutating it), creating containers on the way. */
function writeAt(
  root: JsonValue,
  segments: readonly PathSegment[],
  write: (parent: JsonValue[] | Record<string, JsonValue>, key: PathSegment) => void,
): JsonValue {
  if (segments.length === 0) return root;
  let current: JsonValue = root;
  for (let i = 0; i < segments.length - 1; i += 1) {
    const segment = segments[i] as PathSegment;
    const nextIsIndex = typeof segments[i + 1] === 'number';
    const container = current as JsonValue[] | Record<string, JsonValue>;
    const existing = (container as Record<string | number, JsonValue | undefined>)[segment];
    if (existing === undefined || existing === null || typeof existing !== 'object') {
      const created: JsonValue = nextIsIndex ? [] : {};
      (container as Record<string | number, JsonValue>)[segment] = created;
      current = created;
    } else current = existing;
  }
  write(
    current as JsonValue[] | Record<string, JsonValue>,
    segments[segments.length - 1] as PathSegment,
  );
  return root;
}

function applyOperation(document: JsonValue, operation: FixOperation): JsonValue {
  const segments = parsePath(operation.path);
  if (!segments) return document;
  if (operation.op === 'set' && segments.length === 0) return clone(operation.value as JsonValue);
  if (typeof document !== 'object' || document === null) return document;
  switch (operation.op) {
    case 'set':
      return writeAt(document, segments, (parent, key) => {
        (parent as Record<string | number, JsonValue>)[key] = clone(operation.value as JsonValue);
      });
    case 'append':
      return writeAt(document, [...segments, 0], (parent, key) => {
        void key;
        const host = parent as JsonValue[];
        if (Array.isArray(host)) host.push(clone(operation.value as JsonValue));
      });
    case 'remove': {
      const parent = getAt(document, segments.slice(0, -1));
      const key = segments[segments.length - 1];
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else if (isObject(parent) && typeof key === 'string') delete parent[key];
      return document;
    }
  }
}

/**
 * The document with a fix applied; the argument is left as it was. Operations run in order, so a
 * fix may set a member and then remove another; a path that leads nowhere is skipped.
 */
export function applyFix<T>(document: T, fix: Fix | readonly FixOperation[]): T {
  const operations = Array.isArray(fix) ? fix : (fix as Fix).operations;
  let result = clone(document) as JsonValue;
  for (const operation of operations) result = applyOperation(result, operation);
  return result as T;
}
