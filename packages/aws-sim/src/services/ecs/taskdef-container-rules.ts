import type { ContainerDefinition, Secret, TaskDefinitionInput } from './taskdef-model.js';

/** What every rule may read, worked out once per RegisterTaskDefinition call. */
export interface RuleContext {
  definition: TaskDefinitionInput;
  containers: ContainerDefinition[];
  /** Effective network mode (`bridge` when omitted). */
  networkMode: string;
  /** FARGATE is in requiresCompatibilities. */
  fargate: boolean;
  /** Parsed task-level CPU units and MiB; undefined when not given. */
  taskCpu: number | undefined;
  taskMemory: number | undefined;
  volumeNames: Set<string>;
}

/** A rule answers AWS's ClientException message, or undefined when the container passes. */
export type ContainerRule = (
  container: ContainerDefinition,
  context: RuleContext,
) => string | undefined;

export const RESOURCE_NAME = /^[A-Za-z0-9_-]{1,255}$/;

const invalid = (container: ContainerDefinition, detail: string) =>
  `Invalid setting for container '${container.name ?? ''}'. ${detail}`;

/** Name and image: checked for every container before anything else. */
export const containerIdentity: ContainerRule = (container) => {
  if (!container.name) return 'Container.name should not be null or empty.';
  if (!RESOURCE_NAME.test(container.name)) return 'Container.name contains invalid characters.';
  if (!container.image) return 'Container.image should not be null or empty.';
  return undefined;
};

const memory: ContainerRule = (container, { taskMemory }) => {
  const { memory: hard, memoryReservation: soft } = container;
  if (taskMemory === undefined && hard === undefined && soft === undefined) {
    return invalid(container, "At least one of 'memory' or 'memoryReservation' must be specified.");
  }
  if (hard !== undefined && soft !== undefined && hard < soft) {
    return invalid(container, "'memory' must be greater than or equal to 'memoryReservation'.");
  }
  const largest = Math.max(hard ?? 0, soft ?? 0);
  if (taskMemory !== undefined && largest > taskMemory) {
    return invalid(
      container,
      `The container memory (${largest} MiB) exceeds the task memory (${taskMemory} MiB).`,
    );
  }
  return undefined;
};

const networking: ContainerRule = (container, { networkMode }) => {
  if (networkMode !== 'bridge' && (container.links ?? []).length > 0) {
    return `Links are not supported when networkMode=${networkMode}`;
  }
  if (networkMode === 'awsvpc' && container.hostname !== undefined) {
    return 'hostname is not supported on container when networkMode=awsvpc.';
  }
  if (networkMode === 'awsvpc' && (container.extraHosts ?? []).length > 0) {
    return 'extraHosts is not supported on container when networkMode=awsvpc.';
  }
  return undefined;
};

const ports: ContainerRule = (container, { networkMode }) => {
  for (const mapping of container.portMappings ?? []) {
    const { containerPort, hostPort, protocol } = mapping;
    if (protocol !== undefined && protocol !== 'tcp' && protocol !== 'udp') {
      return invalid(container, `Invalid protocol '${protocol}'. Supported values: tcp, udp.`);
    }
    if (mapping.containerPortRange !== undefined) continue;
    if (containerPort === undefined || containerPort < 1 || containerPort > 65_535) {
      return invalid(container, 'containerPort must be between 1 and 65535.');
    }
    if (hostPort !== undefined && (hostPort < 0 || hostPort > 65_535)) {
      return invalid(container, 'hostPort must be between 0 and 65535.');
    }
    // awsvpc and host give the container the task's (or instance's) own ports: no remapping.
    if ((networkMode === 'awsvpc' || networkMode === 'host') && hostPort !== undefined) {
      if (hostPort !== containerPort) {
        return `When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`;
      }
    }
  }
  return undefined;
};

