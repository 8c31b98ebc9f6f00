import type {
  Container as SdkContainer,
  NetworkBinding,
  Task as SdkTask,
  TaskDefinition as SdkTaskDefinition,
} from '@aws-sdk/client-ecs';
import type { ResolvedPortMapping, Task, TaskContainer } from '@deckhand/shared';
import { eniPrivateIp, eniSubnetId, integerOf, isoDate, nameOf } from '../ecs-mapping.js';

/** What a task's mapping needs besides the task: looked up by the service, all optional. */
export interface TaskContext {
  /** containerInstanceArn → ec2InstanceId. */
  ec2InstanceIds?: ReadonlyMap<string, string>;
  /** `family:revision` → definition: awsvpc tasks report no bindings, their ports come from it. */
  taskDefinitions?: ReadonlyMap<string, SdkTaskDefinition>;
}

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '']);
const protocolOf = (value: string | undefined) => (value?.toLowerCase() === 'udp' ? 'udp' : 'tcp');

/**
 * Network bindings → port mappings. Recent agents report each port twice, for `0.0.0.0` and
 * `::`; one row per (container port, host port, protocol) is kept. Port ranges
 * (`containerPortRange`) carry no single port and are left out.
 */
function fromBindings(
  bindings: NetworkBinding[],
  eniIp: string | undefined,
): ResolvedPortMapping[] {
  const seen = new Map<string, ResolvedPortMapping>();
  for (const binding of bindings) {
    if (binding.containerPort === undefined || binding.hostPort === undefined) continue;
    const protocol = protocolOf(binding.protocol);
    const key = `${binding.containerPort}:${binding.hostPort}:${protocol}`;
    if (seen.has(key)) continue;
    const bindIp = binding.bindIP ?? '';
    const hostIp = ANY_ADDRESS.has(bindIp) ? (eniIp ?? '0.0.0.0') : bindIp;
    seen.set(key, {
      containerPort: binding.containerPort,
      hostPort: binding.hostPort,
      protocol,
      hostIp,
    });
  }
  return [...seen.values()];
}

/** awsvpc: the definition's mappings on the task's ENI, host port = container port. */
function fromDefinition(
  definition: SdkTaskDefinition | undefined,
  container: string,
  eniIp: string,
): ResolvedPortMapping[] {
  const declared = definition?.containerDefinitions?.find((c) => c.name === container);
  return (declared?.portMappings ?? []).flatMap((mapping) =>
    mapping.containerPort === undefined
      ? []
      : [
          {
            containerPort: mapping.containerPort,
            hostPort: mapping.hostPort || mapping.containerPort,
            protocol: protocolOf(mapping.protocol),
            hostIp: eniIp,
          },
        ],
  );
}

function toContainer(
  container: SdkContainer,
  eniIp: string | undefined,
  definition: SdkTaskDefinition | undefined,
): TaskContainer {
  const name = container.name ?? 'unknown';
  const bindings = container.networkBindings ?? [];
  return {
    name,
    image: container.image ?? '',
    imageDigest: container.imageDigest,
    lastStatus: container.lastStatus,
    exitCode: container.exitCode,
    reason: container.reason,
    healthStatus: container.healthStatus,
    portMappings:
      bindings.length > 0 || !eniIp
        ? fromBindings(bindings, eniIp)
        : fromDefinition(definition, name, eniIp),
  };
}

/** The task's ENI address: from its attachment, else from a container's network interface. */
function taskEniIp(task: SdkTask): string | undefined {
  return (
    eniPrivateIp(task.attachments) ??
    task.containers?.flatMap((c) => c.networkInterfaces ?? []).find((n) => n.privateIpv4Address)
      ?.privateIpv4Address
  );
}

/** Whether ports of this task must come from its definition (awsvpc tasks report no bindings). */
export function needsDefinitionForPorts(task: SdkTask): boolean {
  return (
    taskEniIp(task) !== undefined &&
    (task.containers ?? []).every((c) => (c.networkBindings ?? []).length === 0)
  );
}

/** DescribeTasks output → the shared Task DTO. Tolerates every optional field missing. */
export function toTask(task: SdkTask, context: TaskContext = {}): Task {
  const taskDefinition = nameOf(task.taskDefinitionArn, '');
  const eniIp = taskEniIp(task);
  const definition = context.taskDefinitions?.get(taskDefinition);
  const instanceArn = task.containerInstanceArn;
  return {
    id: nameOf(task.taskArn),
    arn: task.taskArn ?? '',
    lastStatus: task.lastStatus ?? 'UNKNOWN',
    desiredStatus: task.desiredStatus ?? 'UNKNOWN',
    launchType: task.launchType,
    taskDefinition,
    group: task.group,
    containerInstanceId: instanceArn ? nameOf(instanceArn) : undefined,
    ec2InstanceId: instanceArn ? context.ec2InstanceIds?.get(instanceArn) : undefined,
    availabilityZone: task.availabilityZone,
    version: task.version,
    createdAt: isoDate(task.createdAt),
    startedAt: isoDate(task.startedAt),
    stoppingAt: isoDate(task.stoppingAt),
    stoppedAt: isoDate(task.stoppedAt),
    stoppedReason: task.stoppedReason,
    stopCode: task.stopCode,
    cpu: integerOf(task.cpu),
    memory: integerOf(task.memory),
    healthStatus: task.healthStatus,
    eni: eniIp ? { privateIp: eniIp, subnetId: eniSubnetId(task.attachments) } : undefined,
    containers: (task.containers ?? []).map((c) => toContainer(c, eniIp, definition)),
  };
}
