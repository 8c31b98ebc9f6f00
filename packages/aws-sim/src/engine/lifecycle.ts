import { recordTaskFailure } from './deployments.js';
import type { FleetContext } from './fleet-state.js';
import type { HealthStatus, ServiceRecord, StopCode, TaskRecord } from './model.js';
import { addServiceEvent, serviceMessages } from './service-events.js';
import { readTaskSpec } from './task-spec.js';
import { SCHEDULER_DELAY_MS, wakeService } from './wake.js';

type Range = readonly [number, number];

/** Simulated seconds each lifecycle step takes, [min, max]; the clock speed scales them all. */
export const DELAYS = {
  provisioning: { plain: [0.5, 1.5], eni: [4, 10], fargate: [8, 20] },
  pull: { ec2: [2, 8], fargate: [8, 25] },
  activating: { plain: [0.5, 1.5], loadBalanced: [2, 5] },
  deactivating: [0.5, 1.5],
  /** The target groups' deregistration delay (the ALB default is 300 s; 30 s is common). */
  deregistrationDelay: [30, 30],
  stopping: [1, 5],
  deprovisioning: { plain: [0.5, 1.5], eni: [4, 10] },
} as const satisfies Record<string, Range | Record<string, Range>>;

/** ECS lists and describes STOPPED tasks for about an hour (REFERENCE.md §1). */
export const STOPPED_TASK_RETENTION_MS = 60 * 60 * 1000;

export const OUT_OF_MEMORY = 'OutOfMemoryError: Container killed due to memory usage';

const later = ({ now, random }: FleetContext, [min, max]: Range) =>
  now + Math.round((min + random.next() * (max - min)) * 1000);

const serviceOf = ({ state }: FleetContext, task: TaskRecord) =>
  task.serviceArn ? state.services.get(task.serviceArn) : undefined;

function setTimer(context: FleetContext, task: TaskRecord, at: number): void {
  task.timer = context.state.fleet.schedule({ at, kind: 'task', arn: task.arn });
}

function wake(context: FleetContext, service: ServiceRecord | undefined): void {
  if (service) wakeService(context.state, service, context.now + SCHEDULER_DELAY_MS);
}

function event(context: FleetContext, service: ServiceRecord | undefined, message: string) {
  if (service) addServiceEvent(service, message, context.now, context.random);
}

/** The task's health: that of its essential containers with health checks (UNKNOWN without). */
export function taskHealth(task: TaskRecord): HealthStatus {
  const checked = task.containers.filter((c) => c.essential && c.hasHealthCheck);
  if (checked.length === 0) return 'UNKNOWN';
  if (checked.some((c) => c.healthStatus === 'UNHEALTHY')) return 'UNHEALTHY';
  return checked.every((c) => c.healthStatus === 'HEALTHY') ? 'HEALTHY' : 'UNKNOWN';
}

/** RUNNING, wanted, and healthy as far as its health checks tell: what minimumHealthyPercent counts. */
export function isHealthyRunning(task: TaskRecord): boolean {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') return false;
  const checked = task.containers.some((c) => c.essential && c.hasHealthCheck);
  return !checked || taskHealth(task) === 'HEALTHY';
}

/** A newly placed task (PROVISIONING) starts its way to RUNNING. */
export function beginLifecycle(context: FleetContext, task: TaskRecord): void {
  const range =
    task.launchType === 'FARGATE'
      ? DELAYS.provisioning.fargate
      : task.attachments.length > 0
        ? DELAYS.provisioning.eni
        : DELAYS.provisioning.plain;
  setTimer(context, task, later(context, range));
}

/** Asks a task to stop; it walks DEACTIVATING → … → STOPPED from here. False if already asked. */
export function requestStop(
  context: FleetContext,
  task: TaskRecord,
  stopCode: StopCode,
  reason: string,
): boolean {
  if (task.desiredStatus === 'STOPPED') return false;
  task.desiredStatus = 'STOPPED';
  task.stopCode = stopCode;
  task.stoppedReason = reason;
  task.stoppingAt = context.now;
  task.version += 1;
  setTimer(context, task, context.now);
  wake(context, serviceOf(context, task));
  return true;
}

