import {
  DescribeContainerInstancesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListContainerInstancesCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  instanceArn,
  sdkBridgeTask,
  sdkContainerInstance,
  taskArn,
} from '../../testing/ecs-sdk-fixtures.js';
import { createContainerInstancesService } from './container-instances.service.js';
import { mockedAwsLayer } from '../../testing/mocked-aws.js';

const ecsMock = mockClient(ECSClient);

function reads(ttlMs = 0) {
  return mockedAwsLayer(ttlMs).ecs;
}

const A = instanceArn('prod-ec2', 'aaaa');
const B = instanceArn('prod-ec2', 'bbbb');

beforeEach(() => ecsMock.reset());
afterEach(() => ecsMock.reset());

describe('container instances service', () => {
  it('lists the instances with the ids of the RUNNING tasks on each', async () => {
    ecsMock.on(ListContainerInstancesCommand).resolves({ containerInstanceArns: [A, B] });
    ecsMock.on(DescribeContainerInstancesCommand).resolves({
      containerInstances: [
        sdkContainerInstance({
          containerInstanceArn: B,
          ec2InstanceId: 'i-0bbb',
          attributes: [{ name: 'ecs.availability-zone', value: 'us-east-1b' }],
        }),
        sdkContainerInstance({
          containerInstanceArn: A,
          ec2InstanceId: 'i-0aaa',
          attributes: [{ name: 'ecs.availability-zone', value: 'us-east-1a' }],
        }),
      ],
    });
    ecsMock.on(ListTasksCommand).resolves({ taskArns: ['t1', 't2', 't3'] });
    ecsMock.on(DescribeTasksCommand).resolves({
      tasks: [
        sdkBridgeTask({ taskArn: taskArn('prod-ec2', 't1'), containerInstanceArn: A }),
        sdkBridgeTask({ taskArn: taskArn('prod-ec2', 't2'), containerInstanceArn: B }),
        sdkBridgeTask({ taskArn: taskArn('prod-ec2', 't3'), containerInstanceArn: A }),
      ],
    });

    const { containerInstances } = await createContainerInstancesService(
      reads(),
    ).listContainerInstances('us-east-1', 'prod-ec2');

    expect(containerInstances.map((i) => [i.ec2InstanceId, i.tasks])).toEqual([
      ['i-0aaa', ['t1', 't3']],
      ['i-0bbb', ['t2']],
    ]);
    expect(ecsMock.commandCalls(ListTasksCommand)[0]?.args[0].input).toMatchObject({
      cluster: 'prod-ec2',
      desiredStatus: 'RUNNING',
      maxResults: 100,
    });
    expect(ecsMock.commandCalls(ListContainerInstancesCommand)[0]?.args[0].input.maxResults).toBe(
      100,
    );
  });

  it('makes no task calls for a cluster without instances', async () => {
    ecsMock.on(ListContainerInstancesCommand).resolves({ containerInstanceArns: [] });
    const answer = await createContainerInstancesService(reads()).listContainerInstances(
      'us-east-1',
      'prod-fargate',
    );
    expect(answer.containerInstances).toEqual([]);
    expect(ecsMock.commandCalls(DescribeContainerInstancesCommand)).toHaveLength(0);
    expect(ecsMock.commandCalls(ListTasksCommand)).toHaveLength(0);
  });

  it('describes 150 instances by exactly 100, and coalesces concurrent requests', async () => {
    const arns = Array.from({ length: 150 }, (_, i) => instanceArn('big', `ci-${i}`));
    ecsMock
      .on(ListContainerInstancesCommand, { nextToken: undefined })
      .resolves({ containerInstanceArns: arns.slice(0, 100), nextToken: 'p2' })
      .on(ListContainerInstancesCommand, { nextToken: 'p2' })
      .resolves({ containerInstanceArns: arns.slice(100) });
    ecsMock
      .on(DescribeContainerInstancesCommand)
      .callsFake((input: { containerInstances: string[] }) => ({
        containerInstances: input.containerInstances.map((arn) =>
          sdkContainerInstance({ containerInstanceArn: arn }),
        ),
      }));
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [] });
    const service = createContainerInstancesService(reads(5_000));
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => service.listContainerInstances('us-east-1', 'big')),
    );
    expect(answers.every((answer) => answer.containerInstances.length === 150)).toBe(true);
    expect(ecsMock.commandCalls(ListContainerInstancesCommand)).toHaveLength(2);
    expect(
      ecsMock
        .commandCalls(DescribeContainerInstancesCommand)
        .map((call) => call.args[0].input.containerInstances?.length),
    ).toEqual([100, 50]);
    expect(ecsMock.commandCalls(ListTasksCommand)).toHaveLength(1);
  });

  it('answers 404 for an unknown cluster', async () => {
    ecsMock
      .on(ListContainerInstancesCommand)
      .rejects(
        Object.assign(new Error('Cluster not found.'), { name: 'ClusterNotFoundException' }),
      );
    const error = await createContainerInstancesService(reads())
      .listContainerInstances('us-east-1', 'ghost')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });
});