const volumes: ContainerRule = (container, context) => {
  for (const mount of container.mountPoints ?? []) {
    if (mount.sourceVolume === undefined || !context.volumeNames.has(mount.sourceVolume)) {
      return `Unknown volume '${mount.sourceVolume ?? 'null'}'.`;
    }
  }
  const names = new Set(context.containers.map((other) => other.name));
  for (const source of container.volumesFrom ?? []) {
    if (source.sourceContainer === undefined || !names.has(source.sourceContainer)) {
      return invalid(
        container,
        `Unknown container '${source.sourceContainer ?? 'null'}' in volumesFrom.`,
      );
    }
  }
  return undefined;
};

const logging: ContainerRule = (container) => {
  const log = container.logConfiguration;
  if (log?.logDriver !== 'awslogs') return undefined;
  for (const option of ['awslogs-group', 'awslogs-region']) {
    if (!log.options?.[option]) {
      return `Log driver awslogs option '${option}' should not be null or empty.`;
    }
  }
  return undefined;
};

const HEALTH_LIMITS = [
  { field: 'interval', min: 5, max: 300 },
  { field: 'timeout', min: 2, max: 60 },
  { field: 'retries', min: 1, max: 10 },
  { field: 'startPeriod', min: 0, max: 300 },
] as const;

const health: ContainerRule = (container) => {
  const check = container.healthCheck;
  if (!check) return undefined;
  const first = check.command?.[0];
  if (first !== 'CMD' && first !== 'CMD-SHELL') {
    return invalid(container, "Health check command must start with 'CMD' or 'CMD-SHELL'.");
  }
  for (const { field, min, max } of HEALTH_LIMITS) {
    const value = check[field];
    if (value !== undefined && (value < min || value > max)) {
      return invalid(container, `Health check ${field} must be between ${min} and ${max}.`);
    }
  }
  return undefined;
};

// Secrets Manager secret ARN, SSM parameter ARN, or an SSM parameter name in this region.
const SECRET_SOURCE = [
  /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/,
  /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/.+$/,
  /^[A-Za-z0-9_.\-/]{1,2048}$/,
];

const secrets: ContainerRule = (container) => {
  const all: Secret[] = [
    ...(container.secrets ?? []),
    ...(container.logConfiguration?.secretOptions ?? []),
  ];
  for (const secret of all) {
    const source = secret.valueFrom ?? '';
    if (!SECRET_SOURCE.some((pattern) => pattern.test(source))) {
      return invalid(
        container,
        `The secret '${secret.name ?? ''}' valueFrom must be a Secrets Manager secret ARN or a Systems Manager parameter ARN or name.`,
      );
    }
  }
  return undefined;
};

const CONDITIONS = new Set(['START', 'COMPLETE', 'SUCCESS', 'HEALTHY']);

const dependencies: ContainerRule = (container, { containers }) => {
  for (const { containerName, condition } of container.dependsOn ?? []) {
    const target = containers.find((other) => other.name === containerName);
    if (!target)
      return `Cannot depend on container '${containerName ?? ''}' because it does not exist.`;
    if (condition === undefined || !CONDITIONS.has(condition)) {
      return invalid(container, `Invalid dependsOn condition '${condition ?? ''}'.`);
    }
    // An essential container that exits stops the task, so nothing could wait for it to finish.
    if ((condition === 'COMPLETE' || condition === 'SUCCESS') && target.essential !== false) {
      return `A dependency container with ${condition} condition cannot be an essential container: '${containerName ?? ''}'.`;
    }
    if (condition === 'HEALTHY' && !target.healthCheck) {
      return `A dependency container with HEALTHY condition must have a health check: '${containerName ?? ''}'.`;
    }
  }
  return undefined;
};

/** Checked in this order for each container, in the order the containers are given. */
export const CONTAINER_RULES: readonly ContainerRule[] = [
  memory,
  networking,
  ports,
  volumes,
  logging,
  health,
  secrets,
  dependencies,
];
