import { createHash } from 'node:crypto';
import type { RegionState } from './region-state.js';
import type { FailureKind } from './traffic-failure.js';

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

/** A task in its load balancer's rotation over simulated time, and when it was failing there. */
export interface TrafficTarget {
  instance: TrafficInstance;
  /** Simulated ms from which the task takes requests, and until which (exclusive). */
  from: number;
  until: number;
  /** Requests that reach the task from `since` on fail: its container died or it went unhealthy. */
  failure?: { since: number; kind: FailureKind };
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
  startedAt?: number;
  stoppingAt?: number;
  executionStoppedAt?: number;
  stoppedAt?: number;
  stopCode?: string;
  stoppedReason?: string;
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

/**
 * How long a dead or unhealthy task stays in rotation after ECS notices (the load balancer's
 * health checks and the deregistration take a while): 10–30 s, drawn from the task's ARN so it
 * does not depend on when traffic reads the fleet.
 */
const FAILING_MS = { min: 10_000, spread: 20_000 };

/** Why a task stopped, if it failed rather than being stopped by someone. */
function failureOf(task: TaskView): FailureKind | undefined {
  if (task.stopCode === 'EssentialContainerExited' || task.stopCode === 'TaskFailedToStart')
    return 'exited';
  return /health check/i.test(task.stoppedReason ?? '') ? 'unhealthy' : undefined;
}

function targetOf(state: RegionState, task: TaskView, service: string): TrafficTarget | undefined {
  if (task.startedAt === undefined) return undefined;
  const instance = instanceOf(state, task, service);
  const stopping = task.stoppingAt ?? Infinity;
  const kind = failureOf(task);
  if (!kind) return { instance, from: task.startedAt, until: stopping };
  const lag =
    FAILING_MS.min + (Number.parseInt(hash(task.arn).slice(0, 8), 16) % FAILING_MS.spread);
  // Never past the moment its containers are gone: no request names a stopped task.
  const gone = task.executionStoppedAt ?? task.stoppedAt ?? Infinity;
  return {
    instance,
    from: task.startedAt,
    until: Math.min(stopping + lag, gone),
    failure: { since: stopping, kind },
  };
}

/**
 * Every task of service `name` that has run, as a target over time, by ARN. Read from the task
 * records' timestamps rather than their current status, so a request gets the same task
 * whether traffic catches up before or after the fleet has moved on.
 */
export function trafficTargets(state: RegionState, service: string): TrafficTarget[] {
  const tasks: Iterable<TaskView> = state.tasks.values();
  const found: TrafficTarget[] = [];
  for (const task of tasks) {
    const target = task.group === `service:${service}` && targetOf(state, task, service);
    if (target) found.push(target);
  }
  return found.sort((a, b) => (a.instance.ecs.task_arn < b.instance.ecs.task_arn ? -1 : 1));
}

/** The targets in rotation at `at`. */
export const targetsAt = (targets: readonly TrafficTarget[], at: number) =>
  targets.filter((target) => target.from <= at && at < target.until);

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
