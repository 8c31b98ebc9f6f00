import type { PortFinding, PortMapRow } from '../schemas/port-map.js';
import {
  classifyServiceEvent,
  containerInstanceIdIn,
  isPortPlacementFailure,
} from './event-kind.js';
import {
  definitionsOf,
  EPHEMERAL_PORT_RANGE,
  hostKey,
  hostLabel,
  inEphemeralRange,
  RESERVED_HOST_PORTS,
  staticPortsOf,
  type PortMapServiceInput,
  type PortMapTaskDefinition,
} from './port-rules.js';

/** The port map's findings: what keeps tasks from being placed or reached. Each rule is pure. */

/** Two tasks bound to the same host port on one host: ECS should never allow it, so it is worth an error. */
export function observedConflicts(rows: PortMapRow[]): PortFinding[] {
  const byPort = new Map<string, { row: PortMapRow; tasks: Set<string> }>();
  for (const row of rows) {
    const key = `${hostKey(row.host)}:${row.hostPort}/${row.protocol}`;
    const entry = byPort.get(key) ?? { row, tasks: new Set<string>() };
    entry.tasks.add(row.taskId);
    byPort.set(key, entry);
  }
  return [...byPort.values()]
    .filter((entry) => entry.tasks.size > 1)
    .map(({ row, tasks }) => ({
      kind: 'port-conflict',
      severity: 'error',
      message: `Host port ${row.hostPort}/${row.protocol} on ${hostLabel(row.host)} is bound by ${tasks.size} tasks (${[...tasks].join(', ')}).`,
      hostPort: row.hostPort,
      ...(row.service ? { service: row.service } : {}),
    }));
}

/** Services that claim the same static host port can never share an instance. */
export function declaredConflicts(
  services: PortMapServiceInput[],
  definitions: Map<string, PortMapTaskDefinition>,
): PortFinding[] {
  const claims = new Map<string, Set<string>>();
  for (const service of services) {
    for (const port of definitionsOf(service, definitions).flatMap(staticPortsOf)) {
      const key = `${port.hostPort}/${port.protocol}`;
      claims.set(key, (claims.get(key) ?? new Set()).add(service.name));
    }
  }
  return [...claims]
    .filter(([, names]) => names.size > 1)
    .map(([port, names]) => ({
      kind: 'port-conflict',
      severity: 'warning',
      message: `Services ${[...names].sort().join(', ')} all need static host port ${port}: no instance can run a task of more than one of them.`,
      hostPort: Number(port.split('/')[0]),
    }));
}

/** A port placement failure newer than the last steady state: the service is short of tasks now. */
export function unplaceable(
  services: PortMapServiceInput[],
  definitions: Map<string, PortMapTaskDefinition>,
): PortFinding[] {
  return services.flatMap((service) => {
    const failure = service.events.find((event) => isPortPlacementFailure(event.message));
    if (!failure) return [];
    const steady = service.events.find(
      (event) => classifyServiceEvent(event.message) === 'steady-state',
    );
    if (steady && Date.parse(steady.createdAt) > Date.parse(failure.createdAt)) return [];
    const ports = [
      ...new Set(
        definitionsOf(service, definitions)
          .flatMap(staticPortsOf)
          .map((port) => `${port.hostPort}/${port.protocol}`),
      ),
    ];
    const instance = containerInstanceIdIn(failure.message);
    const portNote = ports.length > 0 ? ` (static host port ${ports.join(', ')})` : '';
    const hostPort = ports.length === 1 ? Number(ports[0]?.split('/')[0]) : undefined;
    return [
      {
        kind: 'unplaceable',
        severity: 'error',
        message: `ECS cannot place a task of service ${service.name}: ${instance ? `the closest instance (${instance})` : 'every instance'} already uses a port it needs${portNote}. Add instances, lower the desired count, or use dynamic host ports.`,
        service: service.name,
        ...(hostPort !== undefined ? { hostPort } : {}),
      },
    ];
  });
}

/** A static host port behind a load balancer allows one task per instance (REFERENCE.md §5). */
export function staticBehindLoadBalancer(
  services: PortMapServiceInput[],
  definitions: Map<string, PortMapTaskDefinition>,
): PortFinding[] {
  const findings: PortFinding[] = [];
  for (const service of services) {
    const seen = new Set<number>();
    for (const port of definitionsOf(service, definitions).flatMap(staticPortsOf)) {
      const balanced = service.loadBalancers.some(
        (lb) => lb.containerName === port.container && lb.containerPort === port.containerPort,
      );
      if (!balanced || seen.has(port.hostPort)) continue;
      seen.add(port.hostPort);
      findings.push({
        kind: 'static-port-behind-load-balancer',
        severity: 'warning',
        message: `Service ${service.name} puts static host port ${port.hostPort} (container ${port.container}) behind a load balancer: only one of its tasks fits on an instance, and a rolling deployment needs a spare one. Use hostPort 0 for a dynamic port.`,
        service: service.name,
        hostPort: port.hostPort,
      });
    }
  }
  return findings;
}

export function reservedAndEphemeral(definitions: PortMapTaskDefinition[]): PortFinding[] {
  const findings: PortFinding[] = [];
  for (const port of definitions.flatMap(staticPortsOf)) {
    const name = port.definition.taskDefinition;
    if (RESERVED_HOST_PORTS.includes(port.hostPort) && port.protocol === 'tcp') {
      findings.push({
        kind: 'reserved-port',
        severity: 'error',
        message: `Task definition ${name} (container ${port.container}) needs host port ${port.hostPort}, which every container instance reserves (${RESERVED_HOST_PORTS.join(', ')}): its tasks can never be placed.`,
        hostPort: port.hostPort,
      });
    } else if (inEphemeralRange(port.hostPort)) {
      findings.push({
        kind: 'ephemeral-range',
        severity: 'warning',
        message: `Task definition ${name} (container ${port.container}) uses static host port ${port.hostPort}, inside the ephemeral range ${EPHEMERAL_PORT_RANGE.from}–${EPHEMERAL_PORT_RANGE.to}: a dynamic port may already hold it, and the task then cannot be placed.`,
        hostPort: port.hostPort,
      });
    }
  }
  return findings;
}

/** Dynamic ports behind a load balancer: the instances' security group must open the whole range to it. */
export function dynamicBehindLoadBalancer(rows: PortMapRow[]): PortFinding[] {
  const services = new Set(
    rows
      .filter((row) => row.dynamic && (row.targetGroupArn || row.loadBalancerName))
      .map((row) => row.service ?? 'unknown'),
  );
  if (services.size === 0) return [];
  return [
    {
      kind: 'ephemeral-range',
      severity: 'info',
      message: `Services ${[...services].sort().join(', ')} use dynamic host ports behind a load balancer: the container instances' security group must allow the load balancer on ${EPHEMERAL_PORT_RANGE.from}–${EPHEMERAL_PORT_RANGE.to}/tcp (the ECS-optimized AMI's ephemeral range).`,
    },
  ];
}
