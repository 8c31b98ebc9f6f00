import {
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  type DescribeTasksCommandInput,
  type ListTasksCommandInput,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockedAwsLayer } from '../testing/mocked-aws.js';

const ecsMock = mockClient(ECSClient);
const REGION = 'us-east-1';
const arn = (page: number, i: number) => `arn:aws:ecs:us-east-1:1:task/big/p${page}-t${i}`;

/** A cluster of `pages` ListTasks pages of 100 tasks; records the order of the calls. */
function bigCluster(pages: number) {
  const log: string[] = [];
  ecsMock.on(ListTasksCommand).callsFake((input: ListTasksCommandInput) => {
    const page = Number(input.nextToken ?? '0');
    log.push(`list ${page}`);
    return {
      taskArns: Array.from({ length: 100 }, (_, i) => arn(page, i)),
      nextToken: page + 1 < pages ? String(page + 1) : undefined,
    };
  });
  ecsMock.on(DescribeTasksCommand).callsFake((input: DescribeTasksCommandInput) => {
    const tasks = input.tasks ?? [];
    log.push(`describe ${tasks[0]?.replace(/.*\/p(\d+)-.*/, '$1') ?? '?'}`);
    return { tasks: tasks.map((taskArn) => ({ taskArn })) };
  });
  return log;
}

beforeEach(() => ecsMock.reset());

describe('EcsReads tasks', () => {
  it('describes each page of the listing as it arrives, keeping the order of the tasks', async () => {
    const log = bigCluster(5);
    const { value } = await mockedAwsLayer(5_000).ecs.tasks(REGION, 'big', 'RUNNING');
    expect(value.map((task) => task.taskArn)).toEqual(
      Array.from({ length: 500 }, (_, i) => arn(Math.floor(i / 100), i % 100)),
    );
    // Pipelined: the first page is described before the listing is over.
    expect(log.indexOf('describe 0')).toBeLessThan(log.indexOf('list 4'));
    expect(log.filter((line) => line.startsWith('list'))).toHaveLength(5);
    expect(log.filter((line) => line.startsWith('describe'))).toHaveLength(5);
  });

  it('shares the task listing with the live poller’s taskArns reads within the TTL', async () => {
    const log = bigCluster(3);
    const layer = mockedAwsLayer(5_000);
    const calls: string[] = [];
    const listed = await layer.ecs.taskArns(REGION, 'big', 'RUNNING', {
      fetchedAfter: Number.NEGATIVE_INFINITY,
      onCall: (operation) => calls.push(operation),
    });
    expect(listed.value).toHaveLength(300);
    expect(calls).toEqual(['ListTasks', 'ListTasks', 'ListTasks']);
    // The tasks page reuses that listing: describes only.
    await layer.ecs.tasks(REGION, 'big', 'RUNNING');
    expect(log.filter((line) => line.startsWith('list'))).toHaveLength(3);
    // And its own listing serves the poller's next read, newer than the one it saw.
    layer.cache.invalidate(`${REGION}:ecs:tasks:big:`);
    await layer.ecs.tasks(REGION, 'big', 'RUNNING');
    const again = await layer.ecs.taskArns(REGION, 'big', 'RUNNING', {
      fetchedAfter: listed.fetchedAt - 1,
      onCall: (operation) => calls.push(operation),
    });
    expect(again.value).toHaveLength(300);
    expect(calls).toHaveLength(3);
    expect(log.filter((line) => line.startsWith('list'))).toHaveLength(6);
  });

  it('makes one listing of the tasks page and the poller reading at the same time', async () => {
    const log = bigCluster(4);
    const layer = mockedAwsLayer(5_000);
    const [page, poll] = await Promise.all([
      layer.ecs.tasks(REGION, 'big', 'RUNNING'),
      layer.ecs.taskArns(REGION, 'big', 'RUNNING', { fetchedAfter: Number.NEGATIVE_INFINITY }),
    ]);
    expect(page.value).toHaveLength(400);
    expect(poll.value).toHaveLength(400);
    expect(log.filter((line) => line.startsWith('list'))).toHaveLength(4);
    expect(log.filter((line) => line.startsWith('describe'))).toHaveLength(4);
  });

  it('stops describing when the listing fails', async () => {
    const log = bigCluster(3);
    ecsMock
      .on(ListTasksCommand, { nextToken: '1' })
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(mockedAwsLayer(0).ecs.tasks(REGION, 'big', 'RUNNING')).rejects.toThrow();
    expect(log.filter((line) => line.startsWith('describe')).length).toBeLessThanOrEqual(1);
  });
});
