import {
  CreateClusterCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  paginateListTasks,
  RunTaskCommand,
  StartTaskCommand,
  StopTaskCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeDefinition, fargateDefinition } from '../../testing/fleet-builders.js';
import { awsError, startFleet, type Fleet } from '../../testing/ecs-fixtures.js';

let fleet: Fleet;
let small: string;

beforeAll(async () => {
  fleet = await startFleet('tasks');
  small = fleet.taskDefinition(
    bridgeDefinition(
      { family: 'job' },
      { name: 'job', cpu: 0, memoryReservation: 16, portMappings: [] },
    ),
  );
});
afterAll(() => fleet.simulator.stop());

describe('RunTask', () => {
  it('starts up to 10 tasks and refuses more', async () => {
    const { tasks = [], failures } = await fleet.client.send(
      new RunTaskCommand({
        cluster: 'tasks',
        taskDefinition: small,
        count: 3,
        startedBy: 'ci-job-42',
      }),
    );
    expect(failures).toEqual([]);
    expect(tasks).toHaveLength(3);
    expect(tasks[0]).toMatchObject({
      lastStatus: 'PROVISIONING',
      desiredStatus: 'RUNNING',
      launchType: 'EC2',
      group: 'family:job',
      startedBy: 'ci-job-42',
      taskDefinitionArn: small,
      containers: [{ name: 'job', lastStatus: 'PENDING', memoryReservation: '16' }],
    });
    expect(tasks[0]?.taskArn).toMatch(
      /^arn:aws:ecs:us-east-1:000000000000:task\/tasks\/[0-9a-f]{32}$/,
    );
    const eleven = await awsError(
      fleet.client.send(new RunTaskCommand({ cluster: 'tasks', taskDefinition: small, count: 11 })),
    );
    expect(eleven.name).toBe('InvalidParameterException');
  });

  it('reports what does not fit in failures: RESOURCE:MEMORY, RESOURCE:PORTS', async () => {
    const huge = fleet.taskDefinition(
      bridgeDefinition({ family: 'huge' }, { memoryReservation: 8000 }),
    );
    const memory = await fleet.client.send(
      new RunTaskCommand({ cluster: 'tasks', taskDefinition: huge }),
    );
    expect(memory.tasks).toEqual([]);
    // One failure per instance considered, in ARN order.
    expect(memory.failures).toEqual(
      [...fleet.instanceArns].sort().map((arn) => ({ arn, reason: 'RESOURCE:MEMORY' })),
    );
    const fixed = fleet.taskDefinition(
      bridgeDefinition(
        { family: 'fixed' },
        { portMappings: [{ containerPort: 80, hostPort: 8080 }] },
      ),
    );
    const ports = await fleet.client.send(
      new RunTaskCommand({ cluster: 'tasks', taskDefinition: fixed, count: 4 }),
    );
    expect(ports.tasks).toHaveLength(3);
    expect(new Set(ports.tasks?.map((t) => t.containerInstanceArn)).size).toBe(3);
    expect(ports.failures?.map((f) => f.reason)).toEqual([
      'RESOURCE:PORTS',
      'RESOURCE:PORTS',
      'RESOURCE:PORTS',
    ]);
  });

  it('is idempotent for a reused clientToken, and refuses it with other parameters', async () => {
    const input = { cluster: 'tasks', taskDefinition: small, count: 2, clientToken: 'run-7f3a' };
    const first = await fleet.client.send(new RunTaskCommand(input));
    const again = await fleet.client.send(new RunTaskCommand(input));
    expect(again.tasks?.map((t) => t.taskArn)).toEqual(first.tasks?.map((t) => t.taskArn));
    const conflict = await awsError(fleet.client.send(new RunTaskCommand({ ...input, count: 1 })));
    expect(conflict.name).toBe('ConflictException');
    const long = await awsError(
      fleet.client.send(new RunTaskCommand({ ...input, clientToken: 'x'.repeat(65) })),
    );
    expect(long.name).toBe('InvalidParameterException');
  });

  it('gives Fargate tasks an ENI and no container instance', async () => {
    const api = fleet.taskDefinition(fargateDefinition());
    await fleet.client.send(
      new CreateClusterCommand({ clusterName: 'serverless', capacityProviders: ['FARGATE'] }),
    );
    const refused = await awsError(
      fleet.client.send(
        new RunTaskCommand({ cluster: 'serverless', taskDefinition: api, launchType: 'FARGATE' }),
      ),
    );
    expect(refused.message).toBe(
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    );
    const { tasks = [] } = await fleet.client.send(
      new RunTaskCommand({
        cluster: 'serverless',
        taskDefinition: api,
        launchType: 'FARGATE',
        networkConfiguration: {
          awsvpcConfiguration: { subnets: ['subnet-0abc'], securityGroups: ['sg-1'] },
        },
      }),
    );
    const [task] = tasks;
    expect(task).toMatchObject({
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      cpu: '256',
      memory: '512',
      attachments: [{ type: 'ElasticNetworkInterface', status: 'PRECREATED' }],
    });
    expect(task?.containerInstanceArn).toBeUndefined();
    const details = Object.fromEntries(
      task?.attachments?.[0]?.details?.map((d) => [d.name, d.value]) ?? [],
    );
    expect(details).toMatchObject({
      subnetId: 'subnet-0abc',
      networkInterfaceId: expect.stringMatching(/^eni-0[0-9a-f]{16}$/),
    });
    expect(task?.containers?.[0]?.networkInterfaces?.[0]?.privateIpv4Address).toBe(
      details.privateIPv4Address,
    );
    const noInstances = await awsError(
      fleet.client.send(
        new RunTaskCommand({ cluster: 'serverless', taskDefinition: small, launchType: 'EC2' }),
      ),
    );
    expect(noInstances.message).toBe('No Container Instances were found in your cluster.');
  });
});

