import type {
  Cluster as SdkCluster,
  ContainerInstance as SdkContainerInstance,
  Resource,
} from '@aws-sdk/client-ecs';
import {
  detectFlavor,
  launchTypesOf,
  type Capacity,
  type Cluster,
  type FlavorInput,
} from '@deckhand/shared';

function statistic(cluster: SdkCluster, name: string): number {
  const value = cluster.statistics?.find((stat) => stat.name === name)?.value;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : 0;
}

export function tagsToRecord(
  tags: { key?: string; value?: string }[] | undefined,
): Record<string, string> {
  const record: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.key) record[tag.key] = tag.value ?? '';
  return record;
}

function integerResource(resources: Resource[] | undefined, name: string): number {
  return resources?.find((resource) => resource.name === name)?.integerValue ?? 0;
}

export interface ClusterCapacity {
  cpu: Capacity;
  memory: Capacity;
}

/** Sums registered and remaining CPU and memory over a cluster's container instances. */
export function capacityOf(instances: SdkContainerInstance[]): ClusterCapacity {
  const capacity: ClusterCapacity = {
    cpu: { registered: 0, remaining: 0 },
    memory: { registered: 0, remaining: 0 },
  };
  for (const instance of instances) {
    capacity.cpu.registered += integerResource(instance.registeredResources, 'CPU');
    capacity.cpu.remaining += Math.max(0, integerResource(instance.remainingResources, 'CPU'));
    capacity.memory.registered += integerResource(instance.registeredResources, 'MEMORY');
    capacity.memory.remaining += Math.max(
      0,
      integerResource(instance.remainingResources, 'MEMORY'),
    );
  }
  return capacity;
}

const EMPTY_CAPACITY: ClusterCapacity = {
  cpu: { registered: 0, remaining: 0 },
  memory: { registered: 0, remaining: 0 },
};

/** DescribeClusters output (with STATISTICS and TAGS) → the shared Cluster DTO. Tolerates missing fields. */
export function toCluster(
  cluster: SdkCluster,
  capacity: ClusterCapacity = EMPTY_CAPACITY,
): Cluster {
  const name = cluster.clusterName ?? cluster.clusterArn?.split('/').pop() ?? 'unknown';
  const tags = tagsToRecord(cluster.tags);
  const flavorInput: FlavorInput = {
    name,
    tags,
    capacityProviders: cluster.capacityProviders ?? [],
    registeredContainerInstancesCount: cluster.registeredContainerInstancesCount ?? 0,
    tasksByLaunchType: {
      EC2: statistic(cluster, 'runningEC2TasksCount') + statistic(cluster, 'pendingEC2TasksCount'),
      FARGATE:
        statistic(cluster, 'runningFargateTasksCount') +
        statistic(cluster, 'pendingFargateTasksCount'),
      EXTERNAL:
        statistic(cluster, 'runningExternalTasksCount') +
        statistic(cluster, 'pendingExternalTasksCount'),
    },
  };
  return {
    name,
    arn: cluster.clusterArn ?? '',
    status: cluster.status ?? 'UNKNOWN',
    flavor: detectFlavor(flavorInput),
    launchTypes: launchTypesOf(flavorInput),
    registeredContainerInstancesCount: cluster.registeredContainerInstancesCount ?? 0,
    activeServicesCount: cluster.activeServicesCount ?? 0,
    runningTasksCount: cluster.runningTasksCount ?? 0,
    pendingTasksCount: cluster.pendingTasksCount ?? 0,
    cpu: capacity.cpu,
    memory: capacity.memory,
    tags,
  };
}
