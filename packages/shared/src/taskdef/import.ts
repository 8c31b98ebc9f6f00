import { describeJsonError, editDistance } from './json-text.js';
import { formatPath, parsePath } from './paths.js';
import { READ_ONLY_MEMBERS } from './read-only.js';
import { placeholderIn } from './placeholders.js';
import { membersAt, unknownFields } from './schema-info.js';
import type { ConversionNote, JsonObject, JsonValue, PathSegment } from './types.js';

/**
 * The studio's importer (REFERENCE.md §5): whatever a user pastes or uploads — RegisterTaskDefinition
 * input, describe-task-definition output with or without its wrapper, or a bare containerDefinitions
 * array — becomes a RegisterTaskDefinition input, with a note for everything done or noticed on the
 * way. What the user wrote is kept, in its order: only nulls, read-only members and values JSON
 * cannot hold are removed. Members the model does not know stay (the lint or ECS decides), so a
 * typo is reported rather than silently lost. Never throws.
 */

export type ImportShape =
  'register-input' | 'describe-output' | 'describe-output-unwrapped' | 'container-array';

export type ImportResult =
  | { ok: true; taskDefinition: JsonObject; shape: ImportShape; notes: ConversionNote[] }
  | { ok: false; error: string; notes: ConversionNote[] };

export interface ImportOptions {
  /** The family to use when the input has none (always the case for a containerDefinitions array). */
  family?: string;
}

/** Far deeper than any task definition; stops a hostile or cyclic input before the stack does. */
const MAX_DEPTH = 64;
const DEFAULT_FAMILY = 'imported-task';

class TooDeep extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.prototype.toString.call(value) === '[object Object]';

const has = (value: Record<string, unknown>, key: string): boolean =>
  Object.hasOwn(value, key) && value[key] !== undefined && value[key] !== null;

/**
 * A JSON copy of a value: nulls removed (each noted), values JSON cannot hold dropped (noted), keys
 * in their order. Objects are built with Object.fromEntries, so a `__proto__` key stays plain data.
 */
function toJson(
  value: unknown,
  path: PathSegment[],
  notes: ConversionNote[],
  depth = 0,
): JsonValue | undefined {
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (value === undefined) return undefined;
  if (value === null) {
    notes.push({ kind: 'null-removed', path: formatPath(path), message: 'Removed a null.' });
    return undefined;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  // JSON has no -0 (JSON.stringify writes 0), so neither does the import.
  if (typeof value === 'number' && Number.isFinite(value)) return value === 0 ? 0 : value;
  if (Array.isArray(value)) {
    const elements: JsonValue[] = [];
    (value as unknown[]).forEach((element, index) => {
      const copy = toJson(element, [...path, index], notes, depth + 1);
      if (copy !== undefined) elements.push(copy);
    });
    return elements;
  }
  if (isRecord(value)) {
    const entries: [string, JsonValue][] = [];
    for (const key of Object.keys(value)) {
      const copy = toJson(value[key], [...path, key], notes, depth + 1);
      if (copy !== undefined) entries.push([key, copy]);
    }
    return Object.fromEntries<JsonValue>(entries);
  }
  const what =
    typeof value === 'number'
      ? String(value)
      : typeof value === 'object'
        ? Object.prototype.toString.call(value)
        : typeof value;
  notes.push({
    kind: 'dropped',
    path: formatPath(path),
    message: `Dropped ${what}: it is not a JSON value.`,
  });
  return undefined;
}

type Recognised =
  | { shape: 'container-array'; containers: unknown[] }
  | { shape: Exclude<ImportShape, 'container-array'>; definition: Record<string, unknown> };

/** Which of the four shapes the input is, or why it is none of them. */
function recognise(input: unknown): Recognised | string {
  if (Array.isArray(input)) {
    const first: unknown = input.find((element) => element !== null && element !== undefined);
    if (isRecord(first) && has(first, 'containerDefinitions'))
      return 'This is an array of task definitions; import them one at a time.';
    return { shape: 'container-array', containers: input as unknown[] };
  }
  if (!isRecord(input))
    return `Expected a task definition (a JSON object) or a containerDefinitions array, not ${input === null ? 'null' : typeof input}.`;
  if (Object.hasOwn(input, 'AWSEBDockerrunVersion'))
    return 'This is an Elastic Beanstalk Dockerrun.aws.json file: use the Dockerrun import to convert it.';
  // containerDefinitions first: describe output never has it beside `taskDefinition`, so an
  // imported document (which may keep an unknown `taskDefinition` member) imports the same again.
  if (has(input, 'containerDefinitions')) {
    const readOnly = READ_ONLY_MEMBERS.some((member) => Object.hasOwn(input, member));
    return { shape: readOnly ? 'describe-output-unwrapped' : 'register-input', definition: input };
  }
  const wrapped = input.taskDefinition;
  if (isRecord(wrapped)) {
    if (!has(wrapped, 'containerDefinitions'))
      return 'The taskDefinition in this describe output has no containerDefinitions.';
    return { shape: 'describe-output', definition: wrapped };
  }
  if (Object.hasOwn(input, 'ContainerDefinitions') || Object.hasOwn(input, 'Properties'))
    return 'This looks like CloudFormation (PascalCase members); paste the RegisterTaskDefinition JSON instead.';
  if (has(input, 'image') || has(input, 'portMappings'))
    return 'This looks like a single container definition; wrap it in an array or in {"family": …, "containerDefinitions": [ … ]}.';
  return 'Not a task definition: there is no containerDefinitions member (nor a describe-task-definition taskDefinition).';
}

/** A family ECS accepts, from a container name: `[A-Za-z0-9_-]`, at most 255 characters. */
function familyFrom(name: unknown): string {
  if (typeof name !== 'string') return DEFAULT_FAMILY;
  const family = name
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 255);
  return family === '' ? DEFAULT_FAMILY : family;
}

