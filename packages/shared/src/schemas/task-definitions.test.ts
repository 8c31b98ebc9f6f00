import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EcsTaskDefinition, TaskDefinitionParams, TaskDefinitionResponse } from '../index.js';

const GENERATOR = fileURLToPath(new URL('../../scripts/generate-ecs-schemas.mjs', import.meta.url));

const hasBotocore =
  spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;

describe('generated ECS task definition schema', () => {
  it.skipIf(!hasBotocore)('matches the ECS service model botocore ships', () => {
    const check = spawnSync(process.execPath, [GENERATOR, '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('accepts a describe-task-definition answer and drops members the model does not define', () => {
    const parsed = EcsTaskDefinition.parse({
      family: 'web',
      revision: 3,
      registeredAt: '2026-11-25T16:30:00.000Z',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx:1.27',
          portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
          secrets: [
            { name: 'TOKEN', valueFrom: 'arn:aws:ssm:us-east-1:1:parameter/token', value: 'x' },
          ],
        },
      ],
      invented: true,
    });
    expect(parsed.containerDefinitions?.[0]?.secrets).toEqual([
      { name: 'TOKEN', valueFrom: 'arn:aws:ssm:us-east-1:1:parameter/token' },
    ]);
    expect('invented' in parsed).toBe(false);
  });

  it('refuses wrong types, as the API does', () => {
    expect(
      EcsTaskDefinition.safeParse({
        containerDefinitions: [{ portMappings: [{ containerPort: '80' }] }],
      }).success,
    ).toBe(false);
    expect(EcsTaskDefinition.safeParse({ registeredAt: 'yesterday' }).success).toBe(false);
    expect(
      TaskDefinitionResponse.safeParse({ taskDefinition: {}, tags: [], stale: false }).success,
    ).toBe(false);
  });

  it('parses route parameters', () => {
    expect(TaskDefinitionParams.parse({ family: 'web-api_2', revision: '12' })).toEqual({
      family: 'web-api_2',
      revision: 12,
    });
    for (const bad of [
      { family: 'web', revision: 'latest' },
      { family: 'web', revision: '0' },
      { family: 'web', revision: '1.5' },
      { family: 'we/b', revision: '1' },
      { family: 'x'.repeat(256), revision: '1' },
    ]) {
      expect(TaskDefinitionParams.safeParse(bad).success).toBe(false);
    }
  });
});
