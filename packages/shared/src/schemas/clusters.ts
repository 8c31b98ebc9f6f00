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
