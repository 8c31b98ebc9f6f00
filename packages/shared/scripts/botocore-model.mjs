// The ECS service model botocore ships, for the generators in this folder (REFERENCE.md:
// generate schemas from the models rather than typing fields by hand).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The installed botocore's ECS model file (`service-2.json` or `.gz`), or undefined. */
export function botocoreModelPath() {
  const result = spawnSync(
    'python3',
    ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) return undefined;
  const file = join(result.stdout.trim(), 'data/ecs/2014-11-13/service-2.json');
  if (existsSync(file)) return file;
  if (existsSync(`${file}.gz`)) return `${file}.gz`;
  return undefined;
}

/** A model file, gzipped or not, parsed. */
export function readModel(file) {
  const bytes = readFileSync(file);
  return JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
}

/** A shape of the model by name; throws when the model has no such shape. */
export function shapeOf(shapes, name) {
  const shape = shapes[name];
  if (!shape) throw new Error(`shape ${name} is not in the model`);
  return shape;
}

/** Structures reachable from the root, dependencies first (so each const is declared before use). */
export function structuresInOrder(shapes, root) {
  const order = [];
  const state = new Map();
  const visit = (name) => {
    const shape = shapeOf(shapes, name);
    if (shape.type === 'list') return visit(shape.member.shape);
    if (shape.type === 'map') return visit(shape.value.shape);
    if (shape.type !== 'structure') return;
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`recursive shape ${name}`);
    state.set(name, 'visiting');
    for (const member of Object.values(shape.members)) visit(member.shape);
    state.set(name, 'done');
    order.push(name);
  };
  visit(root);
  return order;
}

/**
 * The zod expression of a shape. Enums stay `z.string()` (AWS adds values, and ECS refuses an
 * unknown one itself); the caller says how timestamps read and what a structure's const is named.
 */
export function zodOf(shapes, name, { timestamp, structure }) {
  const shape = shapeOf(shapes, name);
  switch (shape.type) {
    case 'string':
      return 'z.string()';
    case 'integer':
    case 'long':
      return 'z.number().int()';
    case 'float':
    case 'double':
      return 'z.number()';
    case 'boolean':
      return 'z.boolean()';
    case 'timestamp':
      return timestamp;
    case 'list':
      return `z.array(${zodOf(shapes, shape.member.shape, { timestamp, structure })})`;
    case 'map':
      return `z.record(z.string(), ${zodOf(shapes, shape.value.shape, { timestamp, structure })})`;
    case 'structure':
      return structure(name);
    default:
      throw new Error(`shape ${name} has unsupported type ${shape.type}`);
  }
}

/** The known values of an enum member, as a comment: the schema accepts any string. */
export function enumNote(shapes, name) {
  const shape = shapeOf(shapes, name);
  const values = shape.type === 'list' ? shapeOf(shapes, shape.member.shape).enum : shape.enum;
  return values ? ` // ${values.join(' | ')}` : '';
}
