import {
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  type DescribeTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { TaskDefinitionResponse } from '@deckhand/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sdkTaskDefinition, taskDefinitionArn } from '../../testing/ecs-sdk-fixtures.js';
import { createTaskDefinitionsService, DESCRIBED_REVISIONS } from './task-definitions.service.js';
import { mockedAwsLayer } from '../../testing/mocked-aws.js';

const ecsMock = mockClient(ECSClient);

function reads(ttlMs = 0) {
  return mockedAwsLayer(ttlMs).ecs;
}

const unknownRevision = () =>
  Object.assign(new Error('Unable to describe task definition.'), { name: 'ClientException' });

beforeEach(() => ecsMock.reset());
afterEach(() => ecsMock.reset());

describe('task definition families', () => {
  it('lists every family to the end and counts ACTIVE revisions', async () => {
    const families = Array.from({ length: 130 }, (_, i) => `fam-${String(i).padStart(3, '0')}`);
    ecsMock
      .on(ListTaskDefinitionFamiliesCommand, { nextToken: undefined })
      .resolves({ families: families.slice(0, 100), nextToken: 'f2' })
      .on(ListTaskDefinitionFamiliesCommand, { nextToken: 'f2' })
      .resolves({ families: families.slice(100) });
    ecsMock
      .on(ListTaskDefinitionsCommand, { nextToken: undefined })
      .resolves({
        taskDefinitionArns: ['fam-000:1', 'fam-000:2'].map(taskDefinitionArn),
        nextToken: 'd2',
      })
      .on(ListTaskDefinitionsCommand, { nextToken: 'd2' })
      .resolves({ taskDefinitionArns: ['fam-129:4'].map(taskDefinitionArn) });

    const answer = await createTaskDefinitionsService(reads()).listFamilies('us-east-1');

    expect(answer.families).toHaveLength(130);
    expect(answer.families[0]).toEqual({ name: 'fam-000', latestRevision: 2, activeRevisions: 2 });
    expect(answer.families[1]).toEqual({ name: 'fam-001', activeRevisions: 0 });
    expect(answer.families[129]).toEqual({
      name: 'fam-129',
      latestRevision: 4,
      activeRevisions: 1,
    });
    const familyCalls = ecsMock.commandCalls(ListTaskDefinitionFamiliesCommand);
    expect(familyCalls.map((call) => call.args[0].input)).toEqual([
      { status: 'ALL', maxResults: 100, nextToken: undefined },
      { status: 'ALL', maxResults: 100, nextToken: 'f2' },
    ]);
    expect(ecsMock.commandCalls(ListTaskDefinitionsCommand)[0]?.args[0].input).toMatchObject({
      status: 'ACTIVE',
      maxResults: 100,
    });
  });
});

describe('task definition revisions', () => {
  it('lists every status of the family and describes only the newest', async () => {
    const active = Array.from({ length: 25 }, (_, i) => taskDefinitionArn(`web:${30 - i}`));
    ecsMock
      .on(ListTaskDefinitionsCommand, { status: 'ACTIVE' })
      .resolves({ taskDefinitionArns: active });
    ecsMock
      .on(ListTaskDefinitionsCommand, { status: 'INACTIVE' })
      .resolves({ taskDefinitionArns: ['web:2', 'web:1'].map(taskDefinitionArn) });
    ecsMock
      .on(ListTaskDefinitionsCommand, { status: 'DELETE_IN_PROGRESS' })
      .resolves({ taskDefinitionArns: [] });
    ecsMock
      .on(DescribeTaskDefinitionCommand)
      .callsFake((input: DescribeTaskDefinitionCommandInput) => ({
        taskDefinition: sdkTaskDefinition({
          taskDefinitionArn: input.taskDefinition,
          registeredAt: new Date('2026-11-01T00:00:00Z'),
        }),
      }));

    const { revisions } = await createTaskDefinitionsService(reads()).listRevisions(
      'us-east-1',
      'web',
    );

    expect(revisions.map((r) => r.revision)).toEqual([
      ...Array.from({ length: 25 }, (_, i) => 30 - i),
      2,
      1,
    ]);
    expect(revisions.at(-1)).toEqual({
      revision: 1,
      status: 'INACTIVE',
      arn: taskDefinitionArn('web:1'),
    });
    expect(revisions[0]?.registeredAt).toBe('2026-11-01T00:00:00.000Z');
    expect(revisions.filter((r) => r.registeredAt)).toHaveLength(DESCRIBED_REVISIONS);
    const described = ecsMock.commandCalls(DescribeTaskDefinitionCommand);
    expect(described).toHaveLength(DESCRIBED_REVISIONS);
    expect(described[0]?.args[0].input.taskDefinition).toBe(taskDefinitionArn('web:30'));
    const lists = ecsMock
      .commandCalls(ListTaskDefinitionsCommand)
      .map((call) => call.args[0].input);
    expect(lists.map((input) => input.status).sort()).toEqual([
      'ACTIVE',
      'DELETE_IN_PROGRESS',
      'INACTIVE',
    ]);
    expect(lists.every((input) => input.familyPrefix === 'web' && input.sort === 'DESC')).toBe(
      true,
    );
  });

  it('answers 404 for a family without revisions', async () => {
    ecsMock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [] });
    const error = await createTaskDefinitionsService(reads())
      .listRevisions('us-east-1', 'ghost')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('one task definition revision', () => {
  it('returns the registered shape and its tags, secrets as references only', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: sdkTaskDefinition(),
      tags: [{ key: 'team', value: 'checkout' }],
    });
    const answer = await createTaskDefinitionsService(reads()).getRevision(
      'us-east-1',
      'checkout',
      12,
    );
    const body = TaskDefinitionResponse.parse(answer);
    expect(body.taskDefinition).toMatchObject({ family: 'checkout', revision: 12 });
    expect(body.tags).toEqual([{ key: 'team', value: 'checkout' }]);
    expect(body.taskDefinition.containerDefinitions?.[0]?.secrets?.[0]).toEqual({
      name: 'DB_PASSWORD',
      valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf',
    });
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)[0]?.args[0].input).toEqual({
      taskDefinition: 'checkout:12',
      include: ['TAGS'],
    });
  });

  it('keeps a revision long: concurrent and later requests make one call', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: sdkTaskDefinition() });
    const service = createTaskDefinitionsService(reads(0));
    await Promise.all(
      Array.from({ length: 5 }, () => service.getRevision('us-east-1', 'checkout', 12)),
    );
    await service.getRevision('us-east-1', 'checkout', 12);
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(1);
  });

  it('answers 404 for a revision ECS does not know (a ClientException on the wire)', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).rejects(unknownRevision());
    const error = await createTaskDefinitionsService(reads())
      .getRevision('us-east-1', 'checkout', 99)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    expect((error as Error).message).toBe(
      'Task definition checkout:99 was not found in us-east-1.',
    );
  });

  it('keeps other client errors as 400', async () => {
    ecsMock
      .on(DescribeTaskDefinitionCommand)
      .rejects(Object.assign(new Error('Invalid revision number.'), { name: 'ClientException' }));
    const error = await createTaskDefinitionsService(reads())
      .getRevision('us-east-1', 'checkout', 1)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'bad_request' });
  });
});
