import type { Cluster } from '../schemas/clusters.js';

/** A valid cluster DTO; override what the test is about. */
export function buildCluster(overrides: Partial<Cluster> = {}): Cluster {
  const name = overrides.name ?? 'prod-ec2';
  return {
    name,
    arn: `arn:aws:ecs:us-east-1:000000000000:cluster/${name}`,
    status: 'ACTIVE',
    flavor: 'ec2',
    launchTypes: ['EC2'],
    registeredContainerInstancesCount: 3,
    activeServicesCount: 4,
    runningTasksCount: 12,
    pendingTasksCount: 0,
    cpu: { registered: 6144, remaining: 2048 },
    memory: { registered: 23040, remaining: 11520 },
    tags: {},
    ...overrides,
  };
}