function importContainers(containers: unknown[], options: ImportOptions, notes: ConversionNote[]) {
  const copy = toJson(containers, ['containerDefinitions'], notes);
  if (!Array.isArray(copy) || copy.length === 0)
    return 'The array is empty: a containerDefinitions array needs at least one container.';
  if (!copy.every((element) => isRecord(element)))
    return 'Not a containerDefinitions array: every element must be a container definition (an object).';
  const first = copy[0] as JsonObject;
  const family = options.family ?? familyFrom(first.name);
  notes.unshift(
    {
      kind: 'shape',
      path: '',
      message: 'A bare containerDefinitions array: wrapped into a task definition.',
    },
    {
      kind: 'info',
      path: 'family',
      message:
        options.family === undefined
          ? `No family in a containerDefinitions array; using "${family}". Change it before registering.`
          : `Family "${family}" from the import options.`,
    },
  );
  return { family, containerDefinitions: copy };
}

function importDefinition(
  recognised: Exclude<Recognised, { shape: 'container-array' }>,
  wrapper: Record<string, unknown>,
  options: ImportOptions,
  notes: ConversionNote[],
): JsonObject {
  const { shape, definition } = recognised;
  if (shape === 'describe-output')
    notes.push({ kind: 'shape', path: '', message: 'Unwrapped describe-task-definition output.' });
  else if (shape === 'describe-output-unwrapped')
    notes.push({ kind: 'shape', path: '', message: 'Describe-task-definition output.' });
  const entries: [string, JsonValue][] = [];
  if (!has(definition, 'family') && options.family !== undefined) {
    entries.push(['family', options.family]);
    notes.push({
      kind: 'info',
      path: 'family',
      message: `Family "${options.family}" from the import options.`,
    });
  }
  for (const key of Object.keys(definition)) {
    if (READ_ONLY_MEMBERS.includes(key)) {
      notes.push({
        kind: 'read-only-removed',
        path: formatPath([key]),
        message: `Removed ${key}: ECS sets it, RegisterTaskDefinition does not take it.`,
      });
      continue;
    }
    const copy = toJson(definition[key], [key], notes, 1);
    if (copy !== undefined) entries.push([key, copy]);
  }
  if (shape === 'describe-output') {
    for (const key of Object.keys(wrapper)) {
      if (key === 'taskDefinition') continue;
      if (key === 'tags') {
        const tags = toJson(wrapper.tags, ['tags'], [], 1);
        // Empty (or null) wrapper tags are what describe answers for an untagged revision.
        if (tags === undefined || (Array.isArray(tags) && tags.length === 0)) continue;
        if (Array.isArray(tags) && !has(definition, 'tags')) {
          entries.push(['tags', tags]);
          notes.push({
            kind: 'info',
            path: 'tags',
            message: 'Carried the tags of the describe output over.',
          });
          continue;
        }
      }
      notes.push({ kind: 'info', path: '', message: `Ignored ${key} of the describe output.` });
    }
  }
  return Object.fromEntries<JsonValue>(entries);
}

