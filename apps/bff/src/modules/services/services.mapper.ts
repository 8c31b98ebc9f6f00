import type {
  Deployment as SdkDeployment,
  Service as SdkService,
  ServiceEvent as SdkServiceEvent,
} from '@aws-sdk/client-ecs';
import {
  classifyServiceEvent,
  DeploymentStatus,
  type CapacityProviderStrategyItem,
  type Deployment,
  type Service,
  type ServiceDetail,
  type ServiceEvent,
} from '@deckhand/shared';
import { tagsToRecord } from '../clusters/clusters.mapper.js';
import { isoDate, nameOf } from '../ecs-mapping.js';

const count = (value: number | undefined) => Math.max(0, value ?? 0);

export function toCapacityProviderStrategy(
  items: { capacityProvider?: string; weight?: number; base?: number }[] | undefined,
): CapacityProviderStrategyItem[] {
  return (items ?? []).flatMap((item) =>
    item.capacityProvider
      ? [
          {
            capacityProvider: item.capacityProvider,
            weight: count(item.weight),
            base: count(item.base),
          },
        ]
      : [],
  );
}

function toDeployment(deployment: SdkDeployment): Deployment {
  const status = DeploymentStatus.safeParse(deployment.status);
  return {
    id: deployment.id ?? 'unknown',
    // ECS documents exactly these three; anything else is treated as a deployment still active.
    status: status.success ? status.data : 'ACTIVE',
    taskDefinition: nameOf(deployment.taskDefinition, ''),
    desiredCount: count(deployment.desiredCount),
    runningCount: count(deployment.runningCount),
    pendingCount: count(deployment.pendingCount),
    failedTasks: count(deployment.failedTasks),
    rolloutState: deployment.rolloutState,
    rolloutStateReason: deployment.rolloutStateReason,
    createdAt: isoDate(deployment.createdAt),
    updatedAt: isoDate(deployment.updatedAt),
  };
}

/** DescribeServices output → the list's Service DTO. Tolerates every optional field missing. */
export function toService(service: SdkService): Service {
  const deployments = (service.deployments ?? []).map(toDeployment);
  const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
  return {
    name: service.serviceName ?? nameOf(service.serviceArn),
    arn: service.serviceArn ?? '',
    status: service.status ?? 'UNKNOWN',
    launchType: service.launchType,
    capacityProviderStrategy: toCapacityProviderStrategy(service.capacityProviderStrategy),
    schedulingStrategy: service.schedulingStrategy ?? 'REPLICA',
    desiredCount: count(service.desiredCount),
    runningCount: count(service.runningCount),
    pendingCount: count(service.pendingCount),
    taskDefinition: service.taskDefinition
      ? nameOf(service.taskDefinition)
      : (primary?.taskDefinition ?? ''),
    deployments,
    loadBalancers: (service.loadBalancers ?? []).flatMap((lb) =>
      lb.containerName && lb.containerPort !== undefined
        ? [
            {
              targetGroupArn: lb.targetGroupArn,
              loadBalancerName: lb.loadBalancerName,
              containerName: lb.containerName,
              containerPort: lb.containerPort,
            },
          ]
        : [],
    ),
    createdAt: isoDate(service.createdAt),
    tags: tagsToRecord(service.tags),
  };
}

/** Service events, newest first, each classified by its wording; events without a time are dropped. */
export function toServiceEvents(events: SdkServiceEvent[] | undefined): ServiceEvent[] {
  return (events ?? [])
    .flatMap((event) => {
      const createdAt = isoDate(event.createdAt);
      if (!createdAt) return [];
      const message = event.message ?? '';
      return [
        { id: event.id ?? createdAt, createdAt, message, kind: classifyServiceEvent(message) },
      ];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** DescribeServices output → the detail DTO: the list's fields plus configuration and events. */
export function toServiceDetail(service: SdkService): ServiceDetail {
  const vpc = service.networkConfiguration?.awsvpcConfiguration;
  const deployment = service.deploymentConfiguration;
  const breaker = deployment?.deploymentCircuitBreaker;
  return {
    ...toService(service),
    networkConfiguration: service.networkConfiguration
      ? {
          awsvpcConfiguration: vpc
            ? {
                subnets: vpc.subnets ?? [],
                securityGroups: vpc.securityGroups ?? [],
                assignPublicIp: vpc.assignPublicIp,
              }
            : undefined,
        }
      : undefined,
    deploymentConfiguration: deployment
      ? {
          minimumHealthyPercent: deployment.minimumHealthyPercent,
          maximumPercent: deployment.maximumPercent,
          deploymentCircuitBreaker: breaker
            ? { enable: breaker.enable ?? false, rollback: breaker.rollback ?? false }
            : undefined,
          strategy: deployment.strategy,
        }
      : undefined,
    placementStrategy: (service.placementStrategy ?? []).flatMap((item) =>
      item.type ? [{ type: item.type, field: item.field }] : [],
    ),
    placementConstraints: (service.placementConstraints ?? []).flatMap((item) =>
      item.type ? [{ type: item.type, expression: item.expression }] : [],
    ),
    healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
    enableExecuteCommand: service.enableExecuteCommand ?? false,
    events: toServiceEvents(service.events),
  };
}
