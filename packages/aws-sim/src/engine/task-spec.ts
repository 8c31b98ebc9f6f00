import type { NetworkMode, Protocol } from './model.js';

/** What the engine needs from a task definition's containers. */
export interface ContainerSpec {
  name: string;
  image: string;
  cpu: number;
  memory?: number;
  memoryReservation?: number;
  essential: boolean;
  portMappings: { containerPort: number; hostPort?: number; protocol: Protocol }[];
  healthCheck?: { interval: number; retries: number; startPeriod: number };
}

export interface TaskSpec {
  family: string;
  networkMode: NetworkMode;
  /** Task-level size (CPU units, MiB), when the definition sets it. */
  cpu?: number;
  memory?: number;
  requiresCompatibilities: string[];
  containers: ContainerSpec[];
}

/** A container's port that needs a port on the host (bridge and host network modes). */
export interface HostPortNeed {
  containerName: string;
  containerPort: number;
  /** Static host port; undefined or 0 means a dynamic port from the ephemeral range. */
  hostPort?: number;
  protocol: Protocol;
}

/** What a task holds on a container instance while it is not STOPPED. */
export interface TaskNeeds {
  cpu: number;
  memory: number;
  ports: HostPortNeed[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads `1024`, `"1024"`, `"1 vCPU"` (CPU units) and `"2 GB"` (MiB), as ECS accepts them. */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(vcpu|gb)?\s*$/i.exec(value);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] ? Math.round(amount * 1024) : amount;
}

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : parseSize(value);

function readContainer(raw: Json, networkMode: NetworkMode): ContainerSpec {
  const portMappings = (Array.isArray(raw.portMappings) ? raw.portMappings : [])
    .filter(isObject)
    .flatMap((mapping) => {
      const containerPort = num(mapping.containerPort);
      if (containerPort === undefined) return [];
      const protocol: Protocol = mapping.protocol === 'udp' ? 'udp' : 'tcp';
      // awsvpc and host: the host port is the container port, whatever was written.
      const hostPort =
        networkMode === 'host' || networkMode === 'awsvpc' ? containerPort : num(mapping.hostPort);
      return [{ containerPort, ...(hostPort ? { hostPort } : {}), protocol }];
    });
  const health = isObject(raw.healthCheck) ? raw.healthCheck : undefined;
  return {
    name: typeof raw.name === 'string' ? raw.name : 'container',
    image: typeof raw.image === 'string' ? raw.image : '',
    cpu: num(raw.cpu) ?? 0,
    ...(num(raw.memory) !== undefined ? { memory: num(raw.memory) } : {}),
    ...(num(raw.memoryReservation) !== undefined
      ? { memoryReservation: num(raw.memoryReservation) }
      : {}),
    essential: raw.essential !== false,
    portMappings,
    ...(health
      ? {
          healthCheck: {
            interval: num(health.interval) ?? 30,
            retries: num(health.retries) ?? 3,
            startPeriod: num(health.startPeriod) ?? 0,
          },
        }
      : {}),
  };
}

/** Reads a stored task definition (RegisterTaskDefinition input, normalised or not). */
export function readTaskSpec(definition: Json): TaskSpec {
  const mode = definition.networkMode;
  const networkMode: NetworkMode =
    mode === 'host' || mode === 'awsvpc' || mode === 'none' ? mode : 'bridge';
  const containers = (
    Array.isArray(definition.containerDefinitions) ? definition.containerDefinitions : []
  )
    .filter(isObject)
    .map((raw) => readContainer(raw, networkMode));
  const cpu = num(definition.cpu);
  const memory = num(definition.memory);
  return {
    family: typeof definition.family === 'string' ? definition.family : '',
    networkMode,
    ...(cpu !== undefined ? { cpu } : {}),
    ...(memory !== undefined ? { memory } : {}),
    requiresCompatibilities: Array.isArray(definition.requiresCompatibilities)
      ? definition.requiresCompatibilities.filter((c): c is string => typeof c === 'string')
      : [],
    containers,
  };
}

/** RunTask/StartTask `overrides.containerOverrides` sizes, by container name. */
export type SizeOverrides = Map<
  string,
  { cpu?: number; memory?: number; memoryReservation?: number }
>;

/** Applies task- and container-level size overrides to a spec. */
export function applyOverrides(
  spec: TaskSpec,
  containers: SizeOverrides,
  task: { cpu?: number; memory?: number },
): TaskSpec {
  return {
    ...spec,
    ...(task.cpu !== undefined ? { cpu: task.cpu } : {}),
    ...(task.memory !== undefined ? { memory: task.memory } : {}),
    containers: spec.containers.map((container) => ({
      ...container,
      ...containers.get(container.name),
    })),
  };
}

/**
 * What a task reserves on a container instance: the task-level size when set, otherwise the sum
 * over containers of CPU and of memoryReservation (the soft limit ECS reserves) or else memory.
 * Only bridge and host tasks take host ports; awsvpc tasks have their own ENI.
 */
export function taskNeeds(spec: TaskSpec): TaskNeeds {
  let cpu = 0;
  let memory = 0;
  const ports: HostPortNeed[] = [];
  for (const container of spec.containers) {
    cpu += container.cpu;
    memory += container.memoryReservation ?? container.memory ?? 0;
    if (spec.networkMode !== 'bridge' && spec.networkMode !== 'host') continue;
    for (const mapping of container.portMappings) {
      ports.push({
        containerName: container.name,
        containerPort: mapping.containerPort,
        ...(mapping.hostPort ? { hostPort: mapping.hostPort } : {}),
        protocol: mapping.protocol,
      });
    }
  }
  return { cpu: spec.cpu ?? cpu, memory: spec.memory ?? memory, ports };
}
