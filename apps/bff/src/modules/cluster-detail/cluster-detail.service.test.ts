import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  ECSClient,
  ListClustersCommand,
  ListContainerInstancesCommand,
} from '@aws-sdk/client-ecs';
import { ClusterDetail } from '@deckhand/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusterArn, sdkContainerInstance } from '../../testing/ecs-sdk-fixtures.js';
import { toClusterDetail } from './cluster-detail.mapper.js';
import { createClusterDetailService } from './cluster-detail.service.js';
import { mockedAwsLayer } from '../../testing/mocked-aws.js';

const ecsMock = mockClient(ECSClient);

function reads(ttlMs = 0) {
  return mockedAwsLayer(ttlMs).ecs;
}

const fargateCluster = {
  clusterArn: clusterArn('prod-fargate'),
  clusterName: 'prod-fargate',
  status: 'ACTIVE',
  registeredContainerInstancesCount: 0,
  runningTasksCount: 4,
  activeServicesCount: 2,
  statistics: [{ name: 'runningFargateTasksCount', value: '4' }],
  capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
  defaultCapacityProviderStrategy: [
    { capacityProvider: 'FARGATE', weight: 1, base: 1 },
    { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
  ],
  settings: [{ name: 'containerInsights' as const, value: 'enabled' }],
  tags: [{ key: 'team', value: 'checkout' }],
};

beforeEach(() => ecsMock.reset());
afterEach(() => ecsMock.reset());

describe('cluster detail', () => {
  it('describes one cluster with providers and settings, without listing every cluster', async () => {
    ecsMock.on(DescribeClustersCommand).resolves({ clusters: [fargateCluster], failures: [] });
    const { cluster } = await createClusterDetailService(reads()).getCluster(
      'us-east-1',
      'prod-fargate',
    );
    expect(ClusterDetail.parse(cluster)).toMatchObject({
      name: 'prod-fargate',
      flavor: 'fargate',
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [
        { capacityProvider: 'FARGATE', weight: 1, base: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
      ],
      settings: [{ name: 'containerInsights', value: 'enabled' }],
      tags: { team: 'checkout' },
    });
    expect(ecsMock.commandCalls(DescribeClustersCommand)[0]?.args[0].input).toEqual({
      clusters: ['prod-fargate'],
      include: ['STATISTICS', 'TAGS', 'SETTINGS'],
    });
    expect(ecsMock.commandCalls(ListClustersCommand)).toHaveLength(0);
    // No instances: no instance calls.
    expect(ecsMock.commandCalls(ListContainerInstancesCommand)).toHaveLength(0);
  });

  it('sums the capacity of an EC2 cluster’s instances', async () => {
    ecsMock.on(DescribeClustersCommand).resolves({
      clusters: [
        {
          clusterArn: clusterArn('prod-ec2'),
          clusterName: 'prod-ec2',
          registeredContainerInstancesCount: 2,
        },
      ],
    });
    ecsMock.on(ListContainerInstancesCommand).resolves({ containerInstanceArns: ['a', 'b'] });
    ecsMock
      .on(DescribeContainerInstancesCommand)
      .resolves({ containerInstances: [sdkContainerInstance(), sdkContainerInstance()] });
    const { cluster } = await createClusterDetailService(reads()).getCluster(
      'us-east-1',
      'prod-ec2',
    );
    expect(cluster.cpu).toEqual({ registered: 4096, remaining: 2048 });
    expect(cluster.memory).toEqual({ registered: 15360, remaining: 11264 });
  });

  it('answers 404 when ECS reports the cluster MISSING', async () => {
    ecsMock.on(DescribeClustersCommand).resolves({
      clusters: [],
      failures: [{ arn: clusterArn('ghost'), reason: 'MISSING' }],
    });
    const error = await createClusterDetailService(reads())
      .getCluster('us-east-1', 'ghost')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    expect((error as Error).message).toBe('Cluster ghost was not found in us-east-1.');
  });

  it('serves the last good answer, marked stale, while AWS throttles', async () => {
    ecsMock
      .on(DescribeClustersCommand)
      .resolvesOnce({ clusters: [fargateCluster] })
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const service = createClusterDetailService(reads(0));
    const fresh = await service.getCluster('us-east-1', 'prod-fargate');
    const stale = await service.getCluster('us-east-1', 'prod-fargate');
    expect(stale).toEqual({ ...fresh, stale: true });
  });

  it('maps a bare cluster', () => {
    expect(ClusterDetail.safeParse(toClusterDetail({})).success).toBe(true);
    expect(toClusterDetail({ settings: [{ value: 'x' }] }).settings).toEqual([]);
  });
});
