import { createCluster } from '../services/ecs/clusters.js';
import { registerInstance } from '../services/ecs/container-instances.js';
import type { ScenarioContext } from './index.js';

export const LARGE_CLUSTER_COUNT = 5;
export const LARGE_INSTANCES_PER_CLUSTER = 200;

/** The scale scenario: several big EC2 clusters of c5.2xlarge instances. */
export function buildLarge({ world, region, clock, random }: ScenarioContext): void {
  const state = world.region(region);
  const now = clock.now();
  for (let c = 0; c < LARGE_CLUSTER_COUNT; c += 1) {
    const cluster = createCluster(state, now, {
      clusterName: `scale-${String(c + 1).padStart(2, '0')}`,
    });
    for (let i = 0; i < LARGE_INSTANCES_PER_CLUSTER; i += 1) {
      registerInstance(
        state,
        cluster,
        {
          instanceType: 'c5.2xlarge',
          cpu: 8192,
          memory: 15_576,
          availabilityZone: `${region}${'abc'[i % 3]}`,
        },
        random,
        now,
      );
    }
  }
}
