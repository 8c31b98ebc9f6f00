import { createHash } from 'node:crypto';
import type { RegionState } from './region-state.js';

/** Where a simulated request ran: the `aws.ecs` block of its segment, plus the task's address. */
export interface TrafficInstance {
  ecs: {
    container: string;
    container_id: string;
    container_arn: string;
    task_arn: string;
    task_family: string;
    cluster_arn: string;
    launch_type: string;
    availability_zone?: string;
  };
  ip: string;
}

/**
 * The fields traffic reads from a task, all but the basics optional: the fleet model is still
 * growing, and traffic must keep working (with synthetic ids) whatever it lacks.
 */
interface TaskView {
  arn: string;
  id: string;
  clusterArn: string;
  group: string;
  lastStatus: string;
  family?: string;
  launchType?: string;
  availabilityZone?: string;
  containers?: readonly {
    name?: string;
    arn?: string;
    runtimeId?: string;
    networkInterfaces?: readonly { privateIpv4Address?: string }[];
  }[];
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

const uuidOf = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

/** A private address that stays the same for the same task. */
function addressOf(seed: string): string {
  const digest = hash(seed);
  const octet = (at: number) => Number.parseInt(digest.slice(at, at + 2), 16);
  return `10.0.${octet(0) % 64}.${(octet(2) % 250) + 4}`;
}

function instanceOf(state: RegionState, task: TaskView, service: string): TrafficInstance {
  // The service's own container, not a sidecar such as the X-Ray daemon.
  const containers = task.containers ?? [];
  const container =
    containers.find((candidate) => candidate.name === service) ??
    containers.find((candidate) => !/xray/i.test(candidate.name ?? '')) ??
    containers[0];
  const name = container?.name ?? service;
  const runtimeId = container?.runtimeId ?? hash(`${task.arn}/${name}`);
  const clusterName = task.clusterArn.split('/').pop() ?? 'default';
  const ip =
    container?.networkInterfaces?.find((eni) => eni.privateIpv4Address)?.privateIpv4Address ??
    addressOf(task.arn);
  return {
    ecs: {
      // What the X-Ray SDK's ECS plugin records: the container's hostname (its short id).
      container: runtimeId.slice(0, 12),
      container_id: runtimeId,
      container_arn:
        container?.arn ??
        state.arn('ecs', `container/${clusterName}/${task.id}/${uuidOf(hash(name + task.arn))}`),
      task_arn: task.arn,
      task_family: task.family ?? service,
      cluster_arn: task.clusterArn,
      launch_type: task.launchType ?? 'EC2',
      ...(task.availabilityZone ? { availability_zone: task.availabilityZone } : {}),
    },
    ip,
  };
}

/** The RUNNING tasks of service `name` (group `service:<name>`), in any cluster. */
export function runningInstances(state: RegionState, service: string): TrafficInstance[] {
  const tasks: Iterable<TaskView> = state.tasks.values();
  const found: TrafficInstance[] = [];
  for (const task of tasks) {
    if (task.group === `service:${service}` && task.lastStatus === 'RUNNING')
      found.push(instanceOf(state, task, service));
  }
  return found.sort((a, b) => (a.ecs.task_arn < b.ecs.task_arn ? -1 : 1));
}

/** Stand-ins for a service that has no running task yet: three tasks in `cluster`, stable ids. */
export function syntheticInstances(
  state: RegionState,
  service: string,
  cluster: string,
): TrafficInstance[] {
  return [0, 1, 2].map((index) => {
    const id = hash(`${state.region}/${cluster}/${service}/${index}`).slice(0, 32);
    const task: TaskView = {
      arn: state.arn('ecs', `task/${cluster}/${id}`),
      id,
      clusterArn: state.clusterArn(cluster),
      group: `service:${service}`,
      lastStatus: 'RUNNING',
      family: service,
      launchType: 'EC2',
      availabilityZone: `${state.region}${'abc'[index] ?? 'a'}`,
    };
    return instanceOf(state, task, service);
  });
}
