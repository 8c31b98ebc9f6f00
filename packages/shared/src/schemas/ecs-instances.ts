import { z } from 'zod';
import { Capacity } from './clusters.js';
import { freshness } from './freshness.js';
import { describeFailures } from './services.js';

/** Host ports taken on an instance, per protocol: the agent's reserved ports plus those tasks bind. */
export const PortsInUse = z.object({
  tcp: z.array(z.number().int().min(0).max(65_535)),
  udp: z.array(z.number().int().min(0).max(65_535)),
});
export type PortsInUse = z.infer<typeof PortsInUse>;

/** An instance attribute as the agent registers it; capabilities (`ecs.capability.*`) have no value. */
export const InstanceAttribute = z.object({
  name: z.string(),
  value: z.string().optional(),
});
export type InstanceAttribute = z.infer<typeof InstanceAttribute>;

export const ContainerInstance = z.object({
  /** The id in the ARN (`container-instance/<cluster>/<id>`), which the API addresses it by. */
  id: z.string(),
  arn: z.string(),
  ec2InstanceId: z.string(),
  /** ACTIVE, DRAINING, REGISTERING, DEREGISTERING, REGISTRATION_FAILED, INACTIVE. */
  status: z.string(),
  statusReason: z.string().optional(),
  agentConnected: z.boolean(),
  agentVersion: z.string(),
  dockerVersion: z.string(),
  instanceType: z.string().optional(),
  availabilityZone: z.string().optional(),
  /** Only known when the instance carries an ENI attachment (awsvpc trunking); ECS does not report it otherwise. */
  privateIp: z.string().optional(),
  capacityProviderName: z.string().optional(),
  cpu: Capacity,
  memory: Capacity,
  ports: PortsInUse,
  runningTasksCount: z.number().int().nonnegative(),
  pendingTasksCount: z.number().int().nonnegative(),
  attributes: z.array(InstanceAttribute),
  registeredAt: z.iso.datetime().optional(),
  /** Ids of the tasks placed on the instance that are meant to run (desired status RUNNING). */
  tasks: z.array(z.string()),
});
export type ContainerInstance = z.infer<typeof ContainerInstance>;

/** `GET /api/v1/clusters/:cluster/container-instances`. */
export const ContainerInstancesResponse = z.object({
  containerInstances: z.array(ContainerInstance),
  ...describeFailures,
  ...freshness,
});
export type ContainerInstancesResponse = z.infer<typeof ContainerInstancesResponse>;
