import {
  DeleteTaskDefinitionsCommand,
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  ECSServiceException,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  paginateListTaskDefinitionFamilies,
  paginateListTaskDefinitions,
  type RegisterTaskDefinitionCommandInput,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawCall, startSimulator } from '../../testing/sim-client.js';
import type { Simulator } from '../../simulator.js';
import { resolveTaskDefinition } from './task-definitions.js';
import type { TaskDefinitionInput } from './taskdef-model.js';
import { RULE_CASES, ec2, fargate } from './taskdef-test-cases.js';

let simulator: Simulator;
let ecs: Awaited<ReturnType<typeof startSimulator>>['ecs'];

beforeAll(async () => {
  ({ simulator, ecs } = await startSimulator({ scenario: 'empty' }));
});
afterAll(() => simulator.stop());

const ACCOUNT = '000000000000';
const arnOf = (reference: string, region = 'us-east-1') =>
  `arn:aws:ecs:${region}:${ACCOUNT}:task-definition/${reference}`;

async function register(input: TaskDefinitionInput, region = 'us-east-1') {
  const output = await ecs(region).send(
    new RegisterTaskDefinitionCommand(input as RegisterTaskDefinitionCommandInput),
  );
  if (!output.taskDefinition) throw new Error('RegisterTaskDefinition returned no taskDefinition');
  return { ...output, taskDefinition: output.taskDefinition };
}

async function describeTd(reference: string, region = 'us-east-1') {
  return ecs(region).send(new DescribeTaskDefinitionCommand({ taskDefinition: reference }));
}

async function awsError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ECSServiceException);
  return error as ECSServiceException;
}

/** The fields DescribeTaskDefinition adds that RegisterTaskDefinition does not take. */
function registerInputOf(described: TaskDefinition): RegisterTaskDefinitionCommandInput {
  const {
    taskDefinitionArn: _arn,
    revision: _revision,
    status: _status,
    requiresAttributes: _attributes,
    compatibilities: _compatibilities,
    registeredAt: _registeredAt,
    registeredBy: _registeredBy,
    deregisteredAt: _deregisteredAt,
    deleteRequestedAt: _deleteRequestedAt,
    ...input
  } = described;
  return {
    ...input,
    family: input.family ?? '',
    containerDefinitions: input.containerDefinitions ?? [],
  };
}

