#!/usr/bin/env node
// Generates src/generated/ecs-register-model.ts from the ECS service model botocore ships:
//   - TASK_DEFINITION_SHAPES, plain data describing RegisterTaskDefinitionRequest and every shape
//     it reaches (members, required flags, short docs, enum values), for the studio's editors;
//   - zod schemas of the full RegisterTaskDefinition input (`TaskDefinitionInput`, `Td*`).
// The output is committed, so a fresh machine needs no Python; src/taskdef/register-model.test.ts
// runs this with --check whenever botocore is installed and fails on drift. The output is
// formatted with the repository's Prettier, so `prettier --check` and `--check` agree.
//
//   node packages/shared/scripts/generate-ecs-register-model.mjs           # write
//   node packages/shared/scripts/generate-ecs-register-model.mjs --check   # exit 1 when out of date
//   ... --model path/to/service-2.json[.gz]                                # another model file
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  botocoreModelPath,
  enumNote,
  readModel,
  shapeOf,
  structuresInOrder,
  zodOf as zodOfShape,
} from './botocore-model.mjs';

const ROOT = 'RegisterTaskDefinitionRequest';
const ROOT_SCHEMA = 'TaskDefinitionInput';
const PREFIX = 'Td';
const DOC_SENTENCES = 2;
const DOC_MAX = 300;
const OUTPUT = join(
  dirname(fileURLToPath(import.meta.url)),
  '../src/generated/ecs-register-model.ts',
);

/** Every shape reachable from the root, in the order first reached (root first). */
function reachableShapes(shapes, root) {
  const order = [];
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    order.push(name);
    const shape = shapeOf(shapes, name);
    if (shape.type === 'structure')
      for (const ref of Object.values(shape.members)) visit(ref.shape);
    else if (shape.type === 'list') visit(shape.member.shape);
    else if (shape.type === 'map') {
      visit(shape.key.shape);
      visit(shape.value.shape);
    }
  };
  visit(root);
  return order;
}

