import { z } from 'zod';
import { freshness } from './freshness.js';

export const ClusterFlavor = z.enum(['ec2', 'fargate', 'mixed', 'elastic-beanstalk']);
export type ClusterFlavor = z.infer<typeof ClusterFlavor>;

export const LaunchType = z.enum(['EC2', 'FARGATE', 'EXTERNAL']);
export type LaunchType = z.infer<typeof LaunchType>;

/** Registered and remaining capacity, summed over ACTIVE container instances (CPU units, MiB). */
export const Capacity = z.object({
  registered: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
});
export type Capacity = z.infer<typeof Capacity>;

export const Cluster = z.object({
  name: z.string(),
  arn: z.string(),
  status: z.string(),
  flavor: ClusterFlavor,
  launchTypes: z.array(LaunchType),
  registeredContainerInstancesCount: z.number().int().nonnegative(),
  activeServicesCount: z.number().int().nonnegative(),
  runningTasksCount: z.number().int().nonnegative(),
  pendingTasksCount: z.number().int().nonnegative(),
  cpu: Capacity,
  memory: Capacity,
  tags: z.record(z.string(), z.string()),
});
export type Cluster = z.infer<typeof Cluster>;

/** `GET /api/v1/clusters`. */
export const ClustersResponse = z.object({ clusters: z.array(Cluster), ...freshness });
export type ClustersResponse = z.infer<typeof ClustersResponse>;

export const CapacityProviderStrategyItem = z.object({
  capacityProvider: z.string(),
  weight: z.number().int().nonnegative(),
  base: z.number().int().nonnegative(),
});
export type CapacityProviderStrategyItem = z.infer<typeof CapacityProviderStrategyItem>;

/** One cluster with what the list leaves out: capacity providers and settings (e.g. containerInsights). */
export const ClusterDetail = Cluster.extend({
  capacityProviders: z.array(z.string()),
  defaultCapacityProviderStrategy: z.array(CapacityProviderStrategyItem),
  settings: z.array(z.object({ name: z.string(), value: z.string() })),
});
export type ClusterDetail = z.infer<typeof ClusterDetail>;

/** `GET /api/v1/clusters/:cluster`. */
export const ClusterDetailResponse = z.object({ cluster: ClusterDetail, ...freshness });
export type ClusterDetailResponse = z.infer<typeof ClusterDetailResponse>;