describe('RegisterTaskDefinition and DescribeTaskDefinition over the wire (real SDK)', () => {
  it('registers a Fargate definition and describes it normalised, as ECS does', async () => {
    const before = Date.now();
    const registered = await register(
      fargate({
        family: 'api-units',
        cpu: '1 vCPU',
        memory: '2 GB',
        tags: [{ key: 'team', value: 'checkout' }],
      }),
    );
    expect(registered.tags).toEqual([{ key: 'team', value: 'checkout' }]);
    const { taskDefinition } = await describeTd('api-units');
    expect(taskDefinition).toEqual(registered.taskDefinition);
    expect(taskDefinition).toMatchObject({
      taskDefinitionArn: arnOf('api-units:1'),
      family: 'api-units',
      revision: 1,
      status: 'ACTIVE',
      networkMode: 'awsvpc',
      cpu: '1024',
      memory: '2048',
      requiresCompatibilities: ['FARGATE'],
      compatibilities: ['EC2', 'FARGATE'],
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
      registeredBy: `arn:aws:iam::${ACCOUNT}:root`,
      volumes: [],
      placementConstraints: [],
      containerDefinitions: [
        {
          name: 'app',
          image: 'public.ecr.aws/nginx/nginx:1.27',
          cpu: 0,
          essential: true,
          portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
          environment: [],
          mountPoints: [],
          volumesFrom: [],
        },
      ],
    });
    expect(taskDefinition?.requiresAttributes?.map((a) => a.name)).toEqual(
      expect.arrayContaining(['ecs.capability.task-eni', 'ecs.capability.execution-role-awslogs']),
    );
    const registeredAt = taskDefinition?.registeredAt?.getTime() ?? 0;
    expect(registeredAt).toBeGreaterThanOrEqual(before - 1000);
    expect(registeredAt).toBeLessThanOrEqual(Date.now() + 1000);
    expect(taskDefinition?.deregisteredAt).toBeUndefined();
  });

  it('describes bridge definitions with dynamic host ports and EXTERNAL compatibility', async () => {
    const { taskDefinition } = await register(ec2({ family: 'web-bridge' }));
    expect(taskDefinition.networkMode).toBeUndefined();
    expect(taskDefinition.compatibilities).toEqual(['EXTERNAL', 'EC2']);
    expect(taskDefinition.requiresCompatibilities).toBeUndefined();
    expect(taskDefinition.containerDefinitions?.[0]?.portMappings).toEqual([
      { containerPort: 80, hostPort: 0, protocol: 'tcp' },
    ]);
  });

  it('numbers revisions per family and resolves family, family:revision and ARN', async () => {
    const revisions = [];
    for (let i = 0; i < 3; i += 1) {
      const { taskDefinition } = await register(
        ec2({ family: 'counter' }, { image: `nginx:1.${i}` }),
      );
      revisions.push(taskDefinition.revision);
    }
    const other = await register(ec2({ family: 'counter-other' }));
    expect(revisions).toEqual([1, 2, 3]);
    expect(other.taskDefinition.revision).toBe(1);
    expect((await describeTd('counter')).taskDefinition?.revision).toBe(3);
    expect((await describeTd('counter:2')).taskDefinition?.containerDefinitions?.[0]?.image).toBe(
      'nginx:1.1',
    );
    expect((await describeTd(arnOf('counter:1'))).taskDefinition?.revision).toBe(1);
  });

  it('returns tags only when asked with include TAGS', async () => {
    await register(ec2({ family: 'tagged', tags: [{ key: 'env', value: 'prod' }] }));
    expect((await describeTd('tagged')).tags).toBeUndefined();
    const withTags = await ecs().send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'tagged', include: ['TAGS'] }),
    );
    expect(withTags.tags).toEqual([{ key: 'env', value: 'prod' }]);
  });

  it('registers a described definition again without changing it (round trip)', async () => {
    const first = await register(
      fargate(
        { family: 'round-trip', cpu: '0.5 vCPU', memory: '1 GB', volumes: [{ name: 'scratch' }] },
        {
          mountPoints: [{ sourceVolume: 'scratch', containerPath: '/tmp/scratch' }],
          healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/health'] },
          secrets: [{ name: 'DB_PASSWORD', valueFrom: '/prod/db/password' }],
        },
      ),
    );
    const described = (await describeTd('round-trip:1')).taskDefinition;
    if (!described) throw new Error('no taskDefinition');
    const second = await register(registerInputOf(described) as TaskDefinitionInput);
    expect(second.taskDefinition.revision).toBe(2);
    expect(registerInputOf(second.taskDefinition)).toEqual(registerInputOf(first.taskDefinition));
    expect(second.taskDefinition.containerDefinitions?.[0]?.healthCheck).toEqual({
      command: ['CMD-SHELL', 'curl -f http://localhost:8080/health'],
      interval: 30,
      timeout: 5,
      retries: 3,
    });
    expect(second.taskDefinition.volumes).toEqual([{ name: 'scratch', host: {} }]);
  });

  it('answers ClientException for a task definition that does not exist', async () => {
    for (const reference of ['ghost', 'ghost:1', arnOf('ghost:1')]) {
      const error = await awsError(describeTd(reference));
      expect(error.name).toBe('ClientException');
      expect(error.message).toBe('Unable to describe task definition.');
    }
  });
});