describe('StartTask and StopTask', () => {
  it('starts a task on the instance named, and reports unknown instances as MISSING', async () => {
    const [target = ''] = fleet.instanceArns;
    const { tasks = [], failures } = await fleet.client.send(
      new StartTaskCommand({
        cluster: 'tasks',
        taskDefinition: small,
        containerInstances: [target, 'deadbeef'],
      }),
    );
    expect(tasks.map((t) => t.containerInstanceArn)).toEqual([target]);
    expect(failures).toEqual([{ arn: 'deadbeef', reason: 'MISSING' }]);
  });

  it('stops a task: STOPPED with stopCode UserInitiated, listed as STOPPED', async () => {
    const { tasks: [task] = [] } = await fleet.client.send(
      new RunTaskCommand({ cluster: 'tasks', taskDefinition: small }),
    );
    const taskArn = task?.taskArn ?? '';
    await fleet.advanceUntil(async () => {
      const { tasks = [] } = await fleet.client.send(
        new DescribeTasksCommand({ cluster: 'tasks', tasks: [taskArn] }),
      );
      expect(tasks[0]?.lastStatus).toBe('RUNNING');
    });
    const stopped = await fleet.client.send(
      new StopTaskCommand({
        cluster: 'tasks',
        task: taskArn.split('/').pop(),
        reason: 'Scaled in by ops',
      }),
    );
    expect(stopped.task).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'UserInitiated' });
    await fleet.advanceUntil(async () => {
      const { tasks = [] } = await fleet.client.send(
        new DescribeTasksCommand({ cluster: 'tasks', tasks: [taskArn] }),
      );
      expect(tasks[0]).toMatchObject({
        lastStatus: 'STOPPED',
        stopCode: 'UserInitiated',
        stoppedReason: 'Scaled in by ops',
        containers: [{ lastStatus: 'STOPPED', exitCode: 0 }],
      });
      expect(tasks[0]?.stoppedAt).toBeInstanceOf(Date);
      expect(tasks[0]?.stoppingAt).toBeInstanceOf(Date);
    });
    const running = await fleet.client.send(
      new ListTasksCommand({ cluster: 'tasks', maxResults: 100 }),
    );
    expect(running.taskArns).not.toContain(taskArn);
    const gone = await fleet.client.send(
      new ListTasksCommand({ cluster: 'tasks', desiredStatus: 'STOPPED', maxResults: 100 }),
    );
    expect(gone.taskArns).toContain(taskArn);
    const missing = await awsError(
      fleet.client.send(new StopTaskCommand({ cluster: 'tasks', task: 'nope' })),
    );
    expect(missing.message).toBe('The referenced task was not found.');
  });
});