const ENTITIES = { lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', amp: '&' };

/** Tags out, entities decoded, whitespace collapsed. Block tags become spaces, inline ones vanish. */
function plainText(html) {
  return html
    .replace(/<\/?(?:p|li|ul|ol|br|div|important|note|dl|dt|dd)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (entity, code) => {
      if (code.startsWith('#x') || code.startsWith('#X'))
        return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
      return ENTITIES[code.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

// Sentence ends: a full stop (not after a common abbreviation) followed by a space and a capital
// letter, a digit or an opening bracket, or the end of the text.
const ABBREVIATION = /(?:\be\.g|\bi\.e|\betc|\bvs|\bNo)$/i;

/** The first sentences of a documentation string, as an editor's tooltip shows it. */
export function shortDoc(html) {
  const text = plainText(html ?? '');
  let end = text.length;
  let sentences = 0;
  const boundary = /[.!?](?=\s+[A-Z0-9("'<]|$)/g;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    if (ABBREVIATION.test(text.slice(0, match.index))) continue;
    sentences += 1;
    if (sentences === DOC_SENTENCES) {
      end = match.index + 1;
      break;
    }
  }
  const doc = text.slice(0, end);
  if (doc.length <= DOC_MAX) return doc;
  const cut = doc.slice(0, DOC_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > DOC_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** The plain-data description of one shape. */
function describeShape(shapes, name) {
  const shape = shapeOf(shapes, name);
  switch (shape.type) {
    case 'structure': {
      const required = new Set(shape.required ?? []);
      const members = {};
      for (const [member, ref] of Object.entries(shape.members)) {
        const entry = {
          shape: ref.shape,
          required: required.has(member),
          doc: shortDoc(ref.documentation ?? shapes[ref.shape].documentation),
        };
        if (ref.deprecated || shapes[ref.shape].deprecated) entry.deprecated = true;
        members[member] = entry;
      }
      return { type: 'structure', members };
    }
    case 'list':
      return { type: 'list', member: shape.member.shape };
    case 'map':
      return { type: 'map', key: shape.key.shape, value: shape.value.shape };
    case 'string':
      return shape.enum ? { type: 'string', enum: shape.enum } : { type: 'string' };
    case 'integer':
    case 'long':
    case 'boolean':
    case 'double':
    case 'float':
    case 'timestamp':
      return { type: shape.type };
    default:
      throw new Error(`shape ${name} has unsupported type ${shape.type}`);
  }
}

// Timestamps are ISO strings or epoch seconds in what people paste; the root is TaskDefinitionInput.
const ZOD = {
  timestamp: 'z.union([z.iso.datetime(), z.number()])',
  structure: (name) => (name === ROOT ? ROOT_SCHEMA : `${PREFIX}${name}`),
};
const zodOf = (shapes, name) => zodOfShape(shapes, name, ZOD);

const HEADER = [
  "// RegisterTaskDefinition's input as the task-definition studio edits it. TASK_DEFINITION_SHAPES",
  '// describes RegisterTaskDefinitionRequest and every shape it reaches (docs cut to their first',
  '// sentences) for editors; the zod schemas check types and the members the model requires, keep',
  '// members the model does not know (an editor never drops what a user wrote), and take enums as',
  "// strings (AWS adds values). Length limits and patterns are the lint rules' business.",
];

const TYPES = `/** One member of a structure in the model. */
export interface RegisterModelMember {
  /** The name of the member's shape in TASK_DEFINITION_SHAPES. */
  readonly shape: string;
  readonly required: boolean;
  /** The model's documentation, tags stripped, cut to its first sentences. */
  readonly doc: string;
  readonly deprecated?: true;
}

/** One shape of the model, as plain data. */
export type RegisterModelShape =
  | { readonly type: 'structure'; readonly members: Readonly<Record<string, RegisterModelMember>> }
  | { readonly type: 'list'; readonly member: string }
  | { readonly type: 'map'; readonly key: string; readonly value: string }
  | { readonly type: 'string'; readonly enum?: readonly string[] }
  | { readonly type: 'integer' | 'long' | 'boolean' | 'double' | 'float' | 'timestamp' };
`;

export function render(model) {
  const shapes = model.shapes;
  const lines = [
    '// Generated by packages/shared/scripts/generate-ecs-register-model.mjs from the ECS service',
    `// model (botocore data/ecs/${model.metadata.apiVersion}/service-2.json). Do not edit: run the script.`,
    '//',
    ...HEADER,
    "import { z } from 'zod';",
    '',
    TYPES,
    `export const TASK_DEFINITION_ROOT = ${JSON.stringify(ROOT)};`,
    '',
    '/** RegisterTaskDefinitionRequest and every shape it reaches, by name. */',
    'export const TASK_DEFINITION_SHAPES: Readonly<Record<string, RegisterModelShape>> = {',
  ];
  for (const name of reachableShapes(shapes, ROOT)) {
    lines.push(`  ${JSON.stringify(name)}: ${JSON.stringify(describeShape(shapes, name))},`);
  }
  lines.push('};', '');
  for (const name of structuresInOrder(shapes, ROOT)) {
    const shape = shapes[name];
    const required = new Set(shape.required ?? []);
    const schema = zodOf(shapes, name);
    if (name === ROOT) lines.push('/** The whole RegisterTaskDefinition input. */');
    lines.push(`export const ${schema} = z.looseObject({`);
    for (const [member, ref] of Object.entries(shape.members)) {
      const optional = required.has(member) ? '' : '.optional()';
      lines.push(
        `  ${member}: ${zodOf(shapes, ref.shape)}${optional},${enumNote(shapes, ref.shape)}`,
      );
    }
    lines.push('});');
    lines.push(`export type ${schema} = z.infer<typeof ${schema}>;`);
    lines.push('');
  }
  return lines.join('\n');
}

async function format(source) {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(OUTPUT)) ?? {};
  return prettier.format(source, { ...options, filepath: OUTPUT });
}

async function main(argv) {
  const check = argv.includes('--check');
  const modelIndex = argv.indexOf('--model');
  const modelFile = modelIndex >= 0 ? argv[modelIndex + 1] : botocoreModelPath();
  if (!modelFile) {
    process.stderr.write(
      'No ECS model: install botocore (pip install botocore) or pass --model.\n',
    );
    return 2;
  }
  const output = await format(render(readModel(modelFile)));
  if (check) {
    const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
    if (current === output) return 0;
    process.stderr.write(
      `${OUTPUT} is out of date with ${modelFile}: run ${argv[1] ?? 'the generator'}.\n`,
    );
    return 1;
  }
  writeFileSync(OUTPUT, output);
  process.stdout.write(`wrote ${OUTPUT}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv);
}
