import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServicesCommand,
  ListTasksCommand,
  type DescribeTasksCommandInput,
  type ListTasksCommandInput,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockedAwsLayer } from '../testing/mocked-aws.js';
import { ClusterReader, SHARED_DESCRIBE_FROM } from './cluster-reader.js';

const ecsMock = mockClient(ECSClient);
const REGION = 'us-east-1';
const arn = (i: number) => `arn:aws:ecs:us-east-1:1:task/big/t${i}`;
const TASKS = SHARED_DESCRIBE_FROM + 100;

beforeEach(() => {
  ecsMock.reset();
  ecsMock
    .on(ListServicesCommand)
    .resolves({ serviceArns: ['arn:aws:ecs:us-east-1:1:service/big/web'] });
  ecsMock
    .on(DescribeServicesCommand)
    .resolves({ services: [{ serviceName: 'web', status: 'ACTIVE' }] });
  ecsMock.on(ListTasksCommand).callsFake((input: ListTasksCommandInput) => {
    const page = Number(input.nextToken ?? '0');
    const from = page * 100;
    const to = Math.min(TASKS, from + 100);
    return {
      taskArns: Array.from({ length: to - from }, (_, i) => arn(from + i)),
      nextToken: to < TASKS ? String(page + 1) : undefined,
    };
  });
  ecsMock.on(DescribeTasksCommand).callsFake((input: DescribeTasksCommandInput) => ({
    tasks: (input.tasks ?? []).map((taskArn) => ({ taskArn, lastStatus: 'RUNNING' })),
  }));
});

describe('ClusterReader over the shared reads', () => {
  it('shares the pages’ reads: joins them, leaves its loads for them, counts only its own calls', async () => {
    const layer = mockedAwsLayer(5_000);
    const reader = new ClusterReader(
      layer.clients.ecs(REGION),
      'big',
      new AbortController().signal,
      {
        region: REGION,
        reads: layer.ecs,
      },
    );
    // The tasks page loads first; the poller's first cycle reuses its listing and describes.
    await layer.ecs.tasks(REGION, 'big', 'RUNNING');
    const calls = () => ecsMock.commandCalls(DescribeTasksCommand).length;
    const before = calls();
    const arns = await reader.taskArns('RUNNING');
    expect(arns).toHaveLength(TASKS);
    const described = await reader.describeTasks(arns);
    expect(described).toHaveLength(TASKS);
    expect(calls()).toBe(before);
    expect(reader.takeCalls()).toEqual({});
    // Its own load (nothing cached): counted, and then served to the page without a call.
    await reader.services();
    expect(reader.takeCalls()).toEqual({ ListServices: 1, DescribeServices: 1 });
    await layer.ecs.services(REGION, 'big');
    expect(ecsMock.commandCalls(ListServicesCommand)).toHaveLength(1);
    // The next cycle must look again: not the value it saw, a new load.
    await reader.services();
    expect(ecsMock.commandCalls(ListServicesCommand)).toHaveLength(2);
  });
});
