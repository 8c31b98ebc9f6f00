import type { BucketSpec, ThrottlePolicy } from './throttle.js';

interface Category {
  bucket: BucketSpec;
  /** False where AWS does not publish the numbers: a guess, overridable at run time. */
  verified: boolean;
  operations: readonly string[];
}

/**
 * ECS's action categories and their buckets (REFERENCE.md §1, from AWS's "Request throttling for
 * the Amazon ECS API"). Every operation of the ECS service model is listed, implemented or not, so
 * a new handler is throttled from its first day; a unit test checks the list against the SDK.
 */
export const ECS_CATEGORIES: Record<string, Category> = {
  'cluster-read': {
    bucket: { burst: 50, refillPerSecond: 20 },
    verified: true,
    operations: ['ListClusters', 'DescribeClusters'],
  },
  'cluster-modify': {
    bucket: { burst: 20, refillPerSecond: 1 },
    verified: false,
    operations: [
      'CreateCluster',
      'DeleteCluster',
      'UpdateCluster',
      'UpdateClusterSettings',
      'PutClusterCapacityProviders',
    ],
  },
  'cluster-resource-read': {
    bucket: { burst: 100, refillPerSecond: 20 },
    verified: true,
    // ListAttributes and GetTaskProtection read the same cluster resources; their category is a guess.
    operations: [
      'ListTasks',
      'DescribeTasks',
      'ListContainerInstances',
      'DescribeContainerInstances',
      'ListAttributes',
      'GetTaskProtection',
    ],
  },
  'cluster-resource-modify': {
    bucket: { burst: 100, refillPerSecond: 40 },
    verified: true,
    // RunTask, StopTask and UpdateContainerInstancesState are documented; the instance, attribute
    // and agent calls are placed beside them because they change the same cluster resources.
    operations: [
      'RunTask',
      'StartTask',
      'StopTask',
      'UpdateContainerInstancesState',
      'RegisterContainerInstance',
      'DeregisterContainerInstance',
      'PutAttributes',
      'DeleteAttributes',
      'UpdateContainerAgent',
      'UpdateTaskProtection',
      'ExecuteCommand',
      'DiscoverPollEndpoint',
      'SubmitTaskStateChange',
      'SubmitContainerStateChange',
      'SubmitAttachmentStateChanges',
    ],
  },
  'service-read': {
    bucket: { burst: 100, refillPerSecond: 20 },
    verified: true,
    operations: [
      'ListServices',
      'DescribeServices',
      'ListServicesByNamespace',
      'ListServiceDeployments',
      'DescribeServiceDeployments',
      'DescribeServiceRevisions',
      'DescribeTaskSets',
      'DescribeExpressGatewayService',
      'ListDaemons',
      'DescribeDaemon',
      'ListDaemonDeployments',
      'DescribeDaemonDeployments',
      'DescribeDaemonRevisions',
    ],
  },
  'service-modify': {
    bucket: { burst: 50, refillPerSecond: 5 },
    verified: true,
    operations: [
      'CreateService',
      'UpdateService',
      'DeleteService',
      'CreateTaskSet',
      'UpdateTaskSet',
      'DeleteTaskSet',
      'UpdateServicePrimaryTaskSet',
      'StopServiceDeployment',
      'ContinueServiceDeployment',
      'CreateExpressGatewayService',
      'UpdateExpressGatewayService',
      'DeleteExpressGatewayService',
      'CreateDaemon',
      'UpdateDaemon',
      'DeleteDaemon',
    ],
  },
  'task-definition-read': {
    bucket: { burst: 50, refillPerSecond: 20 },
    verified: true,
    operations: [
      'DescribeTaskDefinition',
      'ListTaskDefinitions',
      'ListTaskDefinitionFamilies',
      'DescribeDaemonTaskDefinition',
      'ListDaemonTaskDefinitions',
    ],
  },
  'task-definition-modify': {
    bucket: { burst: 20, refillPerSecond: 1 },
    verified: true,
    operations: [
      'RegisterTaskDefinition',
      'DeregisterTaskDefinition',
      'RegisterDaemonTaskDefinition',
      'DeleteDaemonTaskDefinition',
    ],
  },
  // DeleteTaskDefinitions has a bucket of its own.
  'task-definition-delete': {
    bucket: { burst: 5, refillPerSecond: 1 },
    verified: true,
    operations: ['DeleteTaskDefinitions'],
  },
  'tag-read': {
    bucket: { burst: 50, refillPerSecond: 20 },
    verified: true,
    operations: ['ListTagsForResource'],
  },
  'tag-modify': {
    bucket: { burst: 50, refillPerSecond: 5 },
    verified: false,
    operations: ['TagResource', 'UntagResource'],
  },
  'capacity-provider-read': {
    bucket: { burst: 50, refillPerSecond: 20 },
    verified: false,
    operations: ['DescribeCapacityProviders'],
  },
  'capacity-provider-modify': {
    bucket: { burst: 20, refillPerSecond: 1 },
    verified: false,
    operations: ['CreateCapacityProvider', 'UpdateCapacityProvider', 'DeleteCapacityProvider'],
  },
  'gateway-read': {
    bucket: { burst: 50, refillPerSecond: 20 },
    verified: false,
    operations: [
      'DescribeGateway',
      'DescribeGatewayResources',
      'DescribeGatewayRoute',
      'ListGateways',
      'ListGatewayRoutes',
      'ListGatewayClusterAssociations',
    ],
  },
  'gateway-modify': {
    bucket: { burst: 20, refillPerSecond: 1 },
    verified: false,
    operations: [
      'CreateGateway',
      'UpdateGateway',
      'DeleteGateway',
      'AssociateGatewayWithCluster',
      'DisassociateGatewayFromCluster',
    ],
  },
  'account-setting-read': {
    bucket: { burst: 50, refillPerSecond: 20 },
    verified: false,
    operations: ['ListAccountSettings'],
  },
  'account-setting-modify': {
    bucket: { burst: 20, refillPerSecond: 1 },
    verified: false,
    operations: ['PutAccountSetting', 'PutAccountSettingDefault', 'DeleteAccountSetting'],
  },
};

const entries = Object.entries(ECS_CATEGORIES);

export const ECS_THROTTLING: ThrottlePolicy = {
  buckets: Object.fromEntries(entries.map(([name, category]) => [name, category.bucket])),
  categories: Object.fromEntries(
    entries.flatMap(([name, category]) =>
      category.operations.map((operation) => [operation, name]),
    ),
  ),
  unverified: entries.filter(([, category]) => !category.verified).map(([name]) => name),
};
