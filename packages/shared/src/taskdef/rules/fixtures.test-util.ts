/** Task definitions the lint tests start from: valid ones, edited one member at a time. */

export type Container = Record<string, unknown>;
export type TaskDoc = Record<string, unknown> & { containerDefinitions: Container[] };

type Patch = (doc: TaskDoc, app: Container) => void;

const ACCOUNT = '123456789012';
export const EXECUTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
export const TASK_ROLE = `arn:aws:iam::${ACCOUNT}:role/web-task`;

const FARGATE: TaskDoc = {
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '512',
  memory: '1024',
  executionRoleArn: EXECUTION_ROLE,
  taskRoleArn: TASK_ROLE,
  containerDefinitions: [
    {
      name: 'web',
      image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2`,
      essential: true,
      portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      environment: [{ name: 'NODE_ENV', value: 'production' }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/web',
          'awslogs-region': 'us-east-1',
          'awslogs-stream-prefix': 'ecs',
        },
      },
    },
  ],
};

const EC2: TaskDoc = {
  family: 'worker',
  requiresCompatibilities: ['EC2'],
  networkMode: 'bridge',
  containerDefinitions: [
    {
      name: 'worker',
      image: 'nginx:1.25-alpine',
      memoryReservation: 256,
      essential: true,
      portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/worker', 'awslogs-region': 'eu-west-1' },
      },
    },
  ],
};

function edited(base: TaskDoc, patch?: Patch): TaskDoc {
  const doc = structuredClone(base);
  const app = doc.containerDefinitions[0];
  if (!app) throw new Error('fixture has no container');
  patch?.(doc, app);
  return doc;
}

/** A valid Fargate web app (awsvpc, 0.5 vCPU / 1 GB, awslogs, ECR image), edited by `patch`. */
export const fargate = (patch?: Patch) => edited(FARGATE, patch);

/** A valid EC2 bridge app (dynamic host port, memoryReservation, awslogs), edited by `patch`. */
export const ec2 = (patch?: Patch) => edited(EC2, patch);

/** A second container for the examples that need two. */
export const sidecar = (overrides: Container = {}): Container => ({
  name: 'sidecar',
  image: 'public.ecr.aws/docker/library/busybox:1.36',
  essential: false,
  memoryReservation: 64,
  ...overrides,
});
