import { z } from 'zod';
import { CapacityProviderStrategyItem } from './clusters.js';
import { freshness } from './freshness.js';

const count = z.number().int().nonnegative();

/**
 * A resource a Describe* call could not describe (`failures` in ECS's answer), e.g. a task that
 * stopped and vanished between the List and the Describe (`MISSING`). Shown, never dropped.
 */
export const DescribeFailure = z.object({
  arn: z.string().optional(),
  /** ECS's reason, e.g. MISSING, INACTIVE. */
  reason: z.string(),
  detail: z.string().optional(),
});
export type DescribeFailure = z.infer<typeof DescribeFailure>;

/** The optional `failures` of a list answer built from Describe* batches. */
export const describeFailures = { failures: z.array(DescribeFailure).optional() };

export const DeploymentStatus = z.enum(['PRIMARY', 'ACTIVE', 'INACTIVE']);
export type DeploymentStatus = z.infer<typeof DeploymentStatus>;

export const Deployment = z.object({
  /** `ecs-svc/<digits>`, as service events and tasks' `startedBy` name it. */
  id: z.string(),
  status: DeploymentStatus,
  /** `family:revision`. */
  taskDefinition: z.string(),
  desiredCount: count,
  runningCount: count,
  pendingCount: count,
  failedTasks: count,
  /** COMPLETED, FAILED or IN_PROGRESS; only with the rolling-update circuit breaker. */
  rolloutState: z.string().optional(),
  rolloutStateReason: z.string().optional(),
  createdAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime().optional(),
});
export type Deployment = z.infer<typeof Deployment>;

/** A target group (ALB/NLB) or classic load balancer in front of one container port. */
export const ServiceLoadBalancer = z.object({
  targetGroupArn: z.string().optional(),
  loadBalancerName: z.string().optional(),
  containerName: z.string(),
  containerPort: z.number().int(),
});
export type ServiceLoadBalancer = z.infer<typeof ServiceLoadBalancer>;

export const Service = z.object({
  name: z.string(),
  arn: z.string(),
  /** ACTIVE, DRAINING or INACTIVE. */
  status: z.string(),
  /** EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES; absent when a capacity provider strategy is used. */
  launchType: z.string().optional(),
  capacityProviderStrategy: z.array(CapacityProviderStrategyItem),
  /** REPLICA or DAEMON. */
  schedulingStrategy: z.string(),
  desiredCount: count,
  runningCount: count,
  pendingCount: count,
  /** `family:revision` of the primary deployment. */
  taskDefinition: z.string(),
  deployments: z.array(Deployment),
  loadBalancers: z.array(ServiceLoadBalancer),
  createdAt: z.iso.datetime().optional(),
  tags: z.record(z.string(), z.string()),
});
export type Service = z.infer<typeof Service>;

/** `GET /api/v1/clusters/:cluster/services`. */
export const ServicesResponse = z.object({
  services: z.array(Service),
  ...describeFailures,
  ...freshness,
});
export type ServicesResponse = z.infer<typeof ServicesResponse>;

/** What a service event is about, from AWS's wording (see `classifyServiceEvent`). */
export const ServiceEventKind = z.enum([
  'steady-state',
  'placement-failure',
  'unhealthy',
  'task-started',
  'task-stopped',
  'deployment',
  'load-balancer',
  'other',
]);
export type ServiceEventKind = z.infer<typeof ServiceEventKind>;

export const ServiceEvent = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  message: z.string(),
  kind: ServiceEventKind,
});
export type ServiceEvent = z.infer<typeof ServiceEvent>;

export const NetworkConfiguration = z.object({
  awsvpcConfiguration: z
    .object({
      subnets: z.array(z.string()),
      securityGroups: z.array(z.string()),
      /** ENABLED or DISABLED. */
      assignPublicIp: z.string().optional(),
    })
    .optional(),
});
export type NetworkConfiguration = z.infer<typeof NetworkConfiguration>;

export const DeploymentConfiguration = z.object({
  minimumHealthyPercent: z.number().int().optional(),
  maximumPercent: z.number().int().optional(),
  deploymentCircuitBreaker: z.object({ enable: z.boolean(), rollback: z.boolean() }).optional(),
  /** ROLLING, BLUE_GREEN, … (ECS-native deployment strategies). */
  strategy: z.string().optional(),
});
export type DeploymentConfiguration = z.infer<typeof DeploymentConfiguration>;

export const PlacementStrategy = z.object({
  /** random, spread or binpack. */
  type: z.string(),
  field: z.string().optional(),
});
export type PlacementStrategy = z.infer<typeof PlacementStrategy>;

export const PlacementConstraint = z.object({
  /** distinctInstance or memberOf. */
  type: z.string(),
  expression: z.string().optional(),
});
export type PlacementConstraint = z.infer<typeof PlacementConstraint>;

/** One service with what the list leaves out. Events are newest first. */
export const ServiceDetail = Service.extend({
  networkConfiguration: NetworkConfiguration.optional(),
  deploymentConfiguration: DeploymentConfiguration.optional(),
  placementStrategy: z.array(PlacementStrategy),
  placementConstraints: z.array(PlacementConstraint),
  healthCheckGracePeriodSeconds: z.number().int().optional(),
  enableExecuteCommand: z.boolean(),
  events: z.array(ServiceEvent),
});
export type ServiceDetail = z.infer<typeof ServiceDetail>;

/** `GET /api/v1/clusters/:cluster/services/:service`. */
export const ServiceDetailResponse = z.object({ service: ServiceDetail, ...freshness });
export type ServiceDetailResponse = z.infer<typeof ServiceDetailResponse>;

/** A cluster or service name as ECS accepts it (letters, digits, hyphens, underscores; ≤ 255). */
export const EcsName = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,255}$/, 'must be 1–255 letters, digits, hyphens or underscores');
