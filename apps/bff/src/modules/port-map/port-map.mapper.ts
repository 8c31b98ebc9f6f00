import type { TaskDefinition as SdkTaskDefinition } from '@aws-sdk/client-ecs';
import type { PortMapServiceInput, PortMapTaskDefinition, ServiceDetail } from '@deckhand/shared';
import { nameOf } from '../ecs-mapping.js';

/** What the port map needs of a registered revision: network mode and declared mappings. */
export function toPortMapDefinition(
  reference: string,
  definition: SdkTaskDefinition,
): PortMapTaskDefinition {
  return {
    taskDefinition: definition.taskDefinitionArn ? nameOf(definition.taskDefinitionArn) : reference,
    networkMode: definition.networkMode,
    containers: (definition.containerDefinitions ?? []).map((container) => ({
      name: container.name ?? 'unknown',
      portMappings: (container.portMappings ?? []).map((mapping) => ({
        containerPort: mapping.containerPort,
        hostPort: mapping.hostPort,
        protocol: mapping.protocol,
      })),
    })),
  };
}

/** A service DTO (with its events) as the port map reads it. */
export function toPortMapService(
  service: Pick<
    ServiceDetail,
    'name' | 'loadBalancers' | 'deployments' | 'taskDefinition' | 'events'
  >,
): PortMapServiceInput {
  const deployments =
    service.deployments.length > 0
      ? service.deployments
      : [{ taskDefinition: service.taskDefinition }];
  return {
    name: service.name,
    loadBalancers: service.loadBalancers,
    deployments: deployments.map((deployment) => ({ taskDefinition: deployment.taskDefinition })),
    events: service.events.map((event) => ({ createdAt: event.createdAt, message: event.message })),
  };
}
