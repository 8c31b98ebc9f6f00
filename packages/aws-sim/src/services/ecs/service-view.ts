import { epochSeconds } from '../../protocol/input.js';
import type {
  AwsVpcConfiguration,
  DeploymentRecord,
  ServiceDeploymentRecord,
  ServiceRecord,
  TaskRecord,
} from '../../engine/model.js';
import type { RegionState } from '../../engine/region-state.js';
import { serviceLaunchType } from '../../engine/service-template.js';

// The Service, Deployment and ServiceDeployment shapes of the ECS API, member for member.

const PENDING = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

function counts(tasks: Iterable<TaskRecord>, deploymentId?: string) {
  let running = 0;
  let pending = 0;
  for (const task of tasks) {
    if (task.desiredStatus !== 'RUNNING') continue;
    if (deploymentId !== undefined && task.deploymentId !== deploymentId) continue;
    if (task.lastStatus === 'RUNNING') running += 1;
    else if (PENDING.has(task.lastStatus)) pending += 1;
  }
  return { running, pending };
}

const network = (config: AwsVpcConfiguration | undefined) =>
  config ? { networkConfiguration: { awsvpcConfiguration: config } } : {};

function fargateFields(launchType: string) {
  return launchType === 'FARGATE' ? { platformVersion: 'LATEST', platformFamily: 'Linux' } : {};
}

export function describeDeployment(
  state: RegionState,
  service: ServiceRecord,
  d: DeploymentRecord,
) {
  const { running, pending } = counts(state.tasksOfService(service.arn), d.id);
  return {
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinitionArn,
    desiredCount: d.desiredCount,
    pendingCount: pending,
    runningCount: running,
    failedTasks: d.failedTasks,
    createdAt: epochSeconds(d.createdAt),
    updatedAt: epochSeconds(d.updatedAt),
    ...(d.launchType ? { launchType: d.launchType } : {}),
    ...(d.capacityProviderStrategy.length > 0
      ? { capacityProviderStrategy: d.capacityProviderStrategy }
      : {}),
    ...fargateFields(serviceLaunchType(d)),
    ...network(d.networkConfiguration),
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  };
}

export function describeService(state: RegionState, service: ServiceRecord, tags: boolean) {
  const { running, pending } = counts(state.tasksOfService(service.arn));
  const launchType = serviceLaunchType(service);
  const primary = service.deployments[0];
  return {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: service.clusterArn,
    loadBalancers: service.loadBalancers,
    serviceRegistries: [],
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: running,
    pendingCount: pending,
    ...(service.launchType ? { launchType: service.launchType } : {}),
    ...(service.capacityProviderStrategy.length > 0
      ? { capacityProviderStrategy: service.capacityProviderStrategy }
      : {}),
    ...fargateFields(launchType),
    taskDefinition: service.taskDefinitionArn,
    deploymentConfiguration: service.deploymentConfiguration,
    deployments: service.deployments.map((d) => describeDeployment(state, service, d)),
    ...(service.roleArn ? { roleArn: service.roleArn } : {}),
    events: service.events.map((e) => ({
      id: e.id,
      createdAt: epochSeconds(e.createdAt),
      message: e.message,
    })),
    createdAt: epochSeconds(service.createdAt),
    ...(primary ? { currentServiceDeployment: primary.serviceDeploymentArn } : {}),
    ...(primary
      ? {
          currentServiceRevisions: service.deployments.map((d) => {
            const c = counts(state.tasksOfService(service.arn), d.id);
            return {
              arn: d.serviceRevisionArn,
              requestedTaskCount: d.desiredCount,
              runningTaskCount: c.running,
              pendingTaskCount: c.pending,
            };
          }),
        }
      : {}),
    placementConstraints: service.placementConstraints,
    placementStrategy: service.placementStrategy,
    ...network(service.networkConfiguration),
    ...(service.healthCheckGracePeriodSeconds !== undefined
      ? { healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds }
      : {}),
    schedulingStrategy: service.schedulingStrategy,
    deploymentController: { type: 'ECS' },
    ...(tags ? { tags: service.tags } : {}),
    createdBy: service.createdBy,
    enableECSManagedTags: service.enableECSManagedTags,
    propagateTags: service.propagateTags,
    enableExecuteCommand: service.enableExecuteCommand,
    availabilityZoneRebalancing: service.availabilityZoneRebalancing,
  };
}

function revisionSummary(state: RegionState, service: ServiceRecord | undefined, arn: string) {
  const deployment = service?.deployments.find((d) => d.serviceRevisionArn === arn);
  const c =
    service && deployment ? counts(state.tasksOfService(service.arn), deployment.id) : undefined;
  return {
    arn,
    requestedTaskCount: deployment?.desiredCount ?? 0,
    runningTaskCount: c?.running ?? 0,
    pendingTaskCount: c?.pending ?? 0,
  };
}

export function describeServiceDeploymentBrief(record: ServiceDeploymentRecord) {
  return {
    serviceDeploymentArn: record.arn,
    serviceArn: record.serviceArn,
    clusterArn: record.clusterArn,
    startedAt: epochSeconds(record.startedAt),
    createdAt: epochSeconds(record.createdAt),
    ...(record.finishedAt !== undefined ? { finishedAt: epochSeconds(record.finishedAt) } : {}),
    targetServiceRevisionArn: record.targetRevisionArn,
    status: record.status,
    ...(record.statusReason ? { statusReason: record.statusReason } : {}),
  };
}

export function describeServiceDeployment(state: RegionState, record: ServiceDeploymentRecord) {
  const service = state.services.get(record.serviceArn);
  const done = record.finishedAt !== undefined || record.stoppedAt !== undefined;
  const breaker = record.deploymentConfiguration.deploymentCircuitBreaker;
  return {
    serviceDeploymentArn: record.arn,
    serviceArn: record.serviceArn,
    clusterArn: record.clusterArn,
    createdAt: epochSeconds(record.createdAt),
    startedAt: epochSeconds(record.startedAt),
    ...(record.finishedAt !== undefined ? { finishedAt: epochSeconds(record.finishedAt) } : {}),
    ...(record.stoppedAt !== undefined ? { stoppedAt: epochSeconds(record.stoppedAt) } : {}),
    updatedAt: epochSeconds(record.updatedAt),
    sourceServiceRevisions: record.sourceRevisions.map((source) =>
      revisionSummary(state, service, source.arn),
    ),
    targetServiceRevision: revisionSummary(state, service, record.targetRevisionArn),
    status: record.status,
    ...(record.statusReason ? { statusReason: record.statusReason } : {}),
    ...(done ? {} : { lifecycleStage: 'SCALE_UP' }),
    deploymentConfiguration: record.deploymentConfiguration,
    ...(record.rollback
      ? {
          rollback: {
            reason: record.rollback.reason,
            startedAt: epochSeconds(record.rollback.startedAt),
            serviceRevisionArn: record.rollback.serviceRevisionArn,
          },
        }
      : {}),
    deploymentCircuitBreaker: {
      status: !breaker.enable
        ? 'DISABLED'
        : record.status.startsWith('ROLLBACK')
          ? 'TRIGGERED'
          : done
            ? 'MONITORING_COMPLETE'
            : 'MONITORING',
      failureCount: record.failureCount,
      threshold: record.threshold,
    },
    alarms: { status: 'DISABLED' },
  };
}