describe('ListTasks and DescribeTasks', () => {
  it('pages 100 at a time to the end, and describes at most 100 tasks per call', async () => {
    for (let i = 0; i < 11; i += 1)
      await fleet.client.send(
        new RunTaskCommand({ cluster: 'tasks', taskDefinition: small, count: 10 }),
      );
    const first = await fleet.client.send(new ListTasksCommand({ cluster: 'tasks' }));
    expect(first.taskArns).toHaveLength(100);
    expect(first.nextToken).toBeTruthy();
    const all: string[] = [];
    for await (const page of paginateListTasks(
      { client: fleet.client, pageSize: 100 },
      { cluster: 'tasks' },
    ))
      all.push(...(page.taskArns ?? []));
    expect(all.length).toBeGreaterThan(110);
    expect(new Set(all).size).toBe(all.length);
    const tooMany = await awsError(
      fleet.client.send(new DescribeTasksCommand({ cluster: 'tasks', tasks: all.slice(0, 101) })),
    );
    expect(tooMany.name).toBe('InvalidParameterException');
    const hundred = await fleet.client.send(
      new DescribeTasksCommand({ cluster: 'tasks', tasks: all.slice(0, 100) }),
    );
    expect(hundred.tasks).toHaveLength(100);
    const over = await awsError(
      fleet.client.send(new ListTasksCommand({ cluster: 'tasks', maxResults: 101 })),
    );
    expect(over.name).toBe('InvalidParameterException');
  });

  it('filters by family, startedBy, container instance and launch type', async () => {
    const list = async (filter: Record<string, string>) =>
      (
        await fleet.client.send(
          new ListTasksCommand({ cluster: 'tasks', maxResults: 100, ...filter }),
        )
      ).taskArns ?? [];
    expect(await list({ startedBy: 'ci-job-42' })).toHaveLength(3);
    expect((await list({ family: 'fixed' })).length).toBe(3);
    const [instance = ''] = fleet.instanceArns;
    const onInstance = await list({ containerInstance: instance.split('/').pop() ?? '' });
    const { tasks = [] } = await fleet.client.send(
      new DescribeTasksCommand({ cluster: 'tasks', tasks: onInstance.slice(0, 100) }),
    );
    expect(tasks.every((t) => t.containerInstanceArn === instance)).toBe(true);
    expect(await list({ launchType: 'FARGATE' })).toEqual([]);
    const mixed = await awsError(
      fleet.client.send(
        new ListTasksCommand({ cluster: 'tasks', startedBy: 'ci-job-42', family: 'job' }),
      ),
    );
    expect(mixed.name).toBe('InvalidParameterException');
    const noService = await awsError(
      fleet.client.send(new ListTasksCommand({ cluster: 'tasks', serviceName: 'ghost' })),
    );
    expect(noService.name).toBe('ServiceNotFoundException');
  });

  it('describes tags only when asked, and reports unknown tasks as MISSING', async () => {
    const { tasks: [task] = [] } = await fleet.client.send(
      new RunTaskCommand({
        cluster: 'tasks',
        taskDefinition: small,
        tags: [{ key: 'job', value: 'nightly' }],
      }),
    );
    const arn = task?.taskArn ?? '';
    const plain = await fleet.client.send(
      new DescribeTasksCommand({ cluster: 'tasks', tasks: [arn, 'f'.repeat(32)] }),
    );
    expect(plain.tasks?.[0]?.tags).toBeUndefined();
    expect(plain.failures).toEqual([
      { arn: `arn:aws:ecs:us-east-1:000000000000:task/tasks/${'f'.repeat(32)}`, reason: 'MISSING' },
    ]);
    const tagged = await fleet.client.send(
      new DescribeTasksCommand({ cluster: 'tasks', tasks: [arn], include: ['TAGS'] }),
    );
    expect(tagged.tasks?.[0]?.tags).toEqual([{ key: 'job', value: 'nightly' }]);
  });
});
