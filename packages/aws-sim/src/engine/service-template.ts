import type { FleetContext } from './fleet-state.js';
import type { DeploymentRecord, LaunchType, ServiceRecord, Tag } from './model.js';
import type { TaskTemplate } from './task-factory.js';
import { readTaskSpec, taskNeeds } from './task-spec.js';

/** Fargate's current platform version, what `LATEST` resolves to. */
export const FARGATE_PLATFORM_VERSION = '1.4.0';

/** What a service's tasks run on: its launch type, or FARGATE for a FARGATE* capacity provider strategy. */
export function serviceLaunchType(service: {
  launchType?: LaunchType;
  capacityProviderStrategy: readonly { capacityProvider: string }[];
}): LaunchType {
  if (service.launchType) return service.launchType;
  return service.capacityProviderStrategy.some((item) =>
    item.capacityProvider.startsWith('FARGATE'),
  )
    ? 'FARGATE'
    : 'EC2';
}

/** The tags a service's tasks get: propagated ones, plus ECS-managed ones when enabled. */
function serviceTaskTags(service: ServiceRecord, clusterName: string, definitionTags: Tag[]) {
  const tags: Tag[] =
    service.propagateTags === 'SERVICE'
      ? [...service.tags]
      : service.propagateTags === 'TASK_DEFINITION'
        ? [...definitionTags]
        : [];
  if (service.enableECSManagedTags) {
    tags.push({ key: 'aws:ecs:clusterName', value: clusterName });
    tags.push({ key: 'aws:ecs:serviceName', value: service.name });
  }
  return tags;
}

/** The template of a deployment's tasks, or undefined if its task definition is gone. */
export function serviceTemplate(
  { state }: FleetContext,
  service: ServiceRecord,
  deployment: DeploymentRecord,
): TaskTemplate | undefined {
  const cluster = state.clusters.get(service.clusterArn);
  const taskDefinition = state.taskDefinitions.get(deployment.taskDefinitionArn);
  if (!cluster || !taskDefinition) return undefined;
  const spec = readTaskSpec(taskDefinition.definition);
  const launchType = serviceLaunchType(deployment);
  const networkConfiguration = deployment.networkConfiguration ?? service.networkConfiguration;
  return {
    cluster,
    taskDefinition,
    spec,
    needs: taskNeeds(spec),
    launchType,
    ...(launchType === 'FARGATE' ? { platformVersion: FARGATE_PLATFORM_VERSION } : {}),
    group: `service:${service.name}`,
    startedBy: deployment.id,
    serviceArn: service.arn,
    deploymentId: deployment.id,
    targetGroupArns: service.loadBalancers.flatMap((lb) =>
      lb.targetGroupArn ? [lb.targetGroupArn] : [],
    ),
    overrides: { containerOverrides: [], inferenceAcceleratorOverrides: [] },
    tags: serviceTaskTags(service, cluster.name, taskDefinition.tags),
    ...(networkConfiguration ? { networkConfiguration } : {}),
    enableExecuteCommand: service.enableExecuteCommand,
  };
}
