import { fargateViolation } from './taskdef-fargate.js';
import {
  isEcrImage,
  networkModeOf,
  type ContainerDefinition,
  type PortMapping,
  type TaskDefinitionInput,
  type Volume,
} from './taskdef-model.js';
import { parseTaskCpu, parseTaskMemory } from './taskdef-units.js';

/**
 * What ECS stores for a registered input, so DescribeTaskDefinition shows what AWS shows: unit
 * strings become numbers ("1 vCPU" → "1024"), containers get `essential: true`, `cpu: 0` and the
 * empty lists AWS always returns, ports get `protocol: tcp` and their host port, health checks
 * their defaults. Idempotent: normalising a described definition changes nothing, which is what
 * keeps a describe → register round trip (and a revision diff) free of noise.
 */
export function normaliseTaskDefinition(definition: TaskDefinitionInput): TaskDefinitionInput {
  const { tags: _tags, ...rest } = definition;
  const mode = networkModeOf(definition);
  const cpu = definition.cpu === undefined ? undefined : parseTaskCpu(definition.cpu);
  const memory = definition.memory === undefined ? undefined : parseTaskMemory(definition.memory);
  return {
    ...rest,
    containerDefinitions: (definition.containerDefinitions ?? []).map((container) =>
      normaliseContainer(container, mode),
    ),
    volumes: (definition.volumes ?? []).map(normaliseVolume),
    placementConstraints: definition.placementConstraints ?? [],
    ...(cpu === undefined ? {} : { cpu: String(cpu) }),
    ...(memory === undefined ? {} : { memory: String(memory) }),
  };
}

function normaliseContainer(container: ContainerDefinition, mode: string): ContainerDefinition {
  return {
    ...container,
    cpu: container.cpu ?? 0,
    portMappings: (container.portMappings ?? []).map((mapping) => normalisePort(mapping, mode)),
    essential: container.essential ?? true,
    environment: container.environment ?? [],
    mountPoints: container.mountPoints ?? [],
    volumesFrom: container.volumesFrom ?? [],
    systemControls: container.systemControls ?? [],
    ...(container.healthCheck
      ? { healthCheck: { interval: 30, timeout: 5, retries: 3, ...container.healthCheck } }
      : {}),
  };
}

function normalisePort(mapping: PortMapping, mode: string): PortMapping {
  const protocol = mapping.protocol ?? 'tcp';
  // A port range gets its host ports at run time; nothing to fill in.
  if (mapping.containerPortRange !== undefined) return { ...mapping, protocol };
  // awsvpc and host cannot remap; bridge's omitted host port means "dynamic", shown as 0.
  const hostPort =
    mode === 'awsvpc' || mode === 'host'
      ? (mapping.hostPort ?? mapping.containerPort)
      : (mapping.hostPort ?? 0);
  return { ...mapping, ...(hostPort === undefined ? {} : { hostPort }), protocol };
}

function normaliseVolume(volume: Volume): Volume {
  const configured =
    volume.host ??
    volume.dockerVolumeConfiguration ??
    volume.efsVolumeConfiguration ??
    volume.s3filesVolumeConfiguration ??
    volume.fsxWindowsFileServerVolumeConfiguration;
  // A bare named volume is a bind mount; AWS describes it with an empty `host`.
  return configured === undefined && volume.configuredAtLaunch !== true
    ? { ...volume, host: {} }
    : volume;
}

/**
 * Where the definition can run. EC2 always; EXTERNAL (ECS Anywhere) unless awsvpc, which it
 * cannot do; FARGATE when it passes every Fargate check, whether or not it asked for Fargate.
 */
export function deriveCompatibilities(definition: TaskDefinitionInput): string[] {
  if (networkModeOf(definition) !== 'awsvpc') return ['EXTERNAL', 'EC2'];
  return fargateViolation(definition) === undefined ? ['EC2', 'FARGATE'] : ['EC2'];
}

/**
 * The container-instance attributes the definition needs, roughly as ECS derives them: placement
 * on EC2 only considers instances whose agent advertises each one.
 */
export function deriveRequiresAttributes(definition: TaskDefinitionInput): { name: string }[] {
  const names = new Set<string>();
  const add = (name: string) => names.add(name);
  const ecs = (capability: string) => add(`ecs.capability.${capability}`);
  const docker = (version: string) =>
    add(`com.amazonaws.ecs.capability.docker-remote-api.${version}`);
  const hasExecutionRole = definition.executionRoleArn !== undefined;

  if (definition.taskRoleArn !== undefined) add('com.amazonaws.ecs.capability.task-iam-role');
  if (networkModeOf(definition) === 'awsvpc') {
    docker('1.18');
    ecs('task-eni');
  }
  if ((definition.volumes ?? []).some((v) => v.efsVolumeConfiguration !== undefined)) {
    ecs('efsAuth');
    ecs('efs');
  }
  for (const container of definition.containerDefinitions ?? []) {
    const driver = container.logConfiguration?.logDriver;
    if (driver !== undefined) {
      docker('1.19');
      add(`com.amazonaws.ecs.capability.logging-driver.${driver}`);
      if (driver === 'awslogs' && hasExecutionRole) ecs('execution-role-awslogs');
    }
    if (container.memoryReservation !== undefined) docker('1.21');
    if (container.healthCheck !== undefined) {
      docker('1.24');
      ecs('container-health-check');
    }
    if ((container.dependsOn ?? []).length > 0) ecs('container-ordering');
    if (isEcrImage(container.image)) {
      add('com.amazonaws.ecs.capability.ecr-auth');
      if (hasExecutionRole) ecs('execution-role-ecr-pull');
    }
    if (container.repositoryCredentials !== undefined) {
      ecs('private-registry-authentication.secretsmanager');
    }
    for (const secret of container.secrets ?? []) {
      ecs(
        secret.valueFrom?.includes(':secretsmanager:')
          ? 'secrets.asm.environment-variables'
          : 'secrets.ssm.environment-variables',
      );
    }
    if (container.firelensConfiguration !== undefined) {
      ecs(`firelens.${container.firelensConfiguration.type ?? 'fluentbit'}`);
    }
  }
  return [...names].map((name) => ({ name }));
}