describe('RegisterTaskDefinition validation over the wire', () => {
  it.each(RULE_CASES)('$rule', async ({ input, message }) => {
    const error = await awsError(register(input));
    expect(error.name).toBe('ClientException');
    expect(error.message).toBe(message);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses more than 50 tags and the aws: prefix with InvalidParameterException', async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    const tooMany = await awsError(register(ec2({ family: 'tags', tags: many })));
    expect(tooMany.name).toBe('InvalidParameterException');
    const reserved = await awsError(
      register(
        ec2({ family: 'tags', tags: [{ key: 'aws:cloudformation:stack-name', value: 'x' }] }),
      ),
    );
    expect(reserved.name).toBe('InvalidParameterException');
  });

  it('refuses a wrongly typed member with SerializationException before any rule', async () => {
    const response = await rawCall(
      simulator.endpoint,
      'AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition',
      JSON.stringify({
        family: 'bad types',
        containerDefinitions: [
          { name: 'app', image: 'nginx', portMappings: [{ containerPort: '80' }] },
        ],
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      __type: 'SerializationException',
      message: 'Expected an integer for containerPort',
    });
  });
});

describe('DeregisterTaskDefinition', () => {
  it('marks a revision INACTIVE and family lookups skip it', async () => {
    await register(ec2({ family: 'retire' }));
    await register(ec2({ family: 'retire' }));
    const { taskDefinition } = await ecs().send(
      new DeregisterTaskDefinitionCommand({ taskDefinition: 'retire:2' }),
    );
    expect(taskDefinition?.status).toBe('INACTIVE');
    expect(taskDefinition?.deregisteredAt).toBeInstanceOf(Date);
    expect((await describeTd('retire')).taskDefinition?.revision).toBe(1);
    expect((await describeTd('retire:2')).taskDefinition?.status).toBe('INACTIVE');
    const state = simulator.world.region('us-east-1');
    expect(resolveTaskDefinition(state, 'retire')?.revision).toBe(1);

    await ecs().send(new DeregisterTaskDefinitionCommand({ taskDefinition: arnOf('retire:1') }));
    expect(resolveTaskDefinition(state, 'retire')).toBeUndefined();
    const gone = await awsError(describeTd('retire'));
    expect(gone.message).toBe('Unable to describe task definition.');
  });

  it('needs a revision and an existing task definition', async () => {
    const bare = await awsError(
      ecs().send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'retire' })),
    );
    expect(bare.name).toBe('InvalidParameterException');
    const missing = await awsError(
      ecs().send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'retire:99' })),
    );
    expect(missing.name).toBe('ClientException');
  });
});

describe('ListTaskDefinitions', () => {
  const region = 'eu-west-3';

  beforeAll(async () => {
    // 3 families × 80 revisions; "web" sorts before "web-api", revision 10 after revision 9.
    for (const family of ['web-api', 'web', 'worker']) {
      for (let i = 0; i < 80; i += 1) await register(ec2({ family }), region);
    }
    await ecs(region).send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'worker:80' }));
  });

  const expected = (direction: 'ASC' | 'DESC') => {
    const arns = ['web', 'web-api', 'worker'].flatMap((family) =>
      Array.from({ length: 80 }, (_, i) => arnOf(`${family}:${i + 1}`, region)),
    );
    const active = arns.filter((arn) => !arn.endsWith('worker:80'));
    return direction === 'ASC' ? active : active.reverse();
  };

  it.each(['ASC', 'DESC'] as const)(
    'pages %s to the end in family, revision order',
    async (sort) => {
      const first = await ecs(region).send(new ListTaskDefinitionsCommand({ sort }));
      expect(first.taskDefinitionArns).toHaveLength(100);
      expect(first.nextToken).toBeTruthy();
      const all: string[] = [];
      for await (const page of paginateListTaskDefinitions(
        { client: ecs(region), pageSize: 100 },
        { sort },
      )) {
        all.push(...(page.taskDefinitionArns ?? []));
      }
      expect(all).toEqual(expected(sort));
    },
  );

  it('filters by family and status', async () => {
    const web = await ecs(region).send(
      new ListTaskDefinitionsCommand({ familyPrefix: 'web', sort: 'DESC', maxResults: 3 }),
    );
    expect(web.taskDefinitionArns).toEqual([
      arnOf('web:80', region),
      arnOf('web:79', region),
      arnOf('web:78', region),
    ]);
    const inactive = await ecs(region).send(new ListTaskDefinitionsCommand({ status: 'INACTIVE' }));
    expect(inactive).toMatchObject({ taskDefinitionArns: [arnOf('worker:80', region)] });
    expect(inactive.nextToken).toBeUndefined();
  });

  it('refuses maxResults above 100 and an unknown status', async () => {
    const big = await awsError(
      ecs(region).send(new ListTaskDefinitionsCommand({ maxResults: 101 })),
    );
    expect(big.name).toBe('InvalidParameterException');
    const response = await rawCall(
      simulator.endpoint,
      'AmazonEC2ContainerServiceV20141113.ListTaskDefinitions',
      '{"status":"DELETED"}',
    );
    expect(response.body.__type).toBe('InvalidParameterException');
  });
});

