/**
 * ECS API throttling: a token bucket per account, Region and action category, shared by every
 * client of the account (REFERENCE.md §1). Burst = bucket size; rate = tokens added per second.
 */
export interface BucketSpec {
  burst: number;
  rate: number;
}

export const ECS_THROTTLING_CATEGORIES = {
  clusterRead: { burst: 50, rate: 20 },
  clusterModify: { burst: 20, rate: 1 },
  serviceRead: { burst: 100, rate: 20 },
  serviceModify: { burst: 50, rate: 5 },
  clusterResourceRead: { burst: 100, rate: 20 },
  clusterResourceModify: { burst: 100, rate: 40 },
  taskDefinitionRead: { burst: 50, rate: 20 },
  taskDefinitionModify: { burst: 20, rate: 1 },
  taskDefinitionDelete: { burst: 5, rate: 1 },
  tagRead: { burst: 50, rate: 20 },
  tagModify: { burst: 20, rate: 1 },
  other: { burst: 20, rate: 5 },
} as const satisfies Record<string, BucketSpec>;

export type EcsThrottlingCategory = keyof typeof ECS_THROTTLING_CATEGORIES;

const BY_OPERATION: Record<string, EcsThrottlingCategory> = {
  ListClusters: 'clusterRead',
  DescribeClusters: 'clusterRead',
  CreateCluster: 'clusterModify',
  DeleteCluster: 'clusterModify',
  UpdateCluster: 'clusterModify',
  UpdateClusterSettings: 'clusterModify',
  PutClusterCapacityProviders: 'clusterModify',
  DescribeCapacityProviders: 'clusterRead',
  ListServices: 'serviceRead',
  DescribeServices: 'serviceRead',
  ListServiceDeployments: 'serviceRead',
  DescribeServiceDeployments: 'serviceRead',
  DescribeServiceRevisions: 'serviceRead',
  ListServicesByNamespace: 'serviceRead',
  CreateService: 'serviceModify',
  UpdateService: 'serviceModify',
  DeleteService: 'serviceModify',
  ListTasks: 'clusterResourceRead',
  DescribeTasks: 'clusterResourceRead',
  ListContainerInstances: 'clusterResourceRead',
  DescribeContainerInstances: 'clusterResourceRead',
  RunTask: 'clusterResourceModify',
  StartTask: 'clusterResourceModify',
  StopTask: 'clusterResourceModify',
  UpdateContainerInstancesState: 'clusterResourceModify',
  RegisterContainerInstance: 'clusterResourceModify',
  DeregisterContainerInstance: 'clusterResourceModify',
  ListTaskDefinitions: 'taskDefinitionRead',
  ListTaskDefinitionFamilies: 'taskDefinitionRead',
  DescribeTaskDefinition: 'taskDefinitionRead',
  RegisterTaskDefinition: 'taskDefinitionModify',
  DeregisterTaskDefinition: 'taskDefinitionModify',
  DeleteTaskDefinitions: 'taskDefinitionDelete',
  ListTagsForResource: 'tagRead',
  TagResource: 'tagModify',
  UntagResource: 'tagModify',
};

/** The throttling category of an ECS operation (`other` for those the table does not name). */
export function ecsThrottlingCategory(operation: string): EcsThrottlingCategory {
  return BY_OPERATION[operation] ?? 'other';
}
