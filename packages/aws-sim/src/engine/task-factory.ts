import type { FleetContext } from './fleet-state.js';
import type {
  AttachmentRecord,
  AwsVpcConfiguration,
  ClusterRecord,
  ContainerInstanceRecord,
  LaunchType,
  Tag,
  TaskDefinitionRecord,
  TaskRecord,
} from './model.js';
import { resolveImageDigest } from './images.js';
import { createEni } from './network.js';
import type { PortBinding } from './placement.js';
import type { TaskNeeds, TaskSpec } from './task-spec.js';

/** Everything about a task that does not depend on where it lands. */
export interface TaskTemplate {
  cluster: ClusterRecord;
  taskDefinition: TaskDefinitionRecord;
  /** The definition as read, with any overrides applied. */
  spec: TaskSpec;
  needs: TaskNeeds;
  launchType: LaunchType;
  platformVersion?: string;
  group: string;
  startedBy?: string;
  serviceArn?: string;
  deploymentId?: string;
  targetGroupArns: string[];
  overrides: Record<string, unknown>;
  tags: Tag[];
  networkConfiguration?: AwsVpcConfiguration;
  enableExecuteCommand: boolean;
}

export interface TaskPlacement {
  instance?: ContainerInstanceRecord;
  availabilityZone: string;
  bindings: PortBinding[];
  /** awsvpc: the subnet the task's ENI is created in. */
  subnetId?: string;
  capacityProviderName?: string;
}

/** Creates a PROVISIONING task record (not yet in the region state). */
export function createTaskRecord(
  { state, now, random }: FleetContext,
  template: TaskTemplate,
  placement: TaskPlacement,
): TaskRecord {
  const id = random.hex(32);
  const clusterName = template.cluster.name;
  const attachments: AttachmentRecord[] =
    template.spec.networkMode === 'awsvpc' && placement.subnetId
      ? [createEni(state.fleet.subnets, placement.subnetId, random, state.region)]
      : [];
  const eni = attachments[0];
  const containers = template.spec.containers.map((container) => ({
    arn: state.arn('ecs', `container/${clusterName}/${id}/${random.uuid()}`),
    name: container.name,
    image: container.image,
    imageDigest: resolveImageDigest(state, container.image),
    lastStatus: 'PENDING' as const,
    essential: container.essential,
    hasHealthCheck: container.healthCheck !== undefined,
    healthStatus: 'UNKNOWN' as const,
    cpu: container.cpu,
    ...(container.memory !== undefined ? { memory: container.memory } : {}),
    ...(container.memoryReservation !== undefined
      ? { memoryReservation: container.memoryReservation }
      : {}),
    networkBindings: placement.bindings
      .filter((binding) => binding.containerName === container.name)
      .map(({ bindIP, containerPort, hostPort, protocol }) => ({
        bindIP,
        containerPort,
        hostPort,
        protocol,
      })),
    networkInterfaces: eni
      ? [{ attachmentId: eni.id, privateIpv4Address: eni.privateIPv4Address }]
      : [],
  }));
  const onInstance = placement.instance !== undefined;
  return {
    arn: state.arn('ecs', `task/${clusterName}/${id}`),
    id,
    clusterArn: template.cluster.arn,
    taskDefinitionArn: template.taskDefinition.arn,
    family: template.taskDefinition.family,
    launchType: template.launchType,
    ...(placement.capacityProviderName
      ? { capacityProviderName: placement.capacityProviderName }
      : {}),
    ...(template.platformVersion ? { platformVersion: template.platformVersion } : {}),
    ...(placement.instance ? { containerInstanceArn: placement.instance.arn } : {}),
    availabilityZone: placement.availabilityZone,
    networkMode: template.spec.networkMode,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    group: template.group,
    ...(template.startedBy ? { startedBy: template.startedBy } : {}),
    ...(template.serviceArn ? { serviceArn: template.serviceArn } : {}),
    ...(template.deploymentId ? { deploymentId: template.deploymentId } : {}),
    // Fargate always reports the task size; EC2 tasks only when the definition sets one.
    ...(template.spec.cpu !== undefined ? { cpu: String(template.spec.cpu) } : {}),
    ...(template.spec.memory !== undefined ? { memory: String(template.spec.memory) } : {}),
    containers,
    attachments,
    overrides: template.overrides,
    enableExecuteCommand: template.enableExecuteCommand,
    targetGroupArns: template.targetGroupArns,
    reservation: onInstance
      ? {
          cpu: template.needs.cpu,
          memory: template.needs.memory,
          tcpPorts: placement.bindings.filter((b) => b.protocol === 'tcp').map((b) => b.hostPort),
          udpPorts: placement.bindings.filter((b) => b.protocol === 'udp').map((b) => b.hostPort),
        }
      : { cpu: 0, memory: 0, tcpPorts: [], udpPorts: [] },
    createdAt: now,
    tags: template.tags,
    version: 1,
    timer: 0,
  };
}
