import type { Input } from '../protocol/input.js';
import { demoImageUri } from './demo-repositories.js';

/**
 * The demo's task definitions, as a team would register them (RegisterTaskDefinition input).
 * Images come from the demo's ECR repositories (demo-repositories.ts), so every one resolves.
 */
export function demoTaskDefinitions(accountId: string, region: string) {
  const image = (name: string) => demoImageUri(accountId, region, name);
  const role = (name: string) => `arn:aws:iam::${accountId}:role/${name}`;
  const logs = (group: string, prefix: string) => ({
    logDriver: 'awslogs',
    options: {
      'awslogs-group': group,
      'awslogs-region': region,
      'awslogs-stream-prefix': prefix,
    },
  });
  const httpCheck = (port: number, path: string) => ({
    command: ['CMD-SHELL', `curl -fsS http://localhost:${port}${path} || exit 1`],
    interval: 15,
    timeout: 5,
    retries: 3,
    startPeriod: 20,
  });
  // The EC2 cluster runs the X-Ray daemon as a DAEMON service: apps reach it on the host.
  const xrayOnHost = { name: 'AWS_XRAY_DAEMON_ADDRESS', value: '172.17.0.1:2000' };
  // Fargate tasks carry it as a sidecar (REFERENCE.md §5), reached on localhost.
  const xraySidecar = {
    name: 'xray-daemon',
    image: image('xray-daemon'),
    cpu: 32,
    memoryReservation: 256,
    essential: false,
    portMappings: [{ containerPort: 2000, protocol: 'udp' }],
    logConfiguration: logs('/ecs/xray-daemon', 'xray'),
  };
  const team = (name: string) => [{ key: 'team', value: name }];

  const web: Input = {
    family: 'storefront-web',
    networkMode: 'bridge',
    requiresCompatibilities: ['EC2'],
    executionRoleArn: role('ecsTaskExecutionRole'),
    taskRoleArn: role('storefront-web-task'),
    containerDefinitions: [
      {
        name: 'web',
        image: image('storefront-web'),
        cpu: 256,
        memory: 1024,
        memoryReservation: 512,
        essential: true,
        portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }],
        environment: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'API_BASE_URL', value: 'http://internal-prod-api.storefront.internal' },
          xrayOnHost,
        ],
        healthCheck: httpCheck(8080, '/healthz'),
        logConfiguration: logs('/ecs/storefront-web', 'web'),
      },
    ],
    tags: team('storefront'),
  };
  const api: Input = {
    family: 'storefront-api',
    networkMode: 'bridge',
    requiresCompatibilities: ['EC2'],
    executionRoleArn: role('ecsTaskExecutionRole'),
    taskRoleArn: role('storefront-api-task'),
    containerDefinitions: [
      {
        name: 'api',
        image: image('storefront-api'),
        cpu: 256,
        memory: 1024,
        memoryReservation: 512,
        essential: true,
        portMappings: [{ containerPort: 3000, hostPort: 0, protocol: 'tcp' }],
        environment: [{ name: 'RELEASE', value: '1' }, xrayOnHost],
        secrets: [
          {
            name: 'DATABASE_URL',
            valueFrom: `arn:aws:ssm:${region}:${accountId}:parameter/prod/storefront/database-url`,
          },
        ],
        healthCheck: httpCheck(3000, '/health'),
        logConfiguration: logs('/ecs/storefront-api', 'api'),
      },
    ],
    tags: team('storefront'),
  };
  const worker: Input = {
    family: 'storefront-worker',
    networkMode: 'bridge',
    requiresCompatibilities: ['EC2'],
    executionRoleArn: role('ecsTaskExecutionRole'),
    taskRoleArn: role('storefront-worker-task'),
    containerDefinitions: [
      {
        name: 'worker',
        image: image('storefront-worker'),
        cpu: 256,
        memory: 768,
        essential: true,
        command: ['node', 'dist/worker.js'],
        environment: [
          { name: 'QUEUE_URL', value: `https://sqs.${region}.amazonaws.com/${accountId}/orders` },
          { name: 'CONCURRENCY', value: '8' },
          xrayOnHost,
        ],
        logConfiguration: logs('/ecs/storefront-worker', 'worker'),
      },
    ],
    tags: team('storefront'),
  };
  const xray: Input = {
    family: 'xray-daemon',
    networkMode: 'bridge',
    requiresCompatibilities: ['EC2'],
    executionRoleArn: role('ecsTaskExecutionRole'),
    taskRoleArn: role('xray-daemon-task'),
    containerDefinitions: [
      {
        ...xraySidecar,
        essential: true,
        portMappings: [{ containerPort: 2000, hostPort: 2000, protocol: 'udp' }],
      },
    ],
    tags: team('platform'),
  };
  // A static host port: one task per instance, so four tasks never fit on three instances.
  const legacyAdmin: Input = {
    family: 'legacy-admin',
    networkMode: 'bridge',
    requiresCompatibilities: ['EC2'],
    executionRoleArn: role('ecsTaskExecutionRole'),
    containerDefinitions: [
      {
        name: 'legacy-admin',
        image: image('legacy-admin'),
        cpu: 256,
        memory: 1024,
        essential: true,
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
        logConfiguration: logs('/ecs/legacy-admin', 'admin'),
      },
    ],
    tags: team('platform'),
  };
  const fargate = (name: string, cpu: number, memory: number, port: number): Input => ({
    family: name,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: String(cpu),
    memory: String(memory),
    executionRoleArn: role('ecsTaskExecutionRole'),
    taskRoleArn: role(`${name}-task`),
    containerDefinitions: [
      {
        name,
        image: image(name),
        cpu: cpu - 32,
        memoryReservation: memory - 256,
        essential: true,
        portMappings: [{ containerPort: port, protocol: 'tcp' }],
        environment: [{ name: 'AWS_XRAY_DAEMON_ADDRESS', value: 'localhost:2000' }],
        dependsOn: [{ containerName: 'xray-daemon', condition: 'START' }],
        healthCheck: httpCheck(port, '/health'),
        logConfiguration: logs(`/ecs/${name}`, name),
      },
      xraySidecar,
    ],
    tags: team('checkout'),
  });
  // Elastic Beanstalk's multi-container platform turns Dockerrun.aws.json v2 into this task
  // definition: named after the environment, bridge mode, memory per container, log volumes.
  const beanstalk: Input = {
    family: 'awseb-storefront-prod-mp3jzqk2xd',
    networkMode: 'bridge',
    volumes: [
      { name: 'nginx-proxy-conf', host: { sourcePath: '/var/app/current/proxy/conf.d' } },
      { name: 'awseb-logs-storefront', host: { sourcePath: '/var/log/containers/storefront' } },
      { name: 'awseb-logs-nginx-proxy', host: { sourcePath: '/var/log/containers/nginx-proxy' } },
    ],
    containerDefinitions: [
      {
        name: 'storefront',
        image: image('storefront-web'),
        essential: true,
        memory: 1024,
        environment: [{ name: 'NODE_ENV', value: 'production' }],
        mountPoints: [{ sourceVolume: 'awseb-logs-storefront', containerPath: '/var/log/app' }],
      },
      {
        name: 'nginx-proxy',
        image: image('storefront-nginx'),
        essential: true,
        memory: 128,
        portMappings: [{ hostPort: 80, containerPort: 80, protocol: 'tcp' }],
        links: ['storefront'],
        mountPoints: [
          { sourceVolume: 'nginx-proxy-conf', containerPath: '/etc/nginx/conf.d', readOnly: true },
          { sourceVolume: 'awseb-logs-nginx-proxy', containerPath: '/var/log/nginx' },
        ],
      },
    ],
  };
  return {
    web,
    api,
    worker,
    xray,
    legacyAdmin,
    checkout: fargate('checkout-api', 512, 1024, 8080),
    payments: fargate('payments-api', 1024, 2048, 8443),
    beanstalk,
  };
}
