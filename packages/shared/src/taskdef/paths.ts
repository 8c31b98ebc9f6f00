import type { Fix, FixOperation, JsonPath, JsonValue, PathSegment } from './types.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Segments as a path: `['containerDefinitions', 0, 'image']` → `containerDefinitions[0].image`. */
export function formatPath(segments: readonly PathSegment[]): JsonPath {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number' && Number.isSafeInteger(segment) && segment >= 0)
      path += `[${segment}]`;
    else if (typeof segment === 'number') path += `[${JSON.stringify(String(segment))}]`;
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
    if (member?.[1] !== undefined && (index === 0 ? !rest.startsWith('.') : rest.startsWith('.'))) {
      segments.push(member[1]);
      index += member[0].length;
      continue;
    }
    const element = /^\[(0|[1-9]\d*)\]/.exec(rest);
    if (element?.[1] !== undefined && Number.isSafeInteger(Number(element[1]))) {
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

/** Defines an own, plain data member: `__proto__` and friends are data here, never the prototype. */
function define(container: Record<string, JsonValue>, key: string, value: JsonValue): void {
  Object.defineProperty(container, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/** The child of a container at a segment, when the kinds match and it is the container's own. */
function childOf(container: JsonValue, segment: PathSegment): JsonValue | undefined {
  if (typeof segment === 'number') return Array.isArray(container) ? container[segment] : undefined;
  return isObject(container) && Object.hasOwn(container, segment) ? container[segment] : undefined;
}

/**
 * Puts a value into a container at a segment; false when the kinds do not match (a member of an
 * array, an index of an object) or an index would leave holes.
 */
function put(container: JsonValue, segment: PathSegment, value: JsonValue): boolean {
  if (typeof segment === 'number') {
    if (!Array.isArray(container) || segment > container.length) return false;
    container[segment] = value;
    return true;
  }
  if (!isObject(container)) return false;
  define(container, segment, value);
  return true;
}

/**
 * The container at `segments` inside `root` (mutating it), creating objects and arrays on the way;
 * undefined when the path crosses a value of the wrong kind.
 */
function containerAt(root: JsonValue, segments: readonly PathSegment[]): JsonValue | undefined {
  let current = root;
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] as PathSegment;
    const existing = childOf(current, segment);
    if (existing !== undefined && existing !== null && typeof existing === 'object') {
      current = existing;
      continue;
    }
    if (existing !== undefined && existing !== null) return undefined;
    const created: JsonValue = typeof segments[i + 1] === 'number' ? [] : {};
    if (!put(current, segment, created)) return undefined;
    current = created;
  }
  return current;
}

function applyOperation(document: JsonValue, operation: FixOperation): JsonValue {
  const segments = parsePath(operation.path);
  if (!segments) return document;
  if (operation.op === 'set' && segments.length === 0) return clone(operation.value);
  if (typeof document !== 'object' || document === null) return document;
  switch (operation.op) {
    case 'set': {
      const parent = containerAt(document, segments.slice(0, -1));
      const key = segments[segments.length - 1];
      if (parent !== undefined && key !== undefined) put(parent, key, clone(operation.value));
      return document;
    }
    case 'append': {
      const target = getAt(document, segments);
      if (target === undefined) {
        const parent = containerAt(document, segments.slice(0, -1));
        const key = segments[segments.length - 1];
        if (parent !== undefined && key !== undefined) put(parent, key, [clone(operation.value)]);
      } else if (Array.isArray(target)) target.push(clone(operation.value));
      return document;
    }
    case 'remove': {
      const parent = getAt(document, segments.slice(0, -1));
      const key = segments[segments.length - 1];
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else if (isObject(parent) && typeof key === 'string' && Object.hasOwn(parent, key))
        delete parent[key];
      return document;
    }
  }
}

const isFixList = (fix: Fix | readonly FixOperation[]): fix is readonly FixOperation[] =>
  Array.isArray(fix);

/**
 * The document with a fix applied; the argument is left as it was. Operations run in order, so a
 * fix may set a member and then remove another; a path that leads nowhere is skipped.
 */
export function applyFix<T>(document: T, fix: Fix | readonly FixOperation[]): T {
  const operations: readonly FixOperation[] = isFixList(fix) ? fix : fix.operations;
  let result = clone(document) as JsonValue;
  for (const operation of operations) result = applyOperation(result, operation);
  return result as T;
}
