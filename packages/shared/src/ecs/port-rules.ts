// The port facts and helpers the port map and its findings share.
import type { PortHost } from '../schemas/port-map.js';
import type { Deployment, ServiceEvent, ServiceLoadBalancer } from '../schemas/services.js';

/** Ports the ECS agent reserves on every Linux container instance (REFERENCE.md §4). */
export const RESERVED_HOST_PORTS: readonly number[] = [22, 2375, 2376, 51678, 51679, 51680];

/** Where dynamic host ports come from on the ECS-optimized AMI (`ip_local_port_range`). */
export const EPHEMERAL_PORT_RANGE = { from: 32768, to: 61000 } as const;

/** What the port map needs of a task definition: its network mode and declared port mappings. */
export interface PortMapTaskDefinition {
  /** `family:revision`, as tasks and deployments name it. */
  taskDefinition: string;
  /** bridge when absent (the Linux EC2 default). */
  networkMode?: string;
  containers: {
    name: string;
    portMappings: { containerPort?: number; hostPort?: number; protocol?: string }[];
  }[];
}

export interface PortMapServiceInput {
  name: string;
  loadBalancers: ServiceLoadBalancer[];
  /** Every deployment's task definition counts: during a rollout both revisions run. */
  deployments: Pick<Deployment, 'taskDefinition'>[];
  /** Newest first, as DescribeServices returns them. */
  events: Pick<ServiceEvent, 'createdAt' | 'message'>[];
}

export type Protocol = 'tcp' | 'udp';

export const protocolOf = (value: string | undefined): Protocol =>
  value?.toLowerCase() === 'udp' ? 'udp' : 'tcp';

export const inEphemeralRange = (port: number) =>
  port >= EPHEMERAL_PORT_RANGE.from && port <= EPHEMERAL_PORT_RANGE.to;

export const isAwsvpc = (definition: PortMapTaskDefinition) => definition.networkMode === 'awsvpc';

/**
 * The host port a declared mapping always binds on the instance, or undefined when the port is
 * dynamic (bridge `hostPort` 0 or omitted) or lives on the task's own ENI (awsvpc).
 */
export function staticHostPort(
  definition: PortMapTaskDefinition,
  mapping: PortMapTaskDefinition['containers'][number]['portMappings'][number],
): number | undefined {
  if (isAwsvpc(definition) || definition.networkMode === 'none') return undefined;
  if (definition.networkMode === 'host') return mapping.hostPort || mapping.containerPort;
  return mapping.hostPort || undefined;
}

export interface StaticPort {
  definition: PortMapTaskDefinition;
  container: string;
  containerPort: number | undefined;
  hostPort: number;
  protocol: Protocol;
}

export function staticPortsOf(definition: PortMapTaskDefinition): StaticPort[] {
  return definition.containers.flatMap((container) =>
    container.portMappings.flatMap((mapping) => {
      const hostPort = staticHostPort(definition, mapping);
      return hostPort === undefined
        ? []
        : [
            {
              definition,
              container: container.name,
              containerPort: mapping.containerPort,
              hostPort,
              protocol: protocolOf(mapping.protocol),
            },
          ];
    }),
  );
}

export function hostKey(host: PortHost): string {
  return host.kind === 'eni' ? `eni:${host.privateIp}` : `instance:${host.containerInstanceId}`;
}

export function hostLabel(host: PortHost): string {
  return host.kind === 'eni'
    ? `ENI ${host.privateIp}`
    : `instance ${host.ec2InstanceId ?? host.containerInstanceId}`;
}

export function definitionsOf(
  service: PortMapServiceInput,
  definitions: Map<string, PortMapTaskDefinition>,
): PortMapTaskDefinition[] {
  const names = new Set(service.deployments.map((deployment) => deployment.taskDefinition));
  return [...names].flatMap((name) => {
    const definition = definitions.get(name);
    return definition ? [definition] : [];
  });
}
