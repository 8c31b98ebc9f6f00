import { z } from 'zod';
import { freshness } from './freshness.js';

/** Where a host port lives: on a container instance (bridge/host networking) or a task's ENI (awsvpc). */
export const PortHost = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('instance'),
    containerInstanceId: z.string(),
    ec2InstanceId: z.string().optional(),
    privateIp: z.string().optional(),
  }),
  z.object({ kind: z.literal('eni'), privateIp: z.string() }),
]);
export type PortHost = z.infer<typeof PortHost>;

/** load balancer/target group → host : host port → task/container : container port. */
export const PortMapRow = z.object({
  targetGroupArn: z.string().optional(),
  loadBalancerName: z.string().optional(),
  service: z.string().optional(),
  host: PortHost,
  hostPort: z.number().int().min(0).max(65_535),
  protocol: z.enum(['tcp', 'udp']),
  /** The host port was picked from the ephemeral range (bridge `hostPort` 0 or omitted). */
  dynamic: z.boolean(),
  taskId: z.string(),
  container: z.string(),
  containerPort: z.number().int().min(0).max(65_535),
});
export type PortMapRow = z.infer<typeof PortMapRow>;

export const PortFindingKind = z.enum([
  'port-conflict',
  'unplaceable',
  'static-port-behind-load-balancer',
  'reserved-port',
  'ephemeral-range',
]);
export type PortFindingKind = z.infer<typeof PortFindingKind>;

export const PortFinding = z.object({
  kind: PortFindingKind,
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  service: z.string().optional(),
  taskId: z.string().optional(),
  hostPort: z.number().int().optional(),
});
export type PortFinding = z.infer<typeof PortFinding>;

export const PortMap = z.object({
  rows: z.array(PortMapRow),
  findings: z.array(PortFinding),
});
export type PortMap = z.infer<typeof PortMap>;

/** `GET /api/v1/clusters/:cluster/port-map`. */
export const PortMapResponse = PortMap.extend(freshness);
export type PortMapResponse = z.infer<typeof PortMapResponse>;
