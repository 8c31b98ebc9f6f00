import type { EcsTaskDefinition } from '@deckhand/shared';

/** A realistic Fargate web task definition as DescribeTaskDefinition returns it. */
export function buildWebTaskDefinition(
  overrides: Partial<EcsTaskDefinition> = {},
): EcsTaskDefinition {
  return {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
    family: 'web',
    revision: 7,
    status: 'ACTIVE',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    cpu: '512',
    memory: '1024',
    taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    registeredAt: '2026-11-20T09:30:00.000Z',
    containerDefinitions: [
      {
        name: 'web',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2',
        essential: true,
        cpu: 256,
        memory: 512,
        memoryReservation: 256,
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'http' }],
        environment: [
          { name: 'PORT', value: '8080' },
          { name: 'LOG_LEVEL', value: 'info' },
        ],
        secrets: [
          {
            name: 'DB_PASSWORD',
            valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/prod/web/db-password',
          },
        ],
        healthCheck: {
          command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'],
          interval: 15,
        },
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1' },
        },
        mountPoints: [{ sourceVolume: 'scratch', containerPath: '/tmp/scratch' }],
      },
      {
        name: 'xray-daemon',
        image: 'public.ecr.aws/xray/aws-xray-daemon:3.3.12',
        essential: false,
        cpu: 32,
        memoryReservation: 64,
        portMappings: [{ containerPort: 2000, hostPort: 2000, protocol: 'udp' }],
      },
    ],
    volumes: [{ name: 'scratch' }],
    ...overrides,
  };
}
