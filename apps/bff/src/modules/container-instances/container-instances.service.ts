import type { ContainerInstancesResponse } from '@deckhand/shared';
import { failuresField } from '../../aws/describe-failures.js';
import type { EcsReads } from '../../aws/ecs-reads.js';
import { freshnessOf } from '../../http/read-response.js';
import { nameOf } from '../ecs-mapping.js';
import { toContainerInstance } from './container-instances.mapper.js';

export interface ContainerInstancesService {
  /** A cluster's container instances, each with the ids of its RUNNING tasks. */
  listContainerInstances(region: string, cluster: string): Promise<ContainerInstancesResponse>;
}

export function createContainerInstancesService(reads: EcsReads): ContainerInstancesService {
  return {
    async listContainerInstances(region, cluster) {
      const instances = await reads.containerInstances(region, cluster);
      // The RUNNING tasks (shared with the tasks route through the cache) place tasks on instances;
      // a cluster without instances needs no task calls.
      const tasks =
        instances.value.length > 0 ? await reads.tasks(region, cluster, 'RUNNING') : undefined;
      const byInstance = new Map<string, string[]>();
      for (const task of tasks?.value ?? []) {
        if (!task.containerInstanceArn) continue;
        const ids = byInstance.get(task.containerInstanceArn) ?? [];
        ids.push(nameOf(task.taskArn));
        byInstance.set(task.containerInstanceArn, ids);
      }
      return {
        containerInstances: instances.value
          .map((instance) =>
            toContainerInstance(instance, byInstance.get(instance.containerInstanceArn ?? '')),
          )
          .sort(
            (a, b) =>
              (a.availabilityZone ?? '').localeCompare(b.availabilityZone ?? '') ||
              a.ec2InstanceId.localeCompare(b.ec2InstanceId),
          ),
        ...failuresField(instances.value),
        ...freshnessOf(instances, ...(tasks ? [tasks] : [])),
      };
    },
  };
}
