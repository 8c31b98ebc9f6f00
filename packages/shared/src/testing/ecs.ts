import type { ClusterDetail } from '../schemas/clusters.js';
import type { ContainerInstance } from '../schemas/ecs-instances.js';
import type { Service, ServiceDetail } from '../schemas/services.js';
import type { Task } from '../schemas/tasks.js';
import { buildCluster } from './builders.js';

const ARN = 'arn:aws:ecs:us-east-1:000000000000';

/** Valid ECS DTOs; override what the test is about. */
export function buildClusterDetail(overrides: Partial<ClusterDetail> = {}): ClusterDetail {
  return {
    ...buildCluster(overrides),
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
    settings: [{ name: 'containerInsights', value: 'enabled' }],
    ...overrides,
  };
}

export function buildContainerInstance(
  overrides: Partial<ContainerInstance> = {},
): ContainerInstance {
  const id = overrides.id ?? 'a1b2c3d4e5f6478899aabbccddeeff00';
  return {
    id,
    arn: `${ARN}:container-instance/prod-ec2/${id}`,
    ec2InstanceId: 'i-0a1b2c3d4e5f67890',
    status: 'ACTIVE',
    agentConnected: true,
    agentVersion: '1.89.2',
    dockerVersion: '25.0.8',
    instanceType: 'm5.large',
    availabilityZone: 'us-east-1a',
    cpu: { registered: 2048, remaining: 1024 },
    memory: { registered: 7680, remaining: 5632 },
    ports: { tcp: [22, 2375, 2376, 51678, 51679, 32768], udp: [] },
    runningTasksCount: 1,
    pendingTasksCount: 0,
    attributes: [{ name: 'ecs.instance-type', value: 'm5.large' }],
    registeredAt: '2026-11-20T08:00:00.000Z',
    tasks: ['0f1e2d3c4b5a49687766554433221100'],
    ...overrides,
  };
}

export function buildService(overrides: Partial<Service> = {}): Service {
  const name = overrides.name ?? 'web';
  return {
    name,
    arn: `${ARN}:service/prod-ec2/${name}`,
    status: 'ACTIVE',
    launchType: 'EC2',
    capacityProviderStrategy: [],
    schedulingStrategy: 'REPLICA',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    taskDefinition: `${name}:1`,
    deployments: [
      {
        id: 'ecs-svc/4011233451029338746',
        status: 'PRIMARY',
        taskDefinition: `${name}:1`,
        desiredCount: 2,
        runningCount: 2,
        pendingCount: 0,
        failedTasks: 0,
        rolloutState: 'COMPLETED',
        createdAt: '2026-11-26T09:00:00.000Z',
        updatedAt: '2026-11-26T09:04:00.000Z',
      },
    ],
    loadBalancers: [],
    createdAt: '2026-11-01T12:00:00.000Z',
    tags: {},
    ...overrides,
  };
}

export function buildServiceDetail(overrides: Partial<ServiceDetail> = {}): ServiceDetail {
  const name = overrides.name ?? 'web';
  return {
    ...buildService(overrides),
    placementStrategy: [],
    placementConstraints: [],
    enableExecuteCommand: false,
    events: [
      {
        id: 'e1',
        createdAt: '2026-11-26T09:04:00.000Z',
        message: `(service ${name}) has reached a steady state.`,
        kind: 'steady-state',
      },
    ],
    ...overrides,
  };
}

export function buildTask(overrides: Partial<Task> = {}): Task {
  const id = overrides.id ?? '0f1e2d3c4b5a49687766554433221100';
  return {
    id,
    arn: `${ARN}:task/prod-ec2/${id}`,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    launchType: 'EC2',
    taskDefinition: 'web:1',
    group: 'service:web',
    containerInstanceId: 'a1b2c3d4e5f6478899aabbccddeeff00',
    ec2InstanceId: 'i-0a1b2c3d4e5f67890',
    createdAt: '2026-11-26T09:01:00.000Z',
    startedAt: '2026-11-26T09:01:30.000Z',
    containers: [
      {
        name: 'web',
        image: 'web:1',
        lastStatus: 'RUNNING',
        portMappings: [
          { containerPort: 8080, hostPort: 32768, protocol: 'tcp', hostIp: '0.0.0.0' },
        ],
      },
    ],
    ...overrides,
  };
}
