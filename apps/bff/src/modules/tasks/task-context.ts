import type { Task as SdkTask } from '@aws-sdk/client-ecs';
import type { EcsReads } from '../../aws/ecs-reads.js';
import type { CachedValue } from '../../aws/read-cache.js';
import { nameOf } from '../ecs-mapping.js';
import { lookUpTaskDefinitions } from '../task-definition-lookup.js';
import { needsDefinitionForPorts, type TaskContext } from './tasks.mapper.js';

/**
 * What mapping tasks needs beyond DescribeTasks, from cached reads: the EC2 instance id of each
 * container instance (tasks name their instance by ARN only) and, for awsvpc tasks that report
 * no network bindings, the task definitions their ports come from. Used by the tasks route and
 * by the live pollers, so a task on the feed looks like the same task in the list.
 */
export async function loadTaskContext(
  reads: EcsReads,
  region: string,
  cluster: string,
  tasks: SdkTask[],
): Promise<{ context: TaskContext; parts: CachedValue<unknown>[] }> {
  const onInstances = tasks.some((task) => task.containerInstanceArn);
  const instances = onInstances ? await reads.containerInstances(region, cluster) : undefined;
  const lookup = await lookUpTaskDefinitions(
    reads,
    region,
    tasks.filter(needsDefinitionForPorts).map((task) => nameOf(task.taskDefinitionArn, '')),
  );
  const ec2InstanceIds = new Map(
    (instances?.value ?? []).flatMap((instance) =>
      instance.containerInstanceArn && instance.ec2InstanceId
        ? [[instance.containerInstanceArn, instance.ec2InstanceId] as const]
        : [],
    ),
  );
  return {
    context: { ec2InstanceIds, taskDefinitions: lookup.definitions },
    parts: [...(instances ? [instances] : []), ...lookup.parts],
  };
}
