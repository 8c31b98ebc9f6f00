import {
  type RegisterModelShape,
  TASK_DEFINITION_ROOT,
  TASK_DEFINITION_SHAPES,
} from '../generated/ecs-register-model.js';
import { formatPath } from './paths.js';
import type { PathSegment } from './types.js';

/**
 * What the ECS model says about the members of a task definition, for editors: completion, hover
 * docs, and members the model does not know (usually a typo, sometimes a member newer than the
 * model). Navigation follows the model's shapes, so array indices pass through lists and any key
 * passes through a map (`dockerLabels`, log `options`…).
 */

type ElementType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'map';

export interface FieldInfo {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'object' | 'array' | 'map';
  /** The model's documentation, cut to its first sentences; '' when it has none. */
  doc: string;
  required: boolean;
  /** The values the model knows; for an array, those of its elements (`requiresCompatibilities`). */
  enum?: readonly string[];
  /** For arrays: the element type. */
  items?: ElementType;
}

const shapeNamed = (name: string): RegisterModelShape | undefined =>
  Object.hasOwn(TASK_DEFINITION_SHAPES, name) ? TASK_DEFINITION_SHAPES[name] : undefined;

function typeOf(shape: RegisterModelShape): FieldInfo['type'] {
  switch (shape.type) {
    case 'structure':
      return 'object';
    case 'list':
      return 'array';
    case 'integer':
    case 'long':
      return 'integer';
    case 'double':
    case 'float':
      return 'number';
    default:
      return shape.type;
  }
}

/** The shape a member or element refers to, described as a field. */
function describe(
  name: string,
  shapeName: string,
  doc: string,
  required: boolean,
): FieldInfo | undefined {
  const shape = shapeNamed(shapeName);
  if (!shape) return undefined;
  const info: FieldInfo = { name, type: typeOf(shape), doc, required };
  let values = shape.type === 'string' ? shape.enum : undefined;
  if (shape.type === 'list') {
    const element = shapeNamed(shape.member);
    if (element) {
      const type = typeOf(element);
      // A list of timestamps does not occur in the model; it reads as strings if it ever does.
      info.items = type === 'timestamp' ? 'string' : type;
      if (element.type === 'string') values = element.enum;
    }
  }
  if (values) info.enum = values;
  return info;
}

/** One step through the model: the shape a segment leads to from `shape`, and what names it. */
function step(
  shape: RegisterModelShape,
  segment: PathSegment,
): { shape: string; doc: string; required: boolean } | undefined {
  if (shape.type === 'structure' && typeof segment === 'string') {
    if (!Object.hasOwn(shape.members, segment)) return undefined;
    const member = shape.members[segment];
    return member && { shape: member.shape, doc: member.doc, required: member.required };
  }
  if (shape.type === 'list' && typeof segment === 'number')
    return { shape: shape.member, doc: '', required: false };
  if (shape.type === 'map' && typeof segment === 'string')
    return { shape: shape.value, doc: '', required: false };
  return undefined;
}

/** The shape at a path, or undefined when the model has no such path. */
function shapeAt(segments: readonly PathSegment[]): RegisterModelShape | undefined {
  let shape = shapeNamed(TASK_DEFINITION_ROOT);
  for (const segment of segments) {
    if (!shape) return undefined;
    const next = step(shape, segment);
    shape = next && shapeNamed(next.shape);
  }
  return shape;
}

/**
 * The members of the object at this path (array indices pass through lists; map values through
 * maps); undefined when the path is not an object in the model. Root = [].
 */
export function membersAt(segments: readonly PathSegment[]): readonly FieldInfo[] | undefined {
  const shape = shapeAt(segments);
  if (shape?.type !== 'structure') return undefined;
  const fields: FieldInfo[] = [];
  for (const [name, member] of Object.entries(shape.members)) {
    const field = describe(name, member.shape, member.doc, member.required);
    if (field) fields.push(field);
  }
  return fields;
}

/**
 * The field a path names (its last segment), undefined when the model does not know it. An array
 * element (`containerDefinitions[0]`) is described by its element shape under the array's name and
 * doc; a map value (`dockerLabels["team"]`) under its key.
 */
export function fieldAt(segments: readonly PathSegment[]): FieldInfo | undefined {
  const last = segments[segments.length - 1];
  if (last === undefined) return undefined;
  const parentPath = segments.slice(0, -1);
  const parent = shapeAt(parentPath);
  if (!parent) return undefined;
  const next = step(parent, last);
  if (!next) return undefined;
  if (parent.type === 'list') {
    const list = fieldAt(parentPath);
    return describe(list?.name ?? String(last), next.shape, list?.doc ?? '', false);
  }
  return describe(String(last), next.shape, next.doc, next.required);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Paths (formatPath) of members the model does not know, anywhere in the document. Map contents
 * (dockerLabels, options…) are free-form and never unknown. A value of the wrong kind (a string
 * where the model has an object) is a type error, not an unknown member, and is not walked.
 */
export function unknownFields(document: unknown): string[] {
  const unknown: string[] = [];
  // The model has no recursive shapes, so this walk is as deep as the model, whatever the input.
  const walk = (value: unknown, shapeName: string, path: PathSegment[]): void => {
    const shape = shapeNamed(shapeName);
    if (!shape) return;
    if (shape.type === 'structure' && isObject(value)) {
      for (const key of Object.keys(value)) {
        const member = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
        if (member) walk(value[key], member.shape, [...path, key]);
        else unknown.push(formatPath([...path, key]));
      }
    } else if (shape.type === 'list' && Array.isArray(value)) {
      value.forEach((element: unknown, index) => walk(element, shape.member, [...path, index]));
    } else if (shape.type === 'map' && isObject(value)) {
      for (const key of Object.keys(value)) walk(value[key], shape.value, [...path, key]);
    }
  };
  walk(document, TASK_DEFINITION_ROOT, []);
  return unknown;
}
