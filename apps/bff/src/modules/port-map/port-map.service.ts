import { buildPortMap, type PortMapResponse } from '@deckhand/shared';
import type { EcsReads } from '../../aws/ecs-reads.js';
import { freshnessOf } from '../../http/read-response.js';
import { nameOf } from '../ecs-mapping.js';
import { toContainerInstance } from '../container-instances/container-instances.mapper.js';
import { toService, toServiceEvents } from '../services/services.mapper.js';
import { lookUpTaskDefinitions } from '../task-definition-lookup.js';
import { toTask } from '../tasks/tasks.mapper.js';
import { toPortMapDefinition, toPortMapService } from './port-map.mapper.js';

export interface PortMapService {
  /** The cluster's resolved port mappings and findings (the domain logic lives in `buildPortMap`). */
  getPortMap(region: string, cluster: string): Promise<PortMapResponse>;
}

/**
 * Gathers what the port map needs — instances, RUNNING tasks, services with their events, and
 * the revisions those name — from the shared cached reads, and hands it to `buildPortMap`.
 */
export function createPortMapService(reads: EcsReads): PortMapService {
  return {
    async getPortMap(region, cluster) {
      const [instances, tasks, services] = await Promise.all([
        reads.containerInstances(region, cluster),
        reads.tasks(region, cluster, 'RUNNING'),
        reads.services(region, cluster),
      ]);
      const serviceDtos = services.value.map((service) => ({
        ...toService(service),
        events: toServiceEvents(service.events),
      }));
      const lookup = await lookUpTaskDefinitions(reads, region, [
        ...tasks.value.map((task) => nameOf(task.taskDefinitionArn, '')),
        ...serviceDtos.flatMap((service) => [
          service.taskDefinition,
          ...service.deployments.map((deployment) => deployment.taskDefinition),
        ]),
      ]);
      const instanceDtos = instances.value.map((instance) => toContainerInstance(instance));
      const ec2InstanceIds = new Map(instanceDtos.map((i) => [i.arn, i.ec2InstanceId] as const));
      const map = buildPortMap({
        instances: instanceDtos,
        tasks: tasks.value.map((task) =>
          toTask(task, { ec2InstanceIds, taskDefinitions: lookup.definitions }),
        ),
        services: serviceDtos.map(toPortMapService),
        taskDefinitions: [...lookup.definitions].map(([reference, definition]) =>
          toPortMapDefinition(reference, definition),
        ),
      });
      const freshness = freshnessOf(instances, tasks, services);
      return { ...map, ...freshness, stale: freshness.stale || lookup.stale };
    },
  };
}
