import { describe, expect, it } from 'vitest';
import { capacityOf, toCluster } from './clusters.mapper.js';

describe('toCluster', () => {
  it('tolerates a cluster with nothing but an ARN', () => {
    const cluster = toCluster({ clusterArn: 'arn:aws:ecs:us-east-1:1:cluster/bare' });
    expect(cluster).toMatchObject({
      name: 'bare',
      status: 'UNKNOWN',
      flavor: 'fargate',
      registeredContainerInstancesCount: 0,
      tags: {},
    });
  });

  it('detects a mixed cluster from DescribeClusters statistics', () => {
    const cluster = toCluster({
      clusterName: 'mixed',
      registeredContainerInstancesCount: 2,
      statistics: [
        { name: 'runningEC2TasksCount', value: '4' },
        { name: 'runningFargateTasksCount', value: '2' },
      ],
      tags: [{ key: 'team', value: 'payments' }],
    });
    expect(cluster.flavor).toBe('mixed');
    expect(cluster.launchTypes).toEqual(['EC2', 'FARGATE']);
    expect(cluster.tags).toEqual({ team: 'payments' });
  });
});

describe('capacityOf', () => {
  it('never reports negative remaining capacity', () => {
    const capacity = capacityOf([
      {
        registeredResources: [{ name: 'CPU', integerValue: 1024 }],
        remainingResources: [{ name: 'CPU', integerValue: -256 }],
      },
    ]);
    expect(capacity.cpu).toEqual({ registered: 1024, remaining: 0 });
    expect(capacity.memory).toEqual({ registered: 0, remaining: 0 });
  });
});
