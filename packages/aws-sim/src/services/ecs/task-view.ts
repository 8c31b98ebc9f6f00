import { epochSeconds } from '../../protocol/input.js';
import { taskHealth } from '../../engine/lifecycle.js';
import type { ContainerRecord, TaskRecord } from '../../engine/model.js';

// The Task and Container shapes of the ECS API. Absent values are left undefined: the JSON
// serialiser drops them, as AWS omits members it has no value for.

function describeContainer(task: TaskRecord, container: ContainerRecord) {
  const pulled = task.pullStoppedAt !== undefined;
  return {
    containerArn: container.arn,
    taskArn: task.arn,
    name: container.name,
    image: container.image,
    imageDigest: pulled ? container.imageDigest : undefined,
    runtimeId: container.runtimeId,
    lastStatus: container.lastStatus,
    exitCode: container.exitCode,
    reason: container.reason,
    networkBindings: container.networkBindings,
    networkInterfaces: container.networkInterfaces,
    healthStatus: container.healthStatus,
    cpu: String(container.cpu),
    memory: container.memory !== undefined ? String(container.memory) : undefined,
    memoryReservation:
      container.memoryReservation !== undefined ? String(container.memoryReservation) : undefined,
  };
}

export function describeTask(task: TaskRecord, includeTags: boolean) {
  const fargate = task.launchType === 'FARGATE';
  return {
    attachments: task.attachments.map((eni) => ({
      id: eni.id,
      type: 'ElasticNetworkInterface',
      status: eni.status,
      details: [
        { name: 'subnetId', value: eni.subnetId },
        { name: 'networkInterfaceId', value: eni.networkInterfaceId },
        { name: 'macAddress', value: eni.macAddress },
        { name: 'privateDnsName', value: eni.privateDnsName },
        { name: 'privateIPv4Address', value: eni.privateIPv4Address },
      ],
    })),
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    availabilityZone: task.availabilityZone,
    capacityProviderName: task.capacityProviderName,
    clusterArn: task.clusterArn,
    connectivity: task.connectivityAt !== undefined ? 'CONNECTED' : undefined,
    connectivityAt: epochSeconds(task.connectivityAt),
    containerInstanceArn: task.containerInstanceArn,
    containers: task.containers.map((container) => describeContainer(task, container)),
    cpu: task.cpu,
    createdAt: epochSeconds(task.createdAt),
    desiredStatus: task.desiredStatus,
    enableExecuteCommand: task.enableExecuteCommand,
    executionStoppedAt: epochSeconds(task.executionStoppedAt),
    group: task.group,
    healthStatus: taskHealth(task),
    lastStatus: task.lastStatus,
    launchType: task.launchType,
    memory: task.memory,
    overrides: task.overrides,
    platformVersion: task.platformVersion,
    platformFamily: fargate ? 'Linux' : undefined,
    pullStartedAt: epochSeconds(task.pullStartedAt),
    pullStoppedAt: epochSeconds(task.pullStoppedAt),
    startedAt: epochSeconds(task.startedAt),
    startedBy: task.startedBy,
    stopCode: task.stopCode,
    stoppedAt: epochSeconds(task.stoppedAt),
    stoppedReason: task.stoppedReason,
    stoppingAt: epochSeconds(task.stoppingAt),
    tags: includeTags ? task.tags : undefined,
    taskArn: task.arn,
    taskDefinitionArn: task.taskDefinitionArn,
    version: task.version,
    ephemeralStorage: fargate ? { sizeInGiB: 20 } : undefined,
    fargateEphemeralStorage: fargate ? { sizeInGiB: 20 } : undefined,
  };
}
