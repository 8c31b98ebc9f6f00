import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../protocol/errors.js';
import type { Input } from '../../protocol/input.js';
import { conformTaskDefinition } from './taskdef-conform.js';
import { TASK_DEFINITION_SHAPES, type MemberShape } from './taskdef-shapes.js';

function serializationMessage(input: Input): string {
  try {
    conformTaskDefinition(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).code).toBe('SerializationException');
    return (error as AwsError).message;
  }
  throw new Error('expected a SerializationException');
}

const container = (overrides: Input): Input => ({ name: 'app', image: 'nginx', ...overrides });

describe('conformTaskDefinition', () => {
  it.each([
    [
      'a string containerPort',
      container({ portMappings: [{ containerPort: '80' }] }),
      'containerPort',
    ],
    ['a string essential', container({ essential: 'yes' }), 'essential'],
    ['a fractional memory', container({ memory: 256.5 }), 'memory'],
    ['a string command', container({ command: 'npm start' }), 'command'],
    [
      'a numeric log option',
      container({
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-create-group': true } },
      }),
      'options',
    ],
    ['a list healthCheck', container({ healthCheck: ['CMD', 'true'] }), 'healthCheck'],
    [
      'a string exit code',
      container({ restartPolicy: { enabled: true, ignoredExitCodes: ['1'] } }),
      'ignoredExitCodes',
    ],
  ])('refuses %s with SerializationException', (_name, bad, field) => {
    expect(serializationMessage({ family: 'web', containerDefinitions: [bad] })).toContain(field);
  });

  it('refuses a numeric task cpu and a containerDefinitions object', () => {
    expect(serializationMessage({ family: 'web', cpu: 256, containerDefinitions: [] })).toBe(
      'Expected a string for cpu',
    );
    expect(serializationMessage({ family: 'web', containerDefinitions: container({}) })).toBe(
      'Expected a list of structures for containerDefinitions',
    );
  });

  it('drops nulls and members the model does not know, and keeps everything it does', () => {
    const conformed = conformTaskDefinition({
      family: 'web',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:000000000000:task-definition/web:3',
      revision: 3,
      networkMode: null,
      containerDefinitions: [
        container({
          memory: 128,
          ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }],
          dockerLabels: { tier: 'front', empty: null },
          restartPolicy: { enabled: true, ignoredExitCodes: [0, null, 137] },
          unknownField: 'x',
        }),
      ],
    });
    expect(conformed).toEqual({
      family: 'web',
      containerDefinitions: [
        {
          name: 'app',
          image: 'nginx',
          memory: 128,
          ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }],
          dockerLabels: { tier: 'front' },
          restartPolicy: { enabled: true, ignoredExitCodes: [0, 137] },
        },
      ],
    });
  });
});

/** Where botocore keeps its service models, when Python and botocore are installed. */
function botocoreEcsModel(): string | undefined {
  const result = spawnSync(
    'python3',
    ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) return undefined;
  const file = join(result.stdout.trim(), 'data', 'ecs', '2014-11-13', 'service-2.json.gz');
  return existsSync(file) ? file : undefined;
}

interface ModelShape {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  value?: { shape: string };
}

/** The same derivation that produced taskdef-shapes.ts. */
function deriveShapes(shapes: Record<string, ModelShape>) {
  const structures: Record<string, Record<string, MemberShape>> = {};
  const resolve = (name: string): MemberShape => {
    const shape = shapes[name];
    if (!shape) throw new Error(`model has no shape ${name}`);
    if (shape.type === 'string' || shape.type === 'integer' || shape.type === 'boolean') {
      return shape.type;
    }
    if (shape.type === 'list') return { list: resolve(shape.member?.shape ?? '') };
    if (shape.type === 'map') return { map: resolve(shape.value?.shape ?? '') };
    if (shape.type !== 'structure') throw new Error(`unexpected ${shape.type} in ${name}`);
    if (!(name in structures)) {
      structures[name] = {};
      for (const [member, target] of Object.entries(shape.members ?? {})) {
        (structures[name] ??= {})[member] = resolve(target.shape);
      }
    }
    return name;
  };
  resolve('RegisterTaskDefinitionRequest');
  return structures;
}

const modelFile = botocoreEcsModel();

describe('taskdef-shapes.ts', () => {
  it.skipIf(modelFile === undefined)('matches the ECS service model botocore ships', () => {
    const model = JSON.parse(gunzipSync(readFileSync(modelFile ?? '')).toString('utf8')) as {
      shapes: Record<string, ModelShape>;
    };
    expect(TASK_DEFINITION_SHAPES).toEqual(deriveShapes(model.shapes));
  });
});
