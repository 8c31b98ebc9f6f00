import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  ECSClient,
  ListClustersCommand,
  ListContainerInstancesCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClustersService } from './clusters.service.js';
import { mockedAwsLayer } from '../../testing/mocked-aws.js';

const ecsMock = mockClient(ECSClient);
const arn = (name: string) => `arn:aws:ecs:us-east-1:000000000000:cluster/${name}`;

function reads(ttlMs = 0) {
  return mockedAwsLayer(ttlMs).ecs;
}

const throttling = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

beforeEach(() => ecsMock.reset());
afterEach(() => ecsMock.reset());

describe('clusters service', () => {
  it('follows nextToken to the end and describes in batches of 100', async () => {
    const names = Array.from({ length: 250 }, (_, i) => `c${String(i).padStart(3, '0')}`);
    ecsMock
      .on(ListClustersCommand, { nextToken: undefined })
      .resolves({ clusterArns: names.slice(0, 100).map(arn), nextToken: 't1' })
      .on(ListClustersCommand, { nextToken: 't1' })
      .resolves({ clusterArns: names.slice(100, 200).map(arn), nextToken: 't2' })
      .on(ListClustersCommand, { nextToken: 't2' })
      .resolves({ clusterArns: names.slice(200).map(arn) });
    ecsMock.on(DescribeClustersCommand).callsFake((input: { clusters: string[] }) => ({
      clusters: input.clusters.map((clusterArn) => ({
        clusterArn,
        clusterName: clusterArn.split('/')[1],
        status: 'ACTIVE',
        registeredContainerInstancesCount: 0,
      })),
    }));

    const { clusters } = await createClustersService(reads()).listClusters('us-east-1');

    expect(clusters).toHaveLength(250);
    const lists = ecsMock.commandCalls(ListClustersCommand);
    expect(lists).toHaveLength(3);
    expect(lists.every((call) => call.args[0].input.maxResults === 100)).toBe(true);
    const describes = ecsMock
      .commandCalls(DescribeClustersCommand)
      .map((call) => call.args[0].input.clusters?.length);
    expect(describes).toEqual([100, 100, 50]);
    expect(ecsMock.commandCalls(DescribeClustersCommand)[0]?.args[0].input.include).toEqual([
      'STATISTICS',
      'TAGS',
      'SETTINGS',
    ]);
    // No instances registered anywhere: no instance calls at all.
    expect(ecsMock.commandCalls(ListContainerInstancesCommand)).toHaveLength(0);
  });

  it('sums registered and remaining capacity over the instances of EC2 clusters', async () => {
    ecsMock.on(ListClustersCommand).resolves({ clusterArns: [arn('prod')] });
    ecsMock.on(DescribeClustersCommand).resolves({
      clusters: [
        {
          clusterArn: arn('prod'),
          clusterName: 'prod',
          status: 'ACTIVE',
          registeredContainerInstancesCount: 2,
          statistics: [{ name: 'runningEC2TasksCount', value: '3' }],
        },
      ],
    });
    ecsMock.on(ListContainerInstancesCommand).resolves({ containerInstanceArns: ['ci-1', 'ci-2'] });
    const resources = (cpu: number, memory: number) => [
      { name: 'CPU', type: 'INTEGER', integerValue: cpu },
      { name: 'MEMORY', type: 'INTEGER', integerValue: memory },
    ];
    ecsMock.on(DescribeContainerInstancesCommand).resolves({
      containerInstances: [
        { registeredResources: resources(2048, 7680), remainingResources: resources(1024, 5000) },
        { registeredResources: resources(2048, 7680), remainingResources: resources(512, 1000) },
      ],
    });

    const {
      clusters: [cluster],
    } = await createClustersService(reads()).listClusters('us-east-1');

    expect(cluster).toMatchObject({
      name: 'prod',
      flavor: 'ec2',
      cpu: { registered: 4096, remaining: 1536 },
      memory: { registered: 15360, remaining: 6000 },
    });
    expect(ecsMock.commandCalls(ListContainerInstancesCommand)[0]?.args[0].input).toMatchObject({
      cluster: 'prod',
      maxResults: 100,
    });
  });

  it('turns AWS throttling into a 429 with Retry-After', async () => {
    ecsMock
      .on(ListClustersCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const error = await createClustersService(reads())
      .listClusters('us-east-1')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 429,
      code: 'aws_throttled',
      headers: { 'retry-after': '2' },
    });
  });

  it('answers 20 concurrent requests with one set of AWS calls', async () => {
    ecsMock.on(ListClustersCommand).resolves({ clusterArns: [arn('a')] });
    ecsMock
      .on(DescribeClustersCommand)
      .resolves({ clusters: [{ clusterArn: arn('a'), clusterName: 'a' }] });
    const service = createClustersService(reads(5_000));
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => service.listClusters('us-east-1')),
    );
    expect(answers.every((answer) => answer.clusters[0]?.name === 'a')).toBe(true);
    expect(ecsMock.commandCalls(ListClustersCommand)).toHaveLength(1);
    expect(ecsMock.commandCalls(DescribeClustersCommand)).toHaveLength(1);
    // Within the TTL, a later request makes no call at all.
    await service.listClusters('us-east-1');
    expect(ecsMock.commandCalls(ListClustersCommand)).toHaveLength(1);
  });

  it('serves the last good list, marked stale, while AWS throttles', async () => {
    ecsMock
      .on(ListClustersCommand)
      .resolvesOnce({ clusterArns: [arn('a')] })
      .rejects(throttling());
    ecsMock
      .on(DescribeClustersCommand)
      .resolves({ clusters: [{ clusterArn: arn('a'), clusterName: 'a' }] });
    const service = createClustersService(reads(0));
    const fresh = await service.listClusters('us-east-1');
    expect(fresh.stale).toBe(false);
    const stale = await service.listClusters('us-east-1');
    expect(stale.stale).toBe(true);
    expect(stale.clusters.map((cluster) => cluster.name)).toEqual(['a']);
    expect(stale.asOf).toBe(fresh.asOf);
  });

  it('turns an AWS timeout into a 504 when there is nothing to serve instead', async () => {
    ecsMock
      .on(ListClustersCommand)
      .rejects(Object.assign(new Error('Request timed out'), { name: 'TimeoutError' }));
    const error = await createClustersService(reads())
      .listClusters('us-east-1')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 504, code: 'aws_timeout' });
  });
});
