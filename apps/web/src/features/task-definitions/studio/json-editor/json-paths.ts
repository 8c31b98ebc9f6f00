import { jsonLanguage } from '@codemirror/lang-json';
import { parsePath, type JsonPath, type PathSegment } from '@deckhand/shared/taskdef';
import type { SyntaxNode, Tree } from '@lezer/common';

/**
 * Between a JSON path (`containerDefinitions[0].image`) and where it is in the editor's text, on
 * the Lezer JSON tree. The tree survives broken JSON (error nodes where the parser recovered), so
 * both directions work while the user is typing; nothing here throws.
 */

export interface TextRange {
  from: number;
  to: number;
}

export interface PathRange extends TextRange {
  /** False when the path does not exist and the range is that of its nearest existing ancestor. */
  exact: boolean;
  /** The property name (quotes included) of the member the range belongs to, when it is one. */
  key?: TextRange;
}

/** Where the cursor is, as far as completion and hover care. */
export type PathContext =
  /** On a property name, or where one is being typed. `segments` ends with that name. */
  | 'key'
  /** On a scalar value, or where a member's value goes. `segments` is the value's path. */
  | 'value'
  /** Inside an object's braces, between members. `segments` is the object's path. */
  | 'object'
  /** Inside an array's brackets, between elements. `segments` is the array's path. */
  | 'array'
  /** Outside any value. */
  | 'none';

export interface PathAt {
  segments: PathSegment[];
  inKey: boolean;
  context: PathContext;
  /** The token at the cursor: a property name, a scalar or a half-typed word, quotes included. */
  token?: TextRange & { text: string };
  /** For 'key' and 'object': the names the object already has, the one at the cursor excluded. */
  existingKeys: string[];
  /** For 'key': whether the member at the cursor already has its colon (so a value follows). */
  memberHasColon: boolean;
}

const SCALARS = new Set(['String', 'Number', 'True', 'False', 'Null']);
const CONTAINERS = new Set(['Object', 'Array']);

export function parseJson(text: string): Tree {
  return jsonLanguage.parser.parse(text);
}

/** A JSON string literal's value, also when it is unterminated or has a bad escape. */
export function decodeJsonString(raw: string): string {
  const body = raw.startsWith('"') ? raw : `"${raw}`;
  for (const candidate of [body, `${body}"`]) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (typeof value === 'string') return value;
    } catch {
      // Not complete yet; try the next reading.
    }
  }
  return body.slice(1).replace(/"$/, '');
}

const isError = (node: SyntaxNode) => node.type.isError;

/** A value, or a non-empty stretch the parser could not read where a value goes. */
const isElement = (node: SyntaxNode) =>
  SCALARS.has(node.name) || CONTAINERS.has(node.name) || (isError(node) && node.to > node.from);

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

const span = (node: SyntaxNode): TextRange => ({ from: node.from, to: node.to });

function nameOf(property: SyntaxNode, text: string): string | undefined {
  const name = property.getChild('PropertyName');
  return name ? decodeJsonString(text.slice(name.from, name.to)) : undefined;
}

/** A member's value: the first element after its colon. */
function valueOf(property: SyntaxNode): SyntaxNode | undefined {
  const parts = children(property);
  const colon = parts.findIndex((part) => part.name === ':');
  return colon < 0 ? undefined : parts.slice(colon + 1).find(isElement);
}

const membersOf = (object: SyntaxNode) => object.getChildren('Property');
const elementsOf = (array: SyntaxNode) => children(array).filter(isElement);

function keysOf(object: SyntaxNode, text: string, except?: SyntaxNode): string[] {
  const keys: string[] = [];
  for (const member of membersOf(object)) {
    const name = member.from === except?.from ? undefined : nameOf(member, text);
    if (name !== undefined) keys.push(name);
  }
  return keys;
}

/** The path of a node: the names of the members and the indices of the elements it sits in. */
export function pathOfNode(node: SyntaxNode, text: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (let current: SyntaxNode | null = node; current; current = current.parent) {
    const parent: SyntaxNode | null = current.parent;
    if (current.name === 'Property') segments.push(nameOf(current, text) ?? '');
    else if (parent?.name === 'Array' && isElement(current)) {
      segments.push(elementsOf(parent).findIndex((element) => element.from === current?.from));
    }
  }
  return segments.reverse();
}

const rootValue = (tree: Tree) => children(tree.topNode).find(isElement);

/** The ancestor's handle: its property name, else its opening bracket, else itself. */
function anchor(node: SyntaxNode, key: TextRange | undefined): PathRange {
  if (key) return { ...key, exact: false, key };
  if (CONTAINERS.has(node.name)) return { from: node.from, to: node.from + 1, exact: false };
  return { ...span(node), exact: false };
}

/**
 * The range of the value at `path` (duplicate names resolve to the last, as JSON.parse does).
 * When the path does not exist, the nearest existing ancestor's property name (or its opening
 * bracket) with `exact: false`; undefined when the path is malformed or the text holds no value.
 */
