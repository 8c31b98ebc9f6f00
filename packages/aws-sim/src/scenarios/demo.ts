import type { FleetContext } from '../engine/fleet-state.js';
import { launchTasks } from '../engine/launch.js';
import type { TaskRecord } from '../engine/model.js';
import { readTaskSpec, taskNeeds } from '../engine/task-spec.js';
import { startTraffic } from '../engine/traffic.js';
import type { Input } from '../protocol/input.js';
import { createCluster } from '../services/ecs/clusters.js';
import { registerInstance } from '../services/ecs/container-instances.js';
import { storeTaskDefinition } from '../services/ecs/task-definitions.js';
import { scheduleDemoReleases } from './demo-deployments.js';
import { buildDemoEcrAndEks } from './demo-registry.js';
import { STOREFRONT_WEB_PREVIOUS_DIGEST } from './demo-repositories.js';
import { demoTaskDefinitions } from './demo-task-definitions.js';
import type { ScenarioContext } from './index.js';
import { seedService } from './seed.js';

/** m5.large as the ECS agent registers it: 2 vCPU, 8 GiB less what the OS keeps. */
const M5_LARGE = { instanceType: 'm5.large', cpu: 2048, memory: 7680 };
const T3_MEDIUM = { instanceType: 't3.medium', cpu: 2048, memory: 3824 };

export const DEMO_CLUSTERS = {
  ec2: 'prod-ec2',
  fargate: 'prod-fargate',
  beanstalk: 'awseb-storefront-prod-mp3jzqk2xd',
} as const;

/** The demo's services, by cluster. */
export const DEMO_SERVICES = {
  ec2: ['web', 'api', 'worker', 'xray-daemon', 'legacy-admin'],
  fargate: ['checkout', 'payments'],
} as const;

/** The demo VPC's private subnets, one per zone, that Fargate tasks take their ENIs from. */
export const DEMO_SUBNETS = [
  'subnet-0a3f9c1e7b2d40001',
  'subnet-0a3f9c1e7b2d40002',
  'subnet-0a3f9c1e7b2d40003',
];

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Now and then a task dies of memory or fails its health checks, and its service replaces it. */
const DEMO_FAULTS = {
  outOfMemory: 0.04,
  unhealthy: 0.03,
  windowSeconds: [120, 3600] as [number, number],
};

/**
 * The demo: an EC2 cluster of three instances (services behind an ALB with dynamic host ports,
 * an X-Ray DAEMON service, and a service whose static host port cannot fit everywhere), a
 * Fargate cluster (services with X-Ray sidecars), and an Elastic Beanstalk multi-container
 * environment's cluster, named and tagged as EB does. A release ships every few minutes.
 */
