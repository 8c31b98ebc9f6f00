import { TaskDefinitionResponse } from '@deckhand/shared';
import { describe, expect, it } from 'vitest';
import { sdkTaskDefinition, taskDefinitionArn } from '../../testing/ecs-sdk-fixtures.js';
import {
  parseRevisionArn,
  toFamilies,
  toRevisions,
  toTaskDefinitionDto,
} from './task-definitions.mapper.js';

describe('toTaskDefinitionDto', () => {
  it('keeps the AWS shape as registered, with ISO times', () => {
    const dto = toTaskDefinitionDto(sdkTaskDefinition());
    expect(dto).toMatchObject({
      family: 'checkout',
      revision: 12,
      networkMode: 'awsvpc',
      cpu: '256',
      registeredAt: '2026-11-25T16:30:00.000Z',
      requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
    });
    expect(dto.containerDefinitions?.[0]).toMatchObject({
      name: 'checkout',
      portMappings: [{ containerPort: 3000, hostPort: 3000, protocol: 'tcp', name: 'http' }],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/checkout' } },
    });
    expect(
      TaskDefinitionResponse.safeParse({
        taskDefinition: dto,
        tags: [],
        stale: false,
        asOf: '2026-11-26T10:00:00.000Z',
      }).success,
    ).toBe(true);
  });

  it('carries secrets and registry credentials as references only, whatever the SDK object holds', () => {
    const definition = sdkTaskDefinition();
    const container = definition.containerDefinitions?.[0];
    // A value smuggled into the objects (a future SDK field, a bug upstream) must not pass.
    Object.assign(container?.secrets?.[0] ?? {}, { value: 'hunter2' });
    Object.assign(container?.repositoryCredentials ?? {}, { password: 'hunter2' });
    Object.assign(definition, { somethingNew: 'x' });
    const dto = toTaskDefinitionDto(definition);
    expect(JSON.stringify(dto)).not.toContain('hunter2');
    expect(dto.containerDefinitions?.[0]?.secrets).toEqual([
      {
        name: 'DB_PASSWORD',
        valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf',
      },
    ]);
    expect(dto.containerDefinitions?.[0]?.repositoryCredentials).toEqual({
      credentialsParameter: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-1a2b3c',
    });
    expect('somethingNew' in dto).toBe(false);
  });

  it('tolerates an empty definition and drops nulls', () => {
    expect(toTaskDefinitionDto({})).toEqual({});
    const withNull = { family: 'x', cpu: null } as unknown as Parameters<
      typeof toTaskDefinitionDto
    >[0];
    expect(toTaskDefinitionDto(withNull)).toEqual({ family: 'x' });
  });
});

describe('families and revisions', () => {
  it('parses revision ARNs and refuses what is not one', () => {
    expect(parseRevisionArn(taskDefinitionArn('web-api:12'))).toEqual({
      family: 'web-api',
      revision: 12,
    });
    expect(parseRevisionArn(taskDefinitionArn('web'))).toBeUndefined();
    expect(parseRevisionArn('garbage')).toBeUndefined();
  });

  it('counts ACTIVE revisions per family and keeps families without any', () => {
    const families = toFamilies(
      ['web', 'api', 'retired', 'web'],
      ['web:1', 'web:3', 'api:7', 'web:2'].map(taskDefinitionArn),
    );
    expect(families).toEqual([
      { name: 'api', latestRevision: 7, activeRevisions: 1 },
      { name: 'retired', activeRevisions: 0 },
      { name: 'web', latestRevision: 3, activeRevisions: 3 },
    ]);
  });

  it('merges per-status lists newest first, only of the family asked for', () => {
    const revisions = toRevisions('web', [
      { status: 'ACTIVE', arns: ['web:3', 'web:4', 'web-api:9'].map(taskDefinitionArn) },
      { status: 'INACTIVE', arns: ['web:1', 'web:2'].map(taskDefinitionArn) },
      { status: 'DELETE_IN_PROGRESS', arns: [] },
    ]);
    expect(revisions.map((r) => [r.revision, r.status])).toEqual([
      [4, 'ACTIVE'],
      [3, 'ACTIVE'],
      [2, 'INACTIVE'],
      [1, 'INACTIVE'],
    ]);
    expect(revisions[0]?.arn).toBe(taskDefinitionArn('web:4'));
  });
});
