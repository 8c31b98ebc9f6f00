import { advanceFleet } from '../engine/fleet.js';
import type { FleetContext } from '../engine/fleet-state.js';
import type { ServiceRecord, TaskRecord } from '../engine/model.js';
import type { HostState } from '../engine/placement.js';
import { Random } from '../engine/random.js';
import { World } from '../engine/region-state.js';
import type { Input } from '../protocol/input.js';
import { createCluster } from '../services/ecs/clusters.js';
import { registerInstance } from '../services/ecs/container-instances.js';
import { createService } from '../services/ecs/services.js';
import { storeTaskDefinition } from '../services/ecs/task-definitions.js';

/** A placement view of an instance, for the pure placement tests. */
export function buildHost(overrides: Partial<HostState> = {}): HostState {
  return {
    arn: 'arn:aws:ecs:us-east-1:000000000000:container-instance/test/a',
    id: 'a',
    availabilityZone: 'us-east-1a',
    attributes: new Map([['ecs.instance-type', 'm5.large']]),
    cpu: 2048,
    memory: 7680,
    tcp: new Set([22, 2375, 2376, 51678, 51679, 51680]),
    udp: new Set(),
    groupTasks: 0,
    ...overrides,
  };
}

/** A bridge-mode task definition with one container; override anything. */
export function bridgeDefinition(overrides: Input = {}, container: Input = {}): Input {
  return {
    family: 'web',
    networkMode: 'bridge',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [
      {
        name: 'web',
        image: 'public.ecr.aws/nginx/nginx:1.27',
        cpu: 256,
        memoryReservation: 512,
        essential: true,
        portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
        ...container,
      },
    ],
    ...overrides,
  };
}

export function fargateDefinition(overrides: Input = {}): Input {
  return {
    family: 'api',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      {
        name: 'api',
        image: 'public.ecr.aws/docker/library/node:22',
        essential: true,
        portMappings: [{ containerPort: 3000, protocol: 'tcp' }],
      },
    ],
    ...overrides,
  };
}

/**
 * A region with one EC2 cluster (`test`) and a fleet engine driven by hand: `advance(seconds)`
 * moves simulated time and handles everything that falls due, with no timers and no HTTP.
 */
export function buildFleet(options: { seed?: number; instances?: number } = {}) {
  const world = new World('000000000000');
  const state = world.region('us-east-1');
  const random = new Random(options.seed ?? 7);
  let now = Date.UTC(2026, 10, 26, 12, 0, 0);
  const context = (): FleetContext => ({ state, now, random });
  const cluster = createCluster(state, now, { clusterName: 'test' });
  const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
  const instances = Array.from({ length: options.instances ?? 3 }, (_, i) =>
    registerInstance(
      state,
      cluster,
      { instanceType: 'm5.large', cpu: 2048, memory: 7680, availabilityZone: zones[i % 3] ?? '' },
      random,
      now,
    ),
  );
  return {
    world,
    state,
    random,
    cluster,
    instances,
    context,
    get now() {
      return now;
    },
    taskDefinition: (definition: Input) => storeTaskDefinition(state, now, definition),
    service: (input: Input): ServiceRecord =>
      createService(context(), { cluster: 'test', launchType: 'EC2', ...input }),
    /** Moves simulated time forward and lets the fleet catch up. */
    advance(seconds: number) {
      now += seconds * 1000;
      advanceFleet(state, now, random);
    },
    tasksOf: (service: ServiceRecord): TaskRecord[] => [...state.tasksOfService(service.arn)],
    live: (service: ServiceRecord): TaskRecord[] =>
      [...state.tasksOfService(service.arn)].filter((t) => t.desiredStatus === 'RUNNING'),
    messages: (service: ServiceRecord) => service.events.map((e) => e.message),
  };
}
