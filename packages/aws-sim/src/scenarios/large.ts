import type { FleetContext } from '../engine/fleet-state.js';
import { hostStates } from '../engine/hosts.js';
import { createCluster } from '../services/ecs/clusters.js';
import { registerInstance } from '../services/ecs/container-instances.js';
import { storeTaskDefinition } from '../services/ecs/task-definitions.js';
import type { ScenarioContext } from './index.js';
import { buildLargeRegistry } from './large-registry.js';
import { seedService } from './seed.js';

/**
 * One giant cluster (the 20,000-task cluster the BFF's benchmarks load) and four ordinary ones.
 * c5.4xlarge for the giant one: about 33 tasks land on each of its instances.
 */
export const LARGE_CLUSTERS = [
  {
    name: 'scale-01',
    instances: 600,
    services: 1_925,
    instanceType: 'c5.4xlarge',
    cpu: 16_384,
    memory: 31_136,
  },
  {
    name: 'scale-02',
    instances: 100,
    services: 25,
    instanceType: 'c5.2xlarge',
    cpu: 8_192,
    memory: 15_576,
  },
  {
    name: 'scale-03',
    instances: 100,
    services: 25,
    instanceType: 'c5.2xlarge',
    cpu: 8_192,
    memory: 15_576,
  },
  {
    name: 'scale-04',
    instances: 100,
    services: 25,
    instanceType: 'c5.2xlarge',
    cpu: 8_192,
    memory: 15_576,
  },
  {
    name: 'scale-05',
    instances: 100,
    services: 25,
    instanceType: 'c5.2xlarge',
    cpu: 8_192,
    memory: 15_576,
  },
] as const;
export const LARGE_CLUSTER_COUNT = LARGE_CLUSTERS.length;
/** Desired counts cycle through these: 10.4 tasks per service on average (≈ 20,000 in scale-01). */
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
 * The scale scenario: 1,000 container instances, 2,025 services and about 21,000 RUNNING tasks,
 * 20,000 of them in one cluster, spread over zones and instances, with dynamic host ports; and
 * an ECR repository of 5,000 images (`scale/big`).
 */
export function buildLarge({ world, region, clock, random }: ScenarioContext): void {
  const state = world.region(region);
  const now = clock.now();
  const context: FleetContext = { state, now, random };
  state.fleet.faults = LARGE_FAULTS;
  for (const spec of LARGE_CLUSTERS) {
    const cluster = createCluster(state, now, {
      clusterName: spec.name,
      tags: [{ key: 'environment', value: 'load-test' }],
    });
    for (let i = 0; i < spec.instances; i += 1) {
      registerInstance(
        state,
        cluster,
        {
          instanceType: spec.instanceType,
          cpu: spec.cpu,
          memory: spec.memory,
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
    for (let s = 0; s < spec.services; s += 1) {
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
          hosts: pods[Math.floor((s * pods.length) / spec.services)] ?? hosts,
        },
      );
    }
  }
  buildLargeRegistry(state, now);
}
