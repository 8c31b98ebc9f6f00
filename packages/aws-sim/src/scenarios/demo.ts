import { createCluster } from '../services/ecs/clusters.js';
import { registerInstance } from '../services/ecs/container-instances.js';
import type { ScenarioContext } from './index.js';

/** m5.large as the ECS agent registers it: 2 vCPU, 8 GiB less what the OS keeps. */
const M5_LARGE = { instanceType: 'm5.large', cpu: 2048, memory: 7680 };
const T3_MEDIUM = { instanceType: 't3.medium', cpu: 2048, memory: 3824 };

export const DEMO_CLUSTERS = {
  ec2: 'prod-ec2',
  fargate: 'prod-fargate',
  beanstalk: 'awseb-storefront-prod-mp3jzqk2xd',
} as const;

/**
 * The demo: an EC2 cluster of three instances, a Fargate cluster, and an Elastic Beanstalk
 * multi-container environment's cluster, named and tagged as EB does.
 */
export function buildDemo({ world, region, clock, random }: ScenarioContext): void {
  const state = world.region(region);
  const now = clock.now();
  const zones = ['a', 'b', 'c'].map((zone) => `${region}${zone}`);

  const ec2 = createCluster(state, now, {
    clusterName: DEMO_CLUSTERS.ec2,
    tags: [
      { key: 'team', value: 'platform' },
      { key: 'environment', value: 'production' },
    ],
    settings: [{ name: 'containerInsights', value: 'enabled' }],
  });
  zones.forEach((availabilityZone) =>
    registerInstance(state, ec2, { ...M5_LARGE, availabilityZone }, random, now),
  );

  createCluster(state, now, {
    clusterName: DEMO_CLUSTERS.fargate,
    capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    defaultCapacityProviderStrategy: [
      { capacityProvider: 'FARGATE', weight: 1, base: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
    ],
    tags: [
      { key: 'team', value: 'checkout' },
      { key: 'environment', value: 'production' },
    ],
  });

  const beanstalk = createCluster(state, now, {
    clusterName: DEMO_CLUSTERS.beanstalk,
    tags: [
      { key: 'elasticbeanstalk:environment-name', value: 'storefront-prod' },
      { key: 'elasticbeanstalk:environment-id', value: 'e-mp3jzqk2xd' },
      { key: 'Name', value: 'storefront-prod' },
    ],
  });
  zones.slice(0, 2).forEach((availabilityZone) =>
    registerInstance(
      state,
      beanstalk,
      {
        ...T3_MEDIUM,
        availabilityZone,
        tags: [{ key: 'elasticbeanstalk:environment-name', value: 'storefront-prod' }],
      },
      random,
      now,
    ),
  );
}
