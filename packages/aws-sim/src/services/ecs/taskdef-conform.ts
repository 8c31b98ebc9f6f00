import { serializationError } from '../../protocol/errors.js';
import {
  objectList,
  optionalBoolean,
  optionalInteger,
  optionalString,
  stringList,
  type Input,
} from '../../protocol/input.js';
import type { TaskDefinitionInput } from './taskdef-model.js';
import { PRIMITIVES, TASK_DEFINITION_SHAPES, type MemberShape } from './taskdef-shapes.js';

/**
 * Reads a RegisterTaskDefinition body as AWS's deserializer does before ECS sees it: every
 * member must have its modelled type (else SerializationException, as for `"containerPort": "80"`),
 * `null` counts as absent, and members the model does not know are dropped. The result is a fresh
 * object that matches {@link TaskDefinitionInput} by construction.
 */
export function conformTaskDefinition(input: Input): TaskDefinitionInput {
  return conformStructure(input, 'RegisterTaskDefinitionRequest');
}

export function conformStructure(input: Input, shapeName: string): Input {
  const members = TASK_DEFINITION_SHAPES[shapeName];
  if (!members) throw new Error(`No shape named ${shapeName}`);
  const out: Input = {};
  for (const [field, shape] of Object.entries(members)) {
    const value = conformMember(input, field, shape);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

function conformMember(input: Input, field: string, shape: MemberShape): unknown {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (shape === 'string') return optionalString(input, field);
  if (shape === 'integer') return optionalInteger(input, field);
  if (shape === 'boolean') return optionalBoolean(input, field);
  if (typeof shape === 'string') return conformStructure(structure(input, field), shape);
  if ('list' in shape) {
    const item = shape.list;
    if (item === 'string') return stringList(input, field);
    if (typeof item === 'string' && !PRIMITIVES.has(item)) {
      return objectList(input, field).map((element) => conformStructure(element, item));
    }
    if (!Array.isArray(value)) throw serializationError(`Expected a list for ${field}`);
    return value
      .map((element: unknown) => conformMember({ [field]: element }, field, item))
      .filter((element) => element !== undefined);
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw serializationError(`Expected a map for ${field}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value as Input)) {
    const conformed = conformMember({ [field]: entry }, field, shape.map);
    if (conformed !== undefined) out[key] = conformed;
  }
  return out;
}

function structure(input: Input, field: string): Input {
  const value = input[field];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw serializationError(`Expected a structure for ${field}`);
  }
  return value as Input;
}
