import type { ContainerInstance as SdkContainerInstance, Resource } from '@aws-sdk/client-ecs';
import type { ContainerInstance } from '@deckhand/shared';
import { capacityOf } from '../clusters/clusters.mapper.js';
import { eniPrivateIp, isoDate, nameOf } from '../ecs-mapping.js';

/**
 * The host ports in use, from `remainingResources` PORTS / PORTS_UDP: ECS lists there the
 * agent's reserved ports plus every port a task on the instance binds.
 */
function portsOf(resources: Resource[] | undefined, name: 'PORTS' | 'PORTS_UDP'): number[] {
  const values = resources?.find((resource) => resource.name === name)?.stringSetValue ?? [];
  const ports = values.map(Number).filter((port) => Number.isInteger(port) && port >= 0);
  return [...new Set(ports)].sort((a, b) => a - b);
}

/** The agent reports `DockerVersion: 25.0.8`; the prefix says nothing. */
function dockerVersionOf(value: string | undefined): string {
  return (value ?? '').replace(/^DockerVersion:\s*/i, '');
}

/** DescribeContainerInstances output → the shared DTO; `taskIds` are the instance's RUNNING tasks. */
export function toContainerInstance(
  instance: SdkContainerInstance,
  taskIds: string[] = [],
): ContainerInstance {
  const attribute = (name: string) =>
    instance.attributes?.find((candidate) => candidate.name === name)?.value;
  const { cpu, memory } = capacityOf([instance]);
  return {
    id: nameOf(instance.containerInstanceArn),
    arn: instance.containerInstanceArn ?? '',
    ec2InstanceId: instance.ec2InstanceId ?? '',
    status: instance.status ?? 'UNKNOWN',
    statusReason: instance.statusReason,
    agentConnected: instance.agentConnected ?? false,
    agentVersion: instance.versionInfo?.agentVersion ?? '',
    dockerVersion: dockerVersionOf(instance.versionInfo?.dockerVersion),
    instanceType: attribute('ecs.instance-type'),
    availabilityZone: attribute('ecs.availability-zone'),
    privateIp: eniPrivateIp(instance.attachments),
    capacityProviderName: instance.capacityProviderName,
    cpu,
    memory,
    ports: {
      tcp: portsOf(instance.remainingResources, 'PORTS'),
      udp: portsOf(instance.remainingResources, 'PORTS_UDP'),
    },
    runningTasksCount: Math.max(0, instance.runningTasksCount ?? 0),
    pendingTasksCount: Math.max(0, instance.pendingTasksCount ?? 0),
    attributes: (instance.attributes ?? []).flatMap((item) =>
      item.name
        ? [{ name: item.name, ...(item.value !== undefined ? { value: item.value } : {}) }]
        : [],
    ),
    registeredAt: isoDate(instance.registeredAt),
    tasks: [...taskIds].sort(),
  };
}