export function rangeOfPath(
  text: string,
  path: JsonPath | readonly PathSegment[],
  tree: Tree = parseJson(text),
): PathRange | undefined {
  const segments = typeof path === 'string' ? parsePath(path) : path;
  let node = rootValue(tree);
  if (!segments || !node) return undefined;
  let key: TextRange | undefined;
  for (const segment of segments) {
    let next: SyntaxNode | undefined;
    let nextKey: TextRange | undefined;
    if (typeof segment === 'string' && node.name === 'Object') {
      const member: SyntaxNode | undefined = membersOf(node).findLast(
        (m) => nameOf(m, text) === segment,
      );
      const name = member?.getChild('PropertyName');
      nextKey = name ? span(name) : undefined;
      next = member && valueOf(member);
      // The member is there but its value is not (`"cpu": ,`): point at the name.
      if (member && !next && nextKey) return { ...nextKey, exact: false, key: nextKey };
    } else if (typeof segment === 'number' && node.name === 'Array') {
      next = elementsOf(node)[segment];
    }
    if (!next) return anchor(node, key);
    node = next;
    key = nextKey;
  }
  return key ? { ...span(node), exact: true, key } : { ...span(node), exact: true };
}

/**
 * Where to mark a finding at `path`: a scalar's own range, an object's or array's property name
 * (or opening bracket) rather than all its lines, and the ancestor's handle when it is missing.
 */
export function markRangeOfPath(
  text: string,
  path: JsonPath | readonly PathSegment[],
  tree: Tree = parseJson(text),
): TextRange | undefined {
  const range = rangeOfPath(text, path, tree);
  if (!range) return undefined;
  const opening = text[range.from];
  if (range.exact && (opening === '{' || opening === '[')) {
    return range.key ?? { from: range.from, to: range.from + 1 };
  }
  return { from: range.from, to: range.to };
}

const tokenOf = (node: SyntaxNode, text: string) =>
  node.to > node.from ? { ...span(node), text: text.slice(node.from, node.to) } : undefined;

function result(
  segments: PathSegment[],
  context: PathContext,
  extra: Partial<Omit<PathAt, 'segments' | 'context' | 'inKey'>> = {},
): PathAt {
  return {
    segments,
    context,
    inKey: context === 'key',
    existingKeys: [],
    memberHasColon: false,
    ...extra,
  };
}

/** The key context of a property whose name is at (or before) the cursor. */
function atPropertyName(property: SyntaxNode, text: string): PathAt {
  const name = property.getChild('PropertyName');
  const object = property.parent;
  return result(pathOfNode(property, text), 'key', {
    ...(name && { token: { ...span(name), text: text.slice(name.from, name.to) } }),
    existingKeys: object ? keysOf(object, text, property) : [],
    memberHasColon: property.getChild(':') !== null,
  });
}

function atError(node: SyntaxNode, text: string, pos: number): PathAt {
  const parent = node.parent;
  const token = tokenOf(node, text);
  if (!parent) return result([], 'none');
  switch (parent.name) {
    case 'Property': {
      const colon = parent.getChild(':');
      if (!colon || pos < colon.to) return atPropertyName(parent, text);
      return result(pathOfNode(parent, text), 'value', token && { token });
    }
    case 'Object': {
      const keys = keysOf(parent, text);
      // A half-typed member name (`"ima` or `ima`) rather than stray punctuation.
      if (token && /^"|^[\w$]/.test(token.text)) {
        const name = decodeJsonString(token.text.replace(/\s+$/, ''));
        return result([...pathOfNode(parent, text), name], 'key', { token, existingKeys: keys });
      }
      return result(pathOfNode(parent, text), 'object', { existingKeys: keys });
    }
    case 'Array':
      return token
        ? result(pathOfNode(node, text), 'value', { token })
        : result(pathOfNode(parent, text), 'array');
    default:
      return isError(parent) ? atError(parent, text, pos) : result([], 'none');
  }
}

function inside(container: SyntaxNode, text: string): PathAt {
  const segments = pathOfNode(container, text);
  return container.name === 'Object'
    ? result(segments, 'object', { existingKeys: keysOf(container, text) })
    : result(segments, 'array');
}

/**
 * The path at a cursor position: which member name or value it is on, or which object or array it
 * is between the members of. `side` as in `Tree.resolveInner`: -1 looks at what ends at `pos`
 * (typing), 1 at what starts there (hovering).
 */
export function pathAt(
  text: string,
  pos: number,
  side: -1 | 1 = -1,
  tree: Tree = parseJson(text),
): PathAt {
  const at = Math.max(0, Math.min(pos, text.length));
  const node = tree.resolveInner(at, side);
  const parent = node.parent;
  if (isError(node)) return atError(node, text, at);
  if (node.name === 'PropertyName' && parent) return atPropertyName(parent, text);
  if (SCALARS.has(node.name)) {
    const token = tokenOf(node, text);
    return result(pathOfNode(node, text), 'value', token && { token });
  }
  switch (node.name) {
    case 'Object':
    case 'Array':
      return inside(node, text);
    case 'Property': {
      const colon = node.getChild(':');
      return colon && at >= colon.to
        ? result(pathOfNode(node, text), 'value')
        : atPropertyName(node, text);
    }
    case '{':
    case '[':
      if (!parent) break;
      return at > node.from ? inside(parent, text) : result(pathOfNode(parent, text), 'value');
    case '}':
    case ']':
      if (!parent) break;
      return at < node.to ? inside(parent, text) : result(pathOfNode(parent, text), 'value');
    case ',':
      if (!parent) break;
      return CONTAINERS.has(parent.name) ? inside(parent, text) : result([], 'none');
    case ':':
      if (!parent) break;
      return at >= node.to
        ? result(pathOfNode(parent, text), 'value')
        : atPropertyName(parent, text);
  }
  return result([], 'none');
}