function unknownFieldNote(path: string): ConversionNote {
  const segments = parsePath(path) ?? [];
  const name = String(segments[segments.length - 1] ?? path);
  const known = membersAt(segments.slice(0, -1)) ?? [];
  const near = known.find(
    (field) =>
      field.name.toLowerCase() === name.toLowerCase() ||
      (name.length > 3 && name.length < 64 && editDistance(field.name, name) <= 2),
  );
  const hint = near ? ` Did you mean ${near.name}?` : '';
  return {
    kind: 'unknown-field',
    path,
    message: `ECS's model has no member ${name} here; kept as it was.${hint}`,
  };
}

/** One note per string holding a placeholder, anywhere in the document. */
function placeholderNotes(value: JsonValue, path: PathSegment[], notes: ConversionNote[]): void {
  if (typeof value === 'string') {
    const placeholder = placeholderIn(value);
    if (placeholder !== undefined)
      notes.push({
        kind: 'placeholder',
        path: formatPath(path),
        message: `${placeholder} is a placeholder: fill it in before registering.`,
      });
  } else if (Array.isArray(value)) {
    value.forEach((element, index) => placeholderNotes(element, [...path, index], notes));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const member = value[key];
      if (member !== undefined) placeholderNotes(member, [...path, key], notes);
    }
  }
}

function importValue(input: unknown, options: ImportOptions): ImportResult {
  const notes: ConversionNote[] = [];
  const recognised = recognise(input);
  if (typeof recognised === 'string') return { ok: false, error: recognised, notes };
  let taskDefinition: JsonObject;
  if (recognised.shape === 'container-array') {
    const imported = importContainers(recognised.containers, options, notes);
    if (typeof imported === 'string') return { ok: false, error: imported, notes };
    taskDefinition = imported;
  } else {
    taskDefinition = importDefinition(recognised, input as Record<string, unknown>, options, notes);
  }
  for (const path of unknownFields(taskDefinition)) notes.push(unknownFieldNote(path));
  placeholderNotes(taskDefinition, [], notes);
  return { ok: true, taskDefinition, shape: recognised.shape, notes };
}

/**
 * A task definition from any of the four shapes REFERENCE.md §5 lists, as a RegisterTaskDefinition
 * input; ok:false with a sentence saying why when the input is none of them. Never throws.
 */
export function importTaskDefinition(input: unknown, options: ImportOptions = {}): ImportResult {
  try {
    return importValue(input, options);
  } catch (error) {
    const message =
      error instanceof TooDeep
        ? `The input is nested more than ${MAX_DEPTH} levels deep; a task definition never is.`
        : 'The input could not be read as JSON data.';
    return { ok: false, error: message, notes: [] };
  }
}

/** Parses text first; a JSON syntax error gives ok:false with a message naming line and column. */
export function importTaskDefinitionText(text: string, options: ImportOptions = {}): ImportResult {
  if (typeof text !== 'string')
    return { ok: false, error: 'Expected the text of a task definition.', notes: [] };
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') return { ok: false, error: 'The text is empty.', notes: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    return { ok: false, error: describeJsonError(source), notes: [] };
  }
  return importTaskDefinition(parsed, options);
}

export { READ_ONLY_MEMBERS } from './read-only.js';
export { describeJsonError } from './json-text.js';