/** Handles a task's lifecycle timer: one step towards RUNNING, or towards STOPPED. */
export function stepTask(context: FleetContext, task: TaskRecord): void {
  task.version += 1;
  if (task.desiredStatus === 'RUNNING') stepUp(context, task);
  else stepDown(context, task);
}

function stepUp(context: FleetContext, task: TaskRecord): void {
  const { now, random, state } = context;
  const fargate = task.launchType === 'FARGATE';
  switch (task.lastStatus) {
    case 'PROVISIONING':
      task.lastStatus = 'PENDING';
      for (const eni of task.attachments) eni.status = 'ATTACHED';
      task.connectivityAt = now;
      task.pullStartedAt = now;
      setTimer(context, task, later(context, fargate ? DELAYS.pull.fargate : DELAYS.pull.ec2));
      return;
    case 'PENDING': {
      if (state.fleet.unpullableTaskDefinitions.has(task.taskDefinitionArn)) {
        failToStart(context, task);
        return;
      }
      task.lastStatus = 'ACTIVATING';
      task.pullStoppedAt = now;
      for (const container of task.containers) {
        container.lastStatus = 'RUNNING';
        container.runtimeId = fargate
          ? `${task.id}-${random.int(1_000_000_000, 4_000_000_000)}`
          : random.hex(64);
      }
      const service = serviceOf(context, task);
      for (const targetGroupArn of task.targetGroupArns)
        event(
          context,
          service,
          serviceMessages.registeredTargets(service?.name ?? '', 1, targetGroupArn),
        );
      const range =
        task.targetGroupArns.length > 0 ? DELAYS.activating.loadBalanced : DELAYS.activating.plain;
      setTimer(context, task, later(context, range));
      return;
    }
    case 'ACTIVATING':
      task.lastStatus = 'RUNNING';
      task.startedAt = now;
      onRunning(context, task, false);
      return;
    default:
      return;
  }
}

function stepDown(context: FleetContext, task: TaskRecord): void {
  const { now, state } = context;
  const service = serviceOf(context, task);
  switch (task.lastStatus) {
    case 'PROVISIONING':
    case 'PENDING':
      task.lastStatus = 'STOPPING';
      setTimer(context, task, later(context, DELAYS.deactivating));
      return;
    case 'ACTIVATING':
    case 'RUNNING': {
      task.lastStatus = 'DEACTIVATING';
      const draining = task.targetGroupArns.length > 0;
      if (draining) event(context, service, serviceMessages.beganDraining(service?.name ?? '', 1));
      setTimer(
        context,
        task,
        later(context, draining ? DELAYS.deregistrationDelay : DELAYS.deactivating),
      );
      return;
    }
    case 'DEACTIVATING':
      for (const targetGroupArn of task.targetGroupArns)
        event(
          context,
          service,
          serviceMessages.deregisteredTargets(service?.name ?? '', 1, targetGroupArn),
        );
      task.lastStatus = 'STOPPING';
      setTimer(context, task, later(context, DELAYS.stopping));
      return;
    case 'STOPPING':
      for (const container of task.containers) {
        if (container.lastStatus === 'RUNNING') container.exitCode ??= 0;
        container.lastStatus = 'STOPPED';
      }
      task.executionStoppedAt = now;
      task.lastStatus = 'DEPROVISIONING';
      for (const eni of task.attachments) eni.status = 'DETACHING';
      setTimer(
        context,
        task,
        later(
          context,
          task.attachments.length > 0 ? DELAYS.deprovisioning.eni : DELAYS.deprovisioning.plain,
        ),
      );
      return;
    case 'DEPROVISIONING':
      task.lastStatus = 'STOPPED';
      task.stoppedAt = now;
      for (const eni of task.attachments) {
        eni.status = 'DELETED';
        state.fleet.subnets.release(eni.subnetId, eni.privateIPv4Address);
      }
      state.fleet.schedule({ at: now + STOPPED_TASK_RETENTION_MS, kind: 'purge', arn: task.arn });
      wake(context, service);
      return;
    default:
      return;
  }
}

