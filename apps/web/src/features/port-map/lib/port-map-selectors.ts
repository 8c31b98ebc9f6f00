import type { PortFinding, PortHost, PortMapRow } from '@deckhand/shared';

/** How a host port came to be: picked at task start, fixed by the task definition, or the task's own ENI. */
export type PortKind = 'dynamic' | 'static' | 'awsvpc';

export function portKind(row: PortMapRow): PortKind {
  if (row.host.kind === 'eni') return 'awsvpc';
  return row.dynamic ? 'dynamic' : 'static';
}

export const isDynamic = (row: PortMapRow): boolean => portKind(row) === 'dynamic';

/** `…:targetgroup/web/6d0ecf831eec9f09` → `web`; anything else passes through. */
export function targetGroupName(arn: string): string {
  const match = /:targetgroup\/([^/]+)\//.exec(arn);
  return match?.[1] ?? arn;
}

/** The EC2 instance id (or the container instance id when ECS did not say), or `ENI` for awsvpc. */
export function hostName(host: PortHost): string {
  return host.kind === 'eni' ? 'ENI' : (host.ec2InstanceId ?? host.containerInstanceId);
}

/** Task ids are 32 hex digits; the first 8 tell them apart on one page, as the AWS console does. */
export const shortTaskId = (taskId: string): string => taskId.slice(0, 8);

const hostKey = (host: PortHost) =>
  host.kind === 'eni' ? `eni:${host.privateIp}` : `instance:${host.containerInstanceId}`;

/** The rows of one service, or all of them. */
export function narrowToService(rows: PortMapRow[], service: string | undefined): PortMapRow[] {
  return service === undefined ? rows : rows.filter((row) => row.service === service);
}

function haystack(row: PortMapRow): string {
  const host = row.host;
  return [
    row.service,
    row.targetGroupArn,
    row.targetGroupArn && targetGroupName(row.targetGroupArn),
    row.loadBalancerName,
    host.kind === 'instance' ? host.containerInstanceId : undefined,
    host.kind === 'instance' ? host.ec2InstanceId : undefined,
    host.privateIp,
    `${row.hostPort}/${row.protocol}`,
    row.taskId,
    row.container,
    `:${row.containerPort}`,
    portKind(row),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

/** Rows matching every word of the filter (service, target group, host, IP, port, task, container, kind). */
export function filterRows(rows: PortMapRow[], query: string): PortMapRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const text = haystack(row);
    return words.every((word) => text.includes(word));
  });
}

export interface TaskGroup {
  taskId: string;
  rows: PortMapRow[];
}

export interface HostGroup {
  key: string;
  host: PortHost;
  tasks: TaskGroup[];
}

export interface TargetGroupGroup {
  /** The target group ARN, `lb:<name>` for a Classic Load Balancer, or `none:<service>`. */
  key: string;
  targetGroupArn: string | undefined;
  loadBalancerName: string | undefined;
  /** Services whose tasks the group holds, in order of appearance. */
  services: string[];
  hosts: HostGroup[];
}

function groupKey(row: PortMapRow): string {
  if (row.targetGroupArn) return row.targetGroupArn;
  if (row.loadBalancerName) return `lb:${row.loadBalancerName}`;
  return `none:${row.service ?? ''}`;
}

/** Target group → host → task, each level in the order the rows come (the BFF sorts them). */
export function groupRows(rows: PortMapRow[]): TargetGroupGroup[] {
  const groups = new Map<string, TargetGroupGroup>();
  for (const row of rows) {
    const key = groupKey(row);
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        targetGroupArn: row.targetGroupArn,
        loadBalancerName: row.loadBalancerName,
        services: [],
        hosts: [],
      };
      groups.set(key, group);
    }
    if (row.service && !group.services.includes(row.service)) group.services.push(row.service);
    const hostId = hostKey(row.host);
    let host = group.hosts.find((candidate) => candidate.key === hostId);
    if (!host) {
      host = { key: hostId, host: row.host, tasks: [] };
      group.hosts.push(host);
    }
    let task = host.tasks.find((candidate) => candidate.taskId === row.taskId);
    if (!task) {
      task = { taskId: row.taskId, rows: [] };
      host.tasks.push(task);
    }
    task.rows.push(row);
  }
  return [...groups.values()];
}

/** The findings that concern one service: its own, and cluster-wide ones that name it. */
export function findingsForService(
  findings: PortFinding[],
  service: string | undefined,
): PortFinding[] {
  if (service === undefined) return findings;
  const named = new RegExp(
    `(^|[\\s,(])${service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([\\s,):]|$)`,
  );
  return findings.filter((finding) =>
    finding.service === undefined ? named.test(finding.message) : finding.service === service,
  );
}

/** The lowest and highest dynamic host port in use, or undefined when none is. */
export function dynamicPortSpan(rows: PortMapRow[]): { from: number; to: number } | undefined {
  const ports = rows.filter(isDynamic).map((row) => row.hostPort);
  if (ports.length === 0) return undefined;
  return { from: Math.min(...ports), to: Math.max(...ports) };
}
