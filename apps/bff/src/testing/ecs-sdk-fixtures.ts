import type { ContainerInstance, Service, Task, TaskDefinition } from '@aws-sdk/client-ecs';

/**
 * SDK output as DescribeContainerInstances/Services/Tasks/TaskDefinition return it for a
 * realistic EC2 + Fargate account (shapes and values as AWS sends them). Override what a test
 * is about.
 */
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
const arn = (resource: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:${resource}`;
export const clusterArn = (name: string) => arn(`cluster/${name}`);
export const serviceArn = (cluster: string, name: string) => arn(`service/${cluster}/${name}`);
export const taskArn = (cluster: string, id: string) => arn(`task/${cluster}/${id}`);
export const instanceArn = (cluster: string, id: string) =>
  arn(`container-instance/${cluster}/${id}`);
export const taskDefinitionArn = (reference: string) => arn(`task-definition/${reference}`);
export const TG_WEB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web/6d0ecf831eec9f09`;

const at = (iso: string) => new Date(iso);

export function sdkContainerInstance(
  overrides: Partial<ContainerInstance> = {},
): ContainerInstance {
  const integer = (name: string, value: number) => ({
    name,
    type: 'INTEGER',
    integerValue: value,
    doubleValue: 0,
    longValue: 0,
  });
  const ports = (name: string, values: string[]) => ({
    name,
    type: 'STRINGSET',
    stringSetValue: values,
    doubleValue: 0,
    longValue: 0,
    integerValue: 0,
  });
  return {
    containerInstanceArn: instanceArn('prod-ec2', 'a1b2c3d4e5f6478899aabbccddeeff00'),
    ec2InstanceId: 'i-0a1b2c3d4e5f67890',
    version: 42,
    versionInfo: {
      agentVersion: '1.89.2',
      agentHash: '7f1b3d5c',
      dockerVersion: 'DockerVersion: 25.0.8',
    },
    remainingResources: [
      integer('CPU', 1024),
      integer('MEMORY', 5632),
      ports('PORTS', ['22', '2376', '2375', '51678', '51679', '32768', '8080']),
      ports('PORTS_UDP', ['32769']),
    ],
    registeredResources: [
      integer('CPU', 2048),
      integer('MEMORY', 7680),
      ports('PORTS', ['22', '2376', '2375', '51678', '51679']),
      ports('PORTS_UDP', []),
    ],
    status: 'ACTIVE',
    agentConnected: true,
    runningTasksCount: 2,
    pendingTasksCount: 0,
    attributes: [
      { name: 'ecs.instance-type', value: 'm5.large' },
      { name: 'ecs.availability-zone', value: 'us-east-1a' },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.capability.task-eni' },
    ],
    registeredAt: at('2026-11-20T08:00:00.000Z'),
    attachments: [],
    tags: [],
    ...overrides,
  };
}

export function sdkService(overrides: Partial<Service> = {}): Service {
  const name = overrides.serviceName ?? 'web';
  return {
    serviceArn: serviceArn('prod-ec2', name),
    serviceName: name,
    clusterArn: clusterArn('prod-ec2'),
    loadBalancers: [{ targetGroupArn: TG_WEB, containerName: 'web', containerPort: 8080 }],
    serviceRegistries: [],
    status: 'ACTIVE',
    desiredCount: 3,
    runningCount: 3,
    pendingCount: 0,
    launchType: 'EC2',
    taskDefinition: taskDefinitionArn('web:7'),
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: true },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    deployments: [
      {
        id: 'ecs-svc/4011233451029338746',
        status: 'PRIMARY',
        taskDefinition: taskDefinitionArn('web:7'),
        desiredCount: 3,
        pendingCount: 0,
        runningCount: 3,
        failedTasks: 0,
        createdAt: at('2026-11-26T09:00:00.000Z'),
        updatedAt: at('2026-11-26T09:04:00.000Z'),
        launchType: 'EC2',
        rolloutState: 'COMPLETED',
        rolloutStateReason: 'ECS deployment ecs-svc/4011233451029338746 completed.',
      },
    ],
    roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
    events: [
      {
        id: 'e2',
        createdAt: at('2026-11-26T09:04:00.000Z'),
        message: `(service ${name}) has reached a steady state.`,
      },
      {
        id: 'e1',
        createdAt: at('2026-11-26T09:01:00.000Z'),
        message: `(service ${name}) registered 1 targets in (target-group ${TG_WEB})`,
      },
    ],
    createdAt: at('2026-11-01T12:00:00.000Z'),
    placementConstraints: [],
    placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
    healthCheckGracePeriodSeconds: 60,
    schedulingStrategy: 'REPLICA',
    enableExecuteCommand: false,
    tags: [{ key: 'team', value: 'platform' }],
    ...overrides,
  };
}

