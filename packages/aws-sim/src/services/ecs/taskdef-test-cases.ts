/**
 * Test data shared by the rule tests (pure, taskdef-rules.test.ts) and the wire tests (real SDK,
 * task-definitions.test.ts): valid base definitions and one broken variant per ERROR rule of
 * REFERENCE.md §5, each with the ClientException message ECS answers.
 */
import type { ContainerDefinition, TaskDefinitionInput } from './taskdef-model.js';

const EXECUTION_ROLE = 'arn:aws:iam::000000000000:role/ecsTaskExecutionRole';

export const ec2Container = (overrides: ContainerDefinition = {}): ContainerDefinition => ({
  name: 'app',
  image: 'nginx:1.27',
  memory: 256,
  portMappings: [{ containerPort: 80 }],
  ...overrides,
});

/** A bridge-mode EC2 definition ECS accepts. */
export const ec2 = (
  overrides: TaskDefinitionInput = {},
  container: ContainerDefinition = {},
): TaskDefinitionInput => ({
  family: 'web',
  containerDefinitions: [ec2Container(container)],
  ...overrides,
});

export const fargateContainer = (overrides: ContainerDefinition = {}): ContainerDefinition => ({
  name: 'app',
  image: 'public.ecr.aws/nginx/nginx:1.27',
  portMappings: [{ containerPort: 8080 }],
  logConfiguration: {
    logDriver: 'awslogs',
    options: {
      'awslogs-group': '/ecs/api',
      'awslogs-region': 'us-east-1',
      'awslogs-stream-prefix': 'api',
    },
  },
  ...overrides,
});

/** An awsvpc Fargate definition (0.25 vCPU, 512 MiB) ECS accepts. */
export const fargate = (
  overrides: TaskDefinitionInput = {},
  container: ContainerDefinition = {},
): TaskDefinitionInput => ({
  family: 'api',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  executionRoleArn: EXECUTION_ROLE,
  containerDefinitions: [fargateContainer(container)],
  ...overrides,
});

export interface RuleCase {
  rule: string;
  input: TaskDefinitionInput;
  message: string;
}

const twoContainers = (first: ContainerDefinition, second: ContainerDefinition) =>
  ec2({ containerDefinitions: [ec2Container(first), ec2Container(second)] });

const troubleshooting =
  'For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';
const appSetting = (detail: string) => `Invalid setting for container 'app'. ${detail}`;
const awsvpc = (container: ContainerDefinition) => fargate({}, container);