describe('ListTaskDefinitionFamilies', () => {
  const region = 'ap-south-1';

  beforeAll(async () => {
    for (let i = 0; i < 130; i += 1) {
      await register(ec2({ family: `svc-${String(i).padStart(3, '0')}` }), region);
    }
    await register(ec2({ family: 'batch-nightly' }), region);
    await ecs(region).send(
      new DeregisterTaskDefinitionCommand({ taskDefinition: 'batch-nightly:1' }),
    );
  });

  it('pages every family to the end', async () => {
    const all: string[] = [];
    for await (const page of paginateListTaskDefinitionFamilies(
      { client: ecs(region), pageSize: 50 },
      {},
    )) {
      all.push(...(page.families ?? []));
    }
    expect(all).toHaveLength(131);
    expect(all[0]).toBe('batch-nightly');
    expect(all.at(-1)).toBe('svc-129');
    expect(new Set(all).size).toBe(131);
  });

  it('filters by prefix and by whether a family has an ACTIVE revision', async () => {
    const client = ecs(region);
    const prefixed = await client.send(
      new ListTaskDefinitionFamiliesCommand({ familyPrefix: 'svc-12' }),
    );
    expect(prefixed.families).toEqual([
      'svc-120',
      'svc-121',
      'svc-122',
      'svc-123',
      'svc-124',
      'svc-125',
      'svc-126',
      'svc-127',
      'svc-128',
      'svc-129',
    ]);
    const inactive = await client.send(
      new ListTaskDefinitionFamiliesCommand({ status: 'INACTIVE' }),
    );
    expect(inactive.families).toEqual(['batch-nightly']);
    const active = await client.send(
      new ListTaskDefinitionFamiliesCommand({ status: 'ACTIVE', familyPrefix: 'b' }),
    );
    expect(active.families).toEqual([]);
  });
});

describe('DeleteTaskDefinitions', () => {
  it('deletes INACTIVE revisions and reports the rest as failures', async () => {
    await register(ec2({ family: 'doomed' }));
    await register(ec2({ family: 'doomed' }));
    await ecs().send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'doomed:1' }));
    const result = await ecs().send(
      new DeleteTaskDefinitionsCommand({
        taskDefinitions: [arnOf('doomed:1'), 'doomed:2', 'doomed:7', 'doomed'],
      }),
    );
    expect(result.taskDefinitions?.map((td) => [td.taskDefinitionArn, td.status])).toEqual([
      [arnOf('doomed:1'), 'DELETE_IN_PROGRESS'],
    ]);
    expect(result.taskDefinitions?.[0]?.deleteRequestedAt).toBeInstanceOf(Date);
    expect(result.failures).toEqual([
      {
        arn: 'doomed:2',
        reason:
          'The specified task definition is still in ACTIVE status. Please deregister the target and try again.',
      },
      {
        arn: 'doomed:7',
        reason:
          'The specified task definition does not exist. Specify a valid account, family, revision and try again.',
      },
      {
        arn: 'doomed',
        reason:
          'The specified task definition identifier is invalid. Specify a valid name or ARN and try again.',
      },
    ]);

    // Still listed, under its own status, and its family keeps counting revisions.
    const deleting = await ecs().send(
      new ListTaskDefinitionsCommand({ familyPrefix: 'doomed', status: 'DELETE_IN_PROGRESS' }),
    );
    expect(deleting.taskDefinitionArns).toEqual([arnOf('doomed:1')]);
    expect((await describeTd('doomed:1')).taskDefinition?.status).toBe('DELETE_IN_PROGRESS');
    await ecs().send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'doomed:2' }));
    await ecs().send(new DeleteTaskDefinitionsCommand({ taskDefinitions: ['doomed:2'] }));
    expect((await register(ec2({ family: 'doomed' }))).taskDefinition.revision).toBe(3);
  });

  it('takes 1 to 10 task definitions per call', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `doomed:${i + 1}`);
    const tooMany = await awsError(
      ecs().send(new DeleteTaskDefinitionsCommand({ taskDefinitions: eleven })),
    );
    expect(tooMany.name).toBe('InvalidParameterException');
    const none = await awsError(
      ecs().send(new DeleteTaskDefinitionsCommand({ taskDefinitions: [] })),
    );
    expect(none.name).toBe('InvalidParameterException');
    const ten = await ecs().send(
      new DeleteTaskDefinitionsCommand({ taskDefinitions: eleven.slice(0, 10) }),
    );
    expect((ten.taskDefinitions?.length ?? 0) + (ten.failures?.length ?? 0)).toBe(10);
  });
});
