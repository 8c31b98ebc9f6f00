import type { FleetContext } from '../engine/fleet-state.js';
import { hostStates } from '../engine/hosts.js';
import { createCluster } from '../services/ecs/clusters.js';
import { registerInstance } from '../services/ecs/container-instances.js';
import { storeTaskDefinition } from '../services/ecs/task-definitions.js';
import type { ScenarioContext } from './index.js';
import { seedService } from './seed.js';

export const LARGE_CLUSTER_COUNT = 5;
export const LARGE_INSTANCES_PER_CLUSTER = 200;
export const LARGE_SERVICES_PER_CLUSTER = 400;
/** Desired counts cycle through these: 10.4 tasks per service on average, 20,800 in all. */
export const LARGE_DESIRED_COUNTS = [6, 8, 10, 12, 16] as const;

const DOMAINS = [
  'catalog',
  'search',
  'orders',
  'billing',
  'identity',
  'media',
  'ledger',
  'pricing',
];
const COMPONENTS = ['api', 'worker', 'web', 'consumer', 'scheduler'];
const SIZES = [
  { cpu: 128, memory: 256 },
  { cpu: 256, memory: 512 },
  { cpu: 256, memory: 384 },
  { cpu: 512, memory: 640 },
];
const HOUR = 60 * 60 * 1000;
const POD_SIZE = 20;

/** Rare faults: a 20,000-task fleet still loses a task every few minutes. */
const LARGE_FAULTS = {
  outOfMemory: 0.002,
  unhealthy: 0.001,
  windowSeconds: [600, 6 * 3600] as [number, number],
};

/**
 * The scale scenario: five EC2 clusters of 200 c5.2xlarge instances, 400 services each and
 * about 20,800 RUNNING tasks, spread over zones and instances, with dynamic host ports.
 */
export function buildLarge({ world, region, clock, random }: ScenarioContext): void {
  const state = world.region(region);
  const now = clock.now();
  const context: FleetContext = { state, now, random };
  state.fleet.faults = LARGE_FAULTS;
  for (let c = 0; c < LARGE_CLUSTER_COUNT; c += 1) {
    const cluster = createCluster(state, now, {
      clusterName: `scale-${String(c + 1).padStart(2, '0')}`,
      tags: [{ key: 'environment', value: 'load-test' }],
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
    // One placement view per cluster, updated as tasks land, cut into pods of 20 instances
    // (every zone in each), a block of consecutive services per pod so that each pod gets every
    // size and desired count: the build stays linear. Later
    // placements (replacements, scaling) see the whole cluster.
    const hosts = hostStates(state, cluster.arn, '');
    const pods = Array.from({ length: Math.ceil(hosts.length / POD_SIZE) }, (_, p) =>
      hosts.slice(p * POD_SIZE, (p + 1) * POD_SIZE),
    );
    for (let s = 0; s < LARGE_SERVICES_PER_CLUSTER; s += 1) {
      const domain = DOMAINS[s % DOMAINS.length] ?? 'app';
      const component = COMPONENTS[Math.floor(s / DOMAINS.length) % COMPONENTS.length] ?? 'api';
      const name = `${domain}-${component}-${String(s + 1).padStart(3, '0')}`;
      const size = SIZES[s % SIZES.length] ?? { cpu: 256, memory: 512 };
      const taskDefinition = storeTaskDefinition(state, now - 24 * HOUR, {
        family: `${cluster.name}-${name}`,
        networkMode: 'bridge',
        requiresCompatibilities: ['EC2'],
        containerDefinitions: [
          {
            name: component,
            image: `public.ecr.aws/deckhand/${domain}-${component}:1.${s % 17}.${s % 5}`,
            cpu: size.cpu,
            memoryReservation: size.memory,
            essential: true,
            portMappings: component === 'worker' ? [] : [{ containerPort: 8080, hostPort: 0 }],
          },
        ],
      });
      const desiredCount = LARGE_DESIRED_COUNTS[s % LARGE_DESIRED_COUNTS.length] ?? 10;
      seedService(
        context,
        {
          cluster: cluster.name,
          serviceName: name,
          taskDefinition: taskDefinition.arn,
          desiredCount,
          launchType: 'EC2',
          placementStrategy: [
            { type: 'spread', field: 'attribute:ecs.availability-zone' },
            { type: 'spread', field: 'instanceId' },
          ],
        },
        {
          age: HOUR,
          running: desiredCount,
          runningFor: HOUR / 2,
          hosts: pods[Math.floor((s * pods.length) / LARGE_SERVICES_PER_CLUSTER)] ?? hosts,
        },
      );
    }
  }
}