export const RULE_CASES: RuleCase[] = [
  {
    rule: 'family is required',
    input: ec2({ family: '' }),
    message: 'Family must be between 1 and 255 characters in length.',
  },
  {
    rule: 'family is at most 255 characters',
    input: ec2({ family: 'f'.repeat(256) }),
    message: 'Family must be between 1 and 255 characters in length.',
  },
  {
    rule: 'family uses letters, digits, - and _',
    input: ec2({ family: 'my app' }),
    message: 'Family contains invalid characters.',
  },
  {
    rule: 'at least one container',
    input: ec2({ containerDefinitions: [] }),
    message: 'Container list cannot be empty.',
  },
  {
    rule: 'at most 10 containers',
    input: ec2({
      containerDefinitions: Array.from({ length: 11 }, (_, i) => ec2Container({ name: `c${i}` })),
    }),
    message: 'Too many containers.',
  },
  {
    rule: 'container name is required',
    input: ec2({}, { name: '' }),
    message: 'Container.name should not be null or empty.',
  },
  {
    rule: 'container name uses letters, digits, - and _',
    input: ec2({}, { name: 'my app' }),
    message: 'Container.name contains invalid characters.',
  },
  {
    rule: 'container image is required',
    input: ec2({}, { image: '' }),
    message: 'Container.image should not be null or empty.',
  },
  {
    rule: 'container names are unique',
    input: twoContainers({}, {}),
    message: "Container names must be unique. 'app' is used twice.",
  },
  {
    rule: 'networkMode is bridge, host, awsvpc or none',
    input: ec2({ networkMode: 'nat' }),
    message: "Invalid networkMode 'nat'. Valid values: bridge, host, awsvpc, none.",
  },
  {
    rule: 'requiresCompatibilities are known launch types',
    input: ec2({ requiresCompatibilities: ['LAMBDA'] }),
    message: "Invalid compatibility 'LAMBDA'.",
  },
  {
    rule: 'task cpu is a number of units or vCPUs',
    input: ec2({ cpu: 'lots' }),
    message: `Invalid 'cpu' setting for task. ${troubleshooting}`,
  },
  {
    rule: 'task cpu is at least 128 units',
    input: ec2({ cpu: '64' }),
    message: `Invalid 'cpu' setting for task. ${troubleshooting}`,
  },
  {
    rule: 'task memory is a number of MiB or GB',
    input: ec2({ memory: '2 TB' }),
    message: `Invalid 'memory' setting for task. ${troubleshooting}`,
  },
  {
    rule: 'Fargate requires awsvpc',
    input: fargate({ networkMode: 'bridge' }),
    message: 'Fargate only supports network mode \u2018awsvpc\u2019.',
  },
  {
    rule: 'Fargate requires task cpu',
    input: fargate({ cpu: undefined }),
    message: "Fargate requires that 'cpu' be defined at the task level.",
  },
  {
    rule: 'Fargate requires task memory',
    input: fargate({ memory: undefined }),
    message: "Fargate requires that 'memory' be defined at the task level.",
  },
  {
    rule: 'Fargate cpu and memory come from the Fargate table',
    input: fargate({ cpu: '512', memory: '8 GB' }),
    message:
      'No Fargate configuration exists for given values: 512 CPU, 8192 memory. See the Amazon ECS documentation for the valid values.',
  },
  {
    rule: 'Fargate has no ipcMode',
    input: fargate({ ipcMode: 'task' }),
    message: 'Tasks using the Fargate launch type do not support ipcMode.',
  },
  {
    rule: 'Fargate pidMode is task only',
    input: fargate({ pidMode: 'host' }),
    message:
      "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.",
  },
  {
    rule: 'Fargate has no placement constraints',
    input: fargate({
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:x == y' }],
    }),
    message: 'Fargate compatible task definitions do not support constraints',
  },
  {
    rule: 'Fargate has no host sourcePath volumes',
    input: fargate({ volumes: [{ name: 'logs', host: { sourcePath: '/var/log' } }] }),
    message: 'Fargate compatible task definitions do not support sourcePath',
  },
  {
    rule: 'Fargate has no docker volumes',
    input: fargate({ volumes: [{ name: 'data', dockerVolumeConfiguration: { scope: 'task' } }] }),
    message: 'Fargate compatible task definitions do not support dockerVolumeConfiguration',
  },
  {
    rule: 'Fargate has no privileged containers',
    input: fargate({}, { privileged: true }),
    message: 'Fargate compatible task definitions do not support privileged',
  },
  {
    rule: 'Fargate has no devices',
    input: fargate({}, { linuxParameters: { devices: [{ hostPath: '/dev/fuse' }] } }),
    message: 'Fargate compatible task definitions do not support devices',
  },
  {
    rule: 'Fargate log drivers are awslogs, splunk or awsfirelens',
    input: fargate({}, { logConfiguration: { logDriver: 'json-file' } }),
    message: 'json-file is not a valid log driver. Must be one of [awslogs, splunk, awsfirelens]',
  },
  {
    rule: 'Fargate awslogs needs an execution role',
    input: fargate({ executionRoleArn: undefined }),
    message:
      'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
  },
  {
    rule: 'Fargate awslogs needs awslogs-stream-prefix',
    input: fargate(
      {},
      {
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/api', 'awslogs-region': 'us-east-1' },
        },
      },
    ),
    message: "Log driver awslogs option 'awslogs-stream-prefix' should not be null or empty.",
  },
  {
    rule: 'Fargate ECR images need an execution role',
    input: fargate(
      { executionRoleArn: undefined },
      {
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4.2',
        logConfiguration: undefined,
      },
    ),
    message: 'Fargate requires task definition to have execution role ARN to support ECR images.',
  },
  {
    rule: 'ephemeralStorage is 21–200 GiB',
    input: fargate({ ephemeralStorage: { sizeInGiB: 20 } }),
    message:
      "Invalid 'ephemeralStorage.sizeInGiB' setting for task. The value must be between 21 and 200 GiB.",
  },
  {
    rule: 'without task memory a container needs memory or memoryReservation',
    input: ec2({}, { memory: undefined }),
    message: appSetting("At least one of 'memory' or 'memoryReservation' must be specified."),
  },
  {
    rule: 'memory is at least memoryReservation',
    input: ec2({}, { memory: 256, memoryReservation: 512 }),
    message: appSetting("'memory' must be greater than or equal to 'memoryReservation'."),
  },
  {
    rule: 'container memory fits in task memory',
    input: ec2({ memory: '512' }, { memory: 1024 }),
    message: appSetting('The container memory (1024 MiB) exceeds the task memory (512 MiB).'),
  },
  {
    rule: 'links only in bridge mode',
    input: awsvpc({ links: ['db'] }),
    message: 'Links are not supported when networkMode=awsvpc',
  },
  {
    rule: 'no hostname in awsvpc',
    input: awsvpc({ hostname: 'api' }),
    message: 'hostname is not supported on container when networkMode=awsvpc.',
  },
  {
    rule: 'no extraHosts in awsvpc',
    input: awsvpc({ extraHosts: [{ hostname: 'db', ipAddress: '10.0.0.5' }] }),
    message: 'extraHosts is not supported on container when networkMode=awsvpc.',
  },
  {
    rule: 'port protocol is tcp or udp',
    input: ec2({}, { portMappings: [{ containerPort: 80, protocol: 'sctp' }] }),
    message: appSetting("Invalid protocol 'sctp'. Supported values: tcp, udp."),
  },
  {
    rule: 'containerPort is at least 1',
    input: ec2({}, { portMappings: [{ containerPort: 0 }] }),
    message: appSetting('containerPort must be between 1 and 65535.'),
  },
  {
    rule: 'containerPort is at most 65535',
    input: ec2({}, { portMappings: [{ containerPort: 70_000 }] }),
    message: appSetting('containerPort must be between 1 and 65535.'),
  },
  {
    rule: 'awsvpc hostPort equals containerPort',
    input: awsvpc({ portMappings: [{ containerPort: 8080, hostPort: 8081 }] }),
    message:
      'When networkMode=awsvpc, the host ports and container ports in port mappings must match.',
  },
  {
    rule: 'host mode hostPort equals containerPort',
    input: ec2({ networkMode: 'host' }, { portMappings: [{ containerPort: 80, hostPort: 8080 }] }),
    message:
      'When networkMode=host, the host ports and container ports in port mappings must match.',
  },
  {
    rule: 'mountPoints name a declared volume',
    input: ec2({}, { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] }),
    message: "Unknown volume 'data'.",
  },
  {
    rule: 'volumesFrom names a container of the task',
    input: ec2({}, { volumesFrom: [{ sourceContainer: 'sidecar' }] }),
    message: appSetting("Unknown container 'sidecar' in volumesFrom."),
  },
  {
    rule: 'awslogs needs awslogs-group',
    input: ec2(
      {},
      { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-region': 'eu-west-1' } } },
    ),
    message: "Log driver awslogs option 'awslogs-group' should not be null or empty.",
  },
  {
    rule: 'awslogs needs awslogs-region',
    input: ec2(
      {},
      { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } } },
    ),
    message: "Log driver awslogs option 'awslogs-region' should not be null or empty.",
  },
  {
    rule: 'health check command starts with CMD or CMD-SHELL',
    input: ec2({}, { healthCheck: { command: ['curl', '-f', 'http://localhost/'] } }),
    message: appSetting("Health check command must start with 'CMD' or 'CMD-SHELL'."),
  },
  ...(
    [
      ['interval', 4, 5, 300],
      ['timeout', 61, 2, 60],
      ['retries', 0, 1, 10],
      ['startPeriod', 301, 0, 300],
    ] as const
  ).map(([field, value, min, max]) => ({
    rule: `health check ${field} is ${min}–${max}`,
    input: ec2({}, { healthCheck: { command: ['CMD-SHELL', 'true'], [field]: value } }),
    message: appSetting(`Health check ${field} must be between ${min} and ${max}.`),
  })),
  {
    rule: 'secrets come from Secrets Manager or SSM',
    input: ec2({}, { secrets: [{ name: 'DB_PASSWORD', valueFrom: 'hunter2 please' }] }),
    message: appSetting(
      "The secret 'DB_PASSWORD' valueFrom must be a Secrets Manager secret ARN or a Systems Manager parameter ARN or name.",
    ),
  },
  {
    rule: 'dependsOn targets exist',
    input: ec2({}, { dependsOn: [{ containerName: 'db', condition: 'START' }] }),
    message: "Cannot depend on container 'db' because it does not exist.",
  },
  {
    rule: 'dependsOn conditions are START, COMPLETE, SUCCESS or HEALTHY',
    input: twoContainers(
      { dependsOn: [{ containerName: 'db', condition: 'READY' }] },
      { name: 'db' },
    ),
    message: appSetting("Invalid dependsOn condition 'READY'."),
  },
  {
    rule: 'COMPLETE and SUCCESS targets are not essential',
    input: twoContainers(
      { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] },
      { name: 'migrate' },
    ),
    message:
      "A dependency container with SUCCESS condition cannot be an essential container: 'migrate'.",
  },
  {
    rule: 'HEALTHY targets have a health check',
    input: twoContainers(
      { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] },
      { name: 'db' },
    ),
    message: "A dependency container with HEALTHY condition must have a health check: 'db'.",
  },
  {
    rule: 'memory reservations fit in task memory',
    // Two containers reserving 600 MiB each: each fits alone, together they do not.
    input: ec2({
      memory: '1024',
      containerDefinitions: [
        ec2Container({ memory: undefined, memoryReservation: 600 }),
        ec2Container({ name: 'worker', memory: undefined, memoryReservation: 600 }),
      ],
    }),
    message:
      'Invalid setting for task. The sum of the container memory reservations (1200 MiB) exceeds the task memory (1024 MiB).',
  },
  {
    rule: 'container cpu fits in task cpu',
    input: ec2({ cpu: '512' }, { cpu: 1024 }),
    message:
      'Invalid setting for task. The sum of the container cpu values (1024) exceeds the task cpu (512).',
  },
  {
    rule: 'at least one essential container',
    input: ec2({}, { essential: false }),
    message: 'Task definition must have at least one essential container.',
  },
  {
    rule: 'dependsOn has no cycles',
    input: twoContainers(
      { dependsOn: [{ containerName: 'b', condition: 'START' }] },
      { name: 'b', dependsOn: [{ containerName: 'app', condition: 'START' }] },
    ),
    message: 'Container dependencies contain a cycle: app -> b -> app.',
  },
];