export function buildDemo(context: ScenarioContext): void {
  const { world, region, clock, random } = context;
  // The registry first: task images resolve to its digests.
  buildDemoEcrAndEks(context);
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
  const ebInstances = zones.slice(0, 2).map((availabilityZone) =>
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

  state.fleet.faults = DEMO_FAULTS;
  DEMO_SUBNETS.forEach((subnet, i) => state.fleet.subnets.declare(subnet, zones[i] ?? region));
  const fleet: FleetContext = { state, now, random };
  const definitions = demoTaskDefinitions(state.accountId, region);
  const register = (definition: Input, age: number) =>
    storeTaskDefinition(state, now - age, definition).arn;
  const targetGroup = (name: string, id: string) =>
    state.arn('elasticloadbalancing', `targetgroup/${name}/${id}`);
  const rolling = {
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    deploymentCircuitBreaker: { enable: true, rollback: true },
  };
  const ec2Service = (name: string, taskDefinition: string, extra: Input): Input => ({
    cluster: DEMO_CLUSTERS.ec2,
    serviceName: name,
    taskDefinition,
    launchType: 'EC2',
    propagateTags: 'SERVICE',
    enableECSManagedTags: true,
    tags: [
      {
        key: 'team',
        value: name === 'xray-daemon' || name === 'legacy-admin' ? 'platform' : 'storefront',
      },
      { key: 'environment', value: 'production' },
    ],
    ...extra,
  });
  const loadBalanced = (tg: string, container: string, port: number) => ({
    loadBalancers: [{ targetGroupArn: tg, containerName: container, containerPort: port }],
    healthCheckGracePeriodSeconds: 30,
  });

  const web = seedService(
    fleet,
    ec2Service('web', register(definitions.web, 2 * DAY), {
      desiredCount: 3,
      ...loadBalanced(targetGroup('prod-web', '6d0ecf831eec9f09'), 'web', 8080),
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
      deploymentConfiguration: rolling,
    }),
    { age: 2 * DAY, running: 3, runningFor: 4 * HOUR },
  );
  // One web task started before `latest` moved to a new build: it still runs the old image.
  const drifted = web.tasks[0];
  if (drifted) backdate(drifted, 6 * HOUR, STOREFRONT_WEB_PREVIOUS_DIGEST);

  seedService(
    fleet,
    ec2Service('api', register(definitions.api, 4 * DAY), {
      desiredCount: 3,
      ...loadBalanced(targetGroup('prod-api', '3a9b1c5e7d2f4a60'), 'api', 3000),
      deploymentConfiguration: rolling,
    }),
    { age: 2 * DAY, running: 3, runningFor: 2 * DAY },
  );
  seedService(
    fleet,
    ec2Service('worker', register(definitions.worker, 6 * DAY), {
      desiredCount: 2,
      deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 50 },
    }),
    { age: 2 * DAY, running: 2, runningFor: 2 * DAY },
  );
  seedService(
    fleet,
    ec2Service('xray-daemon', register(definitions.xray, 10 * DAY), {
      schedulingStrategy: 'DAEMON',
    }),
    { age: 3 * DAY, running: 0, runningFor: 3 * DAY },
  );
  seedService(
    fleet,
    ec2Service('legacy-admin', register(definitions.legacyAdmin, 41 * DAY), {
      desiredCount: 4,
      ...loadBalanced(targetGroup('prod-legacy-admin', '0b7e4f2a9c1d3e58'), 'legacy-admin', 8080),
      deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 50 },
    }),
    { age: 3 * DAY, running: 4, runningFor: 3 * DAY },
  );

  const network = {
    awsvpcConfiguration: {
      subnets: DEMO_SUBNETS,
      securityGroups: ['sg-0c41d7f2a9b3e5c18'],
      assignPublicIp: 'DISABLED',
    },
  };
  const fargateTags = [
    { key: 'team', value: 'checkout' },
    { key: 'environment', value: 'production' },
  ];
  seedService(
    fleet,
    {
      cluster: DEMO_CLUSTERS.fargate,
      serviceName: 'checkout',
      taskDefinition: register(definitions.checkout, 3 * DAY),
      desiredCount: 3,
      networkConfiguration: network,
      ...loadBalanced(targetGroup('prod-checkout', '9f2c6a1b4e8d7035'), 'checkout-api', 8080),
      deploymentConfiguration: rolling,
      propagateTags: 'SERVICE',
      tags: fargateTags,
    },
    { age: 2 * DAY, running: 3, runningFor: 2 * DAY },
  );
  seedService(
    fleet,
    {
      cluster: DEMO_CLUSTERS.fargate,
      serviceName: 'payments',
      taskDefinition: register(definitions.payments, 8 * DAY),
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: network,
      ...loadBalanced(targetGroup('prod-payments', '5c8e2d4f6a1b9370'), 'payments-api', 8443),
      deploymentConfiguration: rolling,
      propagateTags: 'SERVICE',
      tags: fargateTags,
    },
    { age: 2 * DAY, running: 2, runningFor: 2 * DAY },
  );

  // Elastic Beanstalk's agent starts one task of the environment's definition on each instance.
  const ebDefinition = state.taskDefinitions.get(register(definitions.beanstalk, 9 * DAY));
  if (ebDefinition) {
    const spec = readTaskSpec(ebDefinition.definition);
    for (const instance of ebInstances)
      launchTasks(
        fleet,
        {
          cluster: beanstalk,
          taskDefinition: ebDefinition,
          spec,
          needs: taskNeeds(spec),
          launchType: 'EC2',
          group: `family:${ebDefinition.family}`,
          targetGroupArns: [],
          overrides: { containerOverrides: [], inferenceAcceleratorOverrides: [] },
          tags: [],
          enableExecuteCommand: false,
        },
        1,
        {
          strategies: [],
          constraints: [],
          capacityProviderStrategy: [],
          only: new Set([instance.arn]),
          runningFor: 3 * DAY,
        },
      );
  }

  scheduleDemoReleases(state, now + random.int(2, 4) * 60_000, DEMO_CLUSTERS);
  startTraffic(context, { cluster: DEMO_CLUSTERS.ec2 });
}

/** Moves a seeded task's start further into the past, running an older build of its image. */
function backdate(task: TaskRecord, by: number, digest: string): void {
  for (const field of [
    'createdAt',
    'connectivityAt',
    'pullStartedAt',
    'pullStoppedAt',
    'startedAt',
  ] as const) {
    const value = task[field];
    if (value !== undefined) task[field] = value - by;
  }
  const [container] = task.containers;
  if (container) container.imageDigest = digest;
}
