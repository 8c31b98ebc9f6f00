import { EPHEMERAL_PORT_RANGE, type PortFinding, type PortMapRow } from '@deckhand/shared';
import {
  hostName,
  portKind,
  shortTaskId,
  targetGroupName,
  type PortKind,
} from './port-map-selectors';

export interface PortRange {
  from: number;
  to: number;
}

/** Docker's range when the kernel's `ip_local_port_range` cannot be read (older Docker, older AMIs). */
export const FALLBACK_EPHEMERAL_RANGE: PortRange = { from: 49153, to: 65535 };

const formatRange = ({ from, to }: PortRange) => `${from}–${to}`;

/**
 * The ephemeral range the BFF reasons with: read from its `ephemeral-range` finding when it sent
 * one (the message names the range), else the shared constant it uses.
 */
export function ephemeralRange(findings: PortFinding[]): PortRange {
  for (const finding of findings) {
    if (finding.kind !== 'ephemeral-range') continue;
    const match = /(\d{4,5})[–-](\d{4,5})/.exec(finding.message);
    const from = Number(match?.[1]);
    const to = Number(match?.[2]);
    if (from > 0 && to > from) return { from, to };
  }
  return { from: EPHEMERAL_PORT_RANGE.from, to: EPHEMERAL_PORT_RANGE.to };
}

/** A heading for a finding: what kind of problem, and whose. */
export function findingTitle(finding: PortFinding): string {
  const titles: Record<PortFinding['kind'], string> = {
    'port-conflict': 'Host port conflict',
    unplaceable: 'Unplaceable task',
    'static-port-behind-load-balancer': 'Static host port behind a load balancer',
    'reserved-port': 'Reserved host port',
    'ephemeral-range':
      finding.severity === 'info'
        ? 'Dynamic host ports: open the ephemeral range'
        : 'Static host port inside the ephemeral range',
  };
  const title = titles[finding.kind];
  return finding.service ? `${title} · ${finding.service}` : title;
}

const ONE_PER_INSTANCE =
  'A static host port can be bound by one task per instance: a second task of the service needs the same port, so the service can run at most one task per container instance, and a rolling deployment needs a spare instance for the new task.';

/** What ops staff need to know to act on a finding, beyond the BFF's one-line message. */
export function explainFinding(finding: PortFinding, range: PortRange): string {
  switch (finding.kind) {
    case 'unplaceable':
      return `${ONE_PER_INSTANCE} When every instance with room already holds the port (another task, another service, or a dynamic port that landed on it), ECS cannot place the task and the service stays below its desired count. Fix: hostPort 0 behind the load balancer, more instances, or a lower desired count.`;
    case 'static-port-behind-load-balancer':
      return `${ONE_PER_INSTANCE} With hostPort 0 Docker picks a free port from ${formatRange(range)} for each task and the target group registers instance:port, so several tasks share an instance.`;
    case 'port-conflict':
      return finding.severity === 'error'
        ? 'Only one process can listen on a host port and protocol of one host. Two tasks reporting the same binding means one of them is not reachable there; stop the older task or check the network mode.'
        : 'Services that need the same static host port can never run on the same instance: the cluster needs an instance per task of each of them, or dynamic host ports.';
    case 'reserved-port':
      return 'The ECS agent and Docker reserve 22, 2375, 2376, 51678, 51679 and 51680 on every container instance (plus any ports in ECS_RESERVED_PORTS). A task that needs one of them is never placed; change the hostPort in the task definition.';
    case 'ephemeral-range':
      return finding.severity === 'info'
        ? `With hostPort 0 (dynamic port mapping) Docker gives each task a free host port from the instance’s ephemeral range, which lets several tasks of a service share an instance; the load balancer registers each task in its target group as instance:port. So the container instances’ security group must allow inbound TCP ${formatRange(range)} from the load balancer’s security group (the Amazon Linux 2 / 2023 ECS-optimized AMIs’ range). Where Docker cannot read the kernel’s range (older AMIs) it uses ${formatRange(FALLBACK_EPHEMERAL_RANGE)}; allowing 32768–65535 covers both.`
        : `A static host port inside ${formatRange(range)} may already be held by a dynamic port of another task, and the task then cannot be placed on that instance. Pick a static port below ${range.from}.`;
  }
}

/** The legend of the port badges, with the range dynamic ports come from. */
export function portKindLegend(range: PortRange): Record<PortKind, string> {
  return {
    dynamic: `picked by Docker from ${formatRange(range)} when the task started (hostPort 0); changes with every task`,
    static: 'fixed by the task definition: one such task per instance',
    awsvpc: 'the task’s own network interface (ENI): host port = container port, no sharing',
  };
}

/** Where a mapping enters the cluster: the target group's name, the load balancer's, or none. */
export function entryLabel(row: Pick<PortMapRow, 'targetGroupArn' | 'loadBalancerName'>): string {
  if (row.targetGroupArn) return `target group ${targetGroupName(row.targetGroupArn)}`;
  if (row.loadBalancerName) return `load balancer ${row.loadBalancerName}`;
  return 'no load balancer';
}

/** One path read aloud: `target group web → i-0aaa 10.0.0.1:32768/tcp dynamic → task 1a2b3c4d web:8080`. */
export function describePath(row: PortMapRow): string {
  const address = row.host.privateIp ? ` ${row.host.privateIp}` : '';
  const host = row.host.kind === 'eni' ? `ENI${address}` : `${hostName(row.host)}${address}`;
  return `${entryLabel(row)} → ${host}:${row.hostPort}/${row.protocol} ${portKind(row)} → task ${shortTaskId(row.taskId)} ${row.container}:${row.containerPort}`;
}