function failToStart(context: FleetContext, task: TaskRecord): void {
  const essential = task.containers.find((c) => c.essential) ?? task.containers[0];
  const reason = `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${essential?.image ?? ''}: not found`;
  for (const container of task.containers) container.lastStatus = 'STOPPED';
  if (essential) essential.reason = reason;
  requestStop(context, task, 'TaskFailedToStart', reason);
  const service = serviceOf(context, task);
  if (service) recordTaskFailure(context, service, task.deploymentId);
}

/**
 * A task reached RUNNING: its health checks settle after a while, and (for service tasks, when
 * the scenario asks for it) a seeded draw decides whether it will later die of memory or fail
 * its health checks. `settled` is for tasks a scenario creates already running and healthy.
 */
export function onRunning(context: FleetContext, task: TaskRecord, settled: boolean): void {
  const { state, now, random } = context;
  const checks = readTaskSpec(
    state.taskDefinitions.get(task.taskDefinitionArn)?.definition ?? {},
  ).containers.flatMap((c) => (c.healthCheck ? [c.healthCheck] : []));
  const unhealthyRelease = state.fleet.unhealthyTaskDefinitions.has(task.taskDefinitionArn);
  const [check] = checks;
  if (check && settled && !unhealthyRelease) {
    for (const c of task.containers) if (c.hasHealthCheck) c.healthStatus = 'HEALTHY';
  } else if (check) {
    const healthy = !unhealthyRelease;
    const delay = healthy
      ? later(context, [Math.min(5, check.interval), check.interval])
      : now + Math.max(check.startPeriod, check.interval * check.retries) * 1000;
    state.fleet.schedule({ at: delay, kind: 'health', arn: task.arn, healthy });
  }
  const service = serviceOf(context, task);
  const faults = state.fleet.faults;
  if (service && faults.outOfMemory + faults.unhealthy > 0) {
    const draw = random.next();
    const at = later(context, faults.windowSeconds);
    if (draw < faults.outOfMemory)
      state.fleet.schedule({ at, kind: 'fault', arn: task.arn, fault: 'oom' });
    else if (check && draw < faults.outOfMemory + faults.unhealthy)
      state.fleet.schedule({ at, kind: 'fault', arn: task.arn, fault: 'unhealthy' });
  }
  wake(context, service);
}

/** Container health checks settle; a service stops and replaces a task that fails them. */
export function settleHealth(context: FleetContext, task: TaskRecord, healthy: boolean): void {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') return;
  for (const c of task.containers)
    if (c.hasHealthCheck && c.lastStatus === 'RUNNING')
      c.healthStatus = healthy ? 'HEALTHY' : 'UNHEALTHY';
  task.version += 1;
  const service = serviceOf(context, task);
  if (healthy || taskHealth(task) !== 'UNHEALTHY' || !service) {
    wake(context, service);
    return;
  }
  event(context, service, serviceMessages.failedHealthChecks(service.name, task.id));
  requestStop(context, task, 'ServiceSchedulerInitiated', 'Task failed container health checks');
  event(context, service, serviceMessages.stopped(service.name, [task.id]));
  recordTaskFailure(context, service, task.deploymentId);
}

/** A scheduled fault strikes a task that is still running. */
export function applyFault(context: FleetContext, task: TaskRecord, fault: 'oom' | 'unhealthy') {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') return;
  if (fault === 'unhealthy') {
    settleHealth(context, task, false);
    return;
  }
  // The app container (the essential one with the most memory) is the one the kernel kills.
  const victim = task.containers
    .filter((c) => c.essential)
    .sort(
      (a, b) => (b.memory ?? b.memoryReservation ?? 0) - (a.memory ?? a.memoryReservation ?? 0),
    )[0];
  if (!victim) return;
  victim.lastStatus = 'STOPPED';
  victim.exitCode = 137;
  victim.reason = OUT_OF_MEMORY;
  requestStop(context, task, 'EssentialContainerExited', 'Essential container in task exited');
}