/** A bridge task on an instance, with a dynamic host port and the IPv4 + IPv6 bindings recent agents report. */
export function sdkBridgeTask(overrides: Partial<Task> = {}): Task {
  const id = '0f1e2d3c4b5a49687766554433221100';
  return {
    taskArn: taskArn('prod-ec2', id),
    clusterArn: clusterArn('prod-ec2'),
    taskDefinitionArn: taskDefinitionArn('web:7'),
    containerInstanceArn: instanceArn('prod-ec2', 'a1b2c3d4e5f6478899aabbccddeeff00'),
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    launchType: 'EC2',
    group: 'service:web',
    startedBy: 'ecs-svc/4011233451029338746',
    availabilityZone: 'us-east-1a',
    version: 3,
    cpu: '512',
    memory: '1024',
    connectivity: 'CONNECTED',
    createdAt: at('2026-11-26T09:01:00.000Z'),
    startedAt: at('2026-11-26T09:01:30.000Z'),
    healthStatus: 'HEALTHY',
    attachments: [],
    overrides: { containerOverrides: [{ name: 'web' }], inferenceAcceleratorOverrides: [] },
    containers: [
      {
        containerArn: arn(`container/prod-ec2/${id}/5e1c`),
        taskArn: taskArn('prod-ec2', id),
        name: 'web',
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web:1.4.2`,
        imageDigest: 'sha256:3f1e0d6a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e',
        runtimeId: 'c0ffee',
        lastStatus: 'RUNNING',
        networkBindings: [
          { bindIP: '0.0.0.0', containerPort: 8080, hostPort: 32768, protocol: 'tcp' },
          { bindIP: '::', containerPort: 8080, hostPort: 32768, protocol: 'tcp' },
        ],
        networkInterfaces: [],
        healthStatus: 'HEALTHY',
        cpu: '512',
        memory: '1024',
      },
    ],
    tags: [],
    ...overrides,
  };
}

/** A Fargate (awsvpc) task: no network bindings, an ENI attachment with its private IP. */
export function sdkFargateTask(overrides: Partial<Task> = {}): Task {
  const id = '9a8b7c6d5e4f43218899aabbccddeeff';
  return {
    taskArn: taskArn('prod-fargate', id),
    clusterArn: clusterArn('prod-fargate'),
    taskDefinitionArn: taskDefinitionArn('checkout:12'),
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    launchType: 'FARGATE',
    capacityProviderName: 'FARGATE',
    platformVersion: '1.4.0',
    group: 'service:checkout',
    availabilityZone: 'us-east-1b',
    version: 4,
    cpu: '256',
    memory: '512',
    createdAt: at('2026-11-26T09:10:00.000Z'),
    startedAt: at('2026-11-26T09:10:40.000Z'),
    attachments: [
      {
        id: 'att-1',
        type: 'ElasticNetworkInterface',
        status: 'ATTACHED',
        details: [
          { name: 'subnetId', value: 'subnet-0abc' },
          { name: 'networkInterfaceId', value: 'eni-0def' },
          { name: 'macAddress', value: '0a:1b:2c:3d:4e:5f' },
          { name: 'privateIPv4Address', value: '10.0.3.44' },
        ],
      },
    ],
    containers: [
      {
        name: 'checkout',
        image: 'public.ecr.aws/acme/checkout:2.0.1',
        lastStatus: 'RUNNING',
        networkBindings: [],
        networkInterfaces: [{ attachmentId: 'att-1', privateIpv4Address: '10.0.3.44' }],
        healthStatus: 'UNKNOWN',
      },
    ],
    ...overrides,
  };
}

export function sdkTaskDefinition(overrides: Partial<TaskDefinition> = {}): TaskDefinition {
  return {
    taskDefinitionArn: taskDefinitionArn('checkout:12'),
    family: 'checkout',
    revision: 12,
    networkMode: 'awsvpc',
    status: 'ACTIVE',
    requiresCompatibilities: ['FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    containerDefinitions: [
      {
        name: 'checkout',
        image: 'public.ecr.aws/acme/checkout:2.0.1',
        essential: true,
        portMappings: [{ containerPort: 3000, hostPort: 3000, protocol: 'tcp', name: 'http' }],
        environment: [{ name: 'NODE_ENV', value: 'production' }],
        secrets: [
          {
            name: 'DB_PASSWORD',
            valueFrom: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/db-AbCdEf`,
          },
        ],
        repositoryCredentials: {
          credentialsParameter: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:registry-1a2b3c`,
        },
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/checkout', 'awslogs-region': REGION },
        },
        mountPoints: [],
        volumesFrom: [],
      },
    ],
    volumes: [],
    placementConstraints: [],
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
    registeredAt: at('2026-11-25T16:30:00.000Z'),
    registeredBy: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci`,
    ...overrides,
  };
}
