import {
  DescribeContainerInstancesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListContainerInstancesCommand,
  ListTasksCommand,
  type DescribeTasksCommandInput,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  instanceArn,
  sdkBridgeTask,
  sdkContainerInstance,
  sdkFargateTask,
  sdkTaskDefinition,
  taskArn,
} from '../../testing/ecs-sdk-fixtures.js';
import { createTasksService } from './tasks.service.js';
import { mockedAwsLayer, awsError } from '../../testing/mocked-aws.js';

const ecsMock = mockClient(ECSClient);

function reads(ttlMs = 0) {
  return mockedAwsLayer(ttlMs).ecs;
}

const ids = Array.from({ length: 250 }, (_, i) => i.toString(16).padStart(32, '0'));
const arns = ids.map((id) => taskArn('prod-ec2', id));

function describeAsBridgeTasks() {
  ecsMock.on(DescribeTasksCommand).callsFake((input: DescribeTasksCommandInput) => ({
    tasks: (input.tasks ?? []).map((arn) => sdkBridgeTask({ taskArn: arn })),
    failures: [],
  }));
  ecsMock.on(ListContainerInstancesCommand).resolves({
    containerInstanceArns: [instanceArn('prod-ec2', 'a1b2c3d4e5f6478899aabbccddeeff00')],
  });
  ecsMock.on(DescribeContainerInstancesCommand).resolves({
    containerInstances: [sdkContainerInstance()],
  });
}

beforeEach(() => ecsMock.reset());
afterEach(() => ecsMock.reset());

describe('tasks service', () => {
  it('lists 250 tasks in pages of 100 and describes them by exactly 100', async () => {
    ecsMock
      .on(ListTasksCommand, { nextToken: undefined })
      .resolves({ taskArns: arns.slice(0, 100), nextToken: 'p2' })
      .on(ListTasksCommand, { nextToken: 'p2' })
      .resolves({ taskArns: arns.slice(100, 200), nextToken: 'p3' })
      .on(ListTasksCommand, { nextToken: 'p3' })
      .resolves({ taskArns: arns.slice(200) });
    describeAsBridgeTasks();

    const { tasks } = await createTasksService(reads()).listTasks('us-east-1', 'prod-ec2', {
      desiredStatus: 'RUNNING',
    });

    expect(tasks).toHaveLength(250);
    const lists = ecsMock.commandCalls(ListTasksCommand).map((call) => call.args[0].input);
    expect(lists).toHaveLength(3);
    expect(lists[0]).toEqual({
      cluster: 'prod-ec2',
      desiredStatus: 'RUNNING',
      maxResults: 100,
      nextToken: undefined,
    });
    const describes = ecsMock.commandCalls(DescribeTasksCommand).map((call) => call.args[0].input);
    expect(describes.map((input) => input.tasks?.length)).toEqual([100, 100, 50]);
    // The EC2 instance id comes from the (cached) instance list: one List, one Describe.
    expect(tasks[0]?.ec2InstanceId).toBe('i-0a1b2c3d4e5f67890');
    expect(ecsMock.commandCalls(DescribeContainerInstancesCommand)).toHaveLength(1);
    // Bridge tasks report their bindings: no task definition is read.
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(0);
  });

  it('asks ECS for one service’s stopped tasks rather than filtering the cluster’s', async () => {
    ecsMock.on(ListTasksCommand).resolves({ taskArns: arns.slice(0, 2) });
    describeAsBridgeTasks();
    await createTasksService(reads()).listTasks('us-east-1', 'prod-ec2', {
      service: 'web',
      desiredStatus: 'STOPPED',
    });
    expect(ecsMock.commandCalls(ListTasksCommand)[0]?.args[0].input).toMatchObject({
      cluster: 'prod-ec2',
      serviceName: 'web',
      desiredStatus: 'STOPPED',
      maxResults: 100,
    });
  });

  it('reads each awsvpc revision once, and keeps it across requests', async () => {
    const fargate = ['f1', 'f2', 'f3'].map((id) => taskArn('prod-fargate', id));
    ecsMock.on(ListTasksCommand).resolves({ taskArns: fargate });
    ecsMock.on(DescribeTasksCommand).callsFake((input: DescribeTasksCommandInput) => ({
      tasks: (input.tasks ?? []).map((arn) => sdkFargateTask({ taskArn: arn })),
    }));
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: sdkTaskDefinition() });
    const service = createTasksService(reads(0));

    const first = await service.listTasks('us-east-1', 'prod-fargate', {
      desiredStatus: 'RUNNING',
    });
    await service.listTasks('us-east-1', 'prod-fargate', { desiredStatus: 'RUNNING' });

    expect(first.tasks.map((task) => task.containers[0]?.portMappings[0])).toEqual(
      Array.from({ length: 3 }, () => ({
        containerPort: 3000,
        hostPort: 3000,
        protocol: 'tcp',
        hostIp: '10.0.3.44',
      })),
    );
    // Short cache off: the lists are read twice, the immutable revision once.
    expect(ecsMock.commandCalls(ListTasksCommand)).toHaveLength(2);
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(1);
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)[0]?.args[0].input).toMatchObject({
      taskDefinition: 'checkout:12',
    });
    // Fargate tasks sit on no instance: no instance calls.
    expect(ecsMock.commandCalls(ListContainerInstancesCommand)).toHaveLength(0);
  });

  it('still lists tasks whose revision ECS no longer describes', async () => {
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [taskArn('prod-fargate', 'f1')] });
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [sdkFargateTask()] });
    ecsMock
      .on(DescribeTaskDefinitionCommand)
      .rejects(awsError('ClientException', 'Unable to describe task definition.'));
    const { tasks } = await createTasksService(reads()).listTasks('us-east-1', 'prod-fargate', {
      desiredStatus: 'RUNNING',
    });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.containers[0]?.portMappings).toEqual([]);
  });

  it('serves the last good tasks, marked stale, while DescribeTasks is throttled', async () => {
    ecsMock.on(ListTasksCommand).resolves({ taskArns: arns.slice(0, 3) });
    describeAsBridgeTasks();
    const service = createTasksService(reads(0));
    const fresh = await service.listTasks('us-east-1', 'prod-ec2', { desiredStatus: 'RUNNING' });
    ecsMock.on(DescribeTasksCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'));
    const stale = await service.listTasks('us-east-1', 'prod-ec2', { desiredStatus: 'RUNNING' });
    expect(stale.stale).toBe(true);
    expect(stale.tasks).toEqual(fresh.tasks);
  });

  it('answers 404 for an unknown cluster', async () => {
    ecsMock
      .on(ListTasksCommand)
      .rejects(awsError('ClusterNotFoundException', 'Cluster not found.'));
    const error = await createTasksService(reads())
      .listTasks('us-east-1', 'ghost', { desiredStatus: 'RUNNING' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });
});
