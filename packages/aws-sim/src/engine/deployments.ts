import type { FleetContext } from './fleet-state.js';
import type { DeploymentRecord, ServiceDeploymentRecord, ServiceRecord } from './model.js';
import type { Random } from './random.js';
import { addServiceEvent, serviceMessages } from './service-events.js';
import { SCHEDULER_DELAY_MS, wakeService } from './wake.js';

/** `ecs-svc/` and 19 digits, as ECS names deployments. */
export function newDeploymentId(random: Random): string {
  return `ecs-svc/${random.int(1, 9)}${Array.from({ length: 18 }, () => random.int(0, 9)).join('')}`;
}

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * The circuit breaker's failure threshold: half the desired count, at least 3 and at most 200
 * (AWS's documented formula).
 */
export function circuitBreakerThreshold(desiredCount: number): number {
  return Math.min(200, Math.max(3, Math.ceil(desiredCount * 0.5)));
}

export interface RolloutInput {
  desiredCount: number;
  minimumHealthyPercent: number;
  maximumPercent: number;
  /** Tasks of the PRIMARY deployment that may stay (not on a DRAINING instance). */
  keepers: { total: number; healthy: number };
  /** Everything else still wanted RUNNING: older deployments, tasks on DRAINING instances. */
  leavers: { total: number; healthy: number };
  /** False once a deployment has failed without rollback: ECS stops launching its tasks. */
  canStart: boolean;
}

export interface RolloutStep {
  start: number;
  stopKeepers: number;
  stopLeavers: number;
}

/**
 * One step of a rolling deployment (also scaling and draining, which are the same problem).
 * Never more than maximumPercent of the desired count wanted RUNNING, never fewer than
 * minimumHealthyPercent healthy: new tasks start in the headroom above the desired count, and
 * old ones stop once enough healthy tasks remain without them. Tasks that are not healthy yet
 * count for nothing, so they can always be stopped.
 */
export function planRollout(input: RolloutInput): RolloutStep {
  const desired = Math.max(0, input.desiredCount);
  const maxTotal = Math.max(desired, Math.floor((desired * input.maximumPercent) / 100));
  const minHealthy = Math.ceil((desired * input.minimumHealthyPercent) / 100);
  const stopKeepers = Math.max(0, input.keepers.total - desired);
  const keepers = input.keepers.total - stopKeepers;
  const start = input.canStart
    ? Math.max(0, Math.min(desired - keepers, maxTotal - keepers - input.leavers.total))
    : 0;
  const healthyKeepers = Math.min(input.keepers.healthy, desired);
  const spare = Math.max(0, healthyKeepers + input.leavers.healthy - minHealthy);
  const stopLeavers =
    input.leavers.total - input.leavers.healthy + Math.min(input.leavers.healthy, spare);
  return { start, stopKeepers, stopLeavers };
}

/**
 * Starts a deployment: a new PRIMARY for the task definition, the previous one ACTIVE until its
 * tasks are gone, and a ServiceDeployment record (a rollback continues the failed one's).
 */
export function startDeployment(
  context: FleetContext,
  service: ServiceRecord,
  taskDefinitionArn: string,
  rollbackOf?: ServiceDeploymentRecord,
): DeploymentRecord {
  const { state, now, random } = context;
  const clusterName = service.clusterArn.split('/').pop() ?? '';
  const id = newDeploymentId(random);
  const revision = state.arn(
    'ecs',
    `service-revision/${clusterName}/${service.name}/${id.slice('ecs-svc/'.length)}`,
  );
  const sources = service.deployments.map((d) => ({
    arn: d.serviceRevisionArn,
    taskDefinitionArn: d.taskDefinitionArn,
  }));
  for (const previous of service.deployments) {
    previous.status = 'ACTIVE';
    previous.updatedAt = now;
  }
  for (const record of service.serviceDeployments) {
    if (record !== rollbackOf && (record.status === 'IN_PROGRESS' || record.status === 'PENDING')) {
      record.status = 'STOPPED';
      record.statusReason = 'Superseded by a newer service deployment.';
      record.stoppedAt = now;
      record.updatedAt = now;
    }
  }
  let serviceDeployment = rollbackOf;
  if (!serviceDeployment) {
    const suffix = Array.from({ length: 20 }, () => URL_SAFE.charAt(random.int(0, 63))).join('');
    serviceDeployment = {
      arn: state.arn('ecs', `service-deployment/${clusterName}/${service.name}/${suffix}`),
      serviceArn: service.arn,
      clusterArn: service.clusterArn,
      createdAt: now,
      startedAt: now,
      updatedAt: now,
      status: 'IN_PROGRESS',
      targetRevisionArn: revision,
      targetTaskDefinitionArn: taskDefinitionArn,
      sourceRevisions: sources,
      deploymentConfiguration: structuredClone(service.deploymentConfiguration),
      failureCount: 0,
      threshold: circuitBreakerThreshold(service.desiredCount),
    };
    service.serviceDeployments.unshift(serviceDeployment);
    if (service.serviceDeployments.length > 100) service.serviceDeployments.length = 100;
  }
  const deployment: DeploymentRecord = {
    id,
    status: 'PRIMARY',
    taskDefinitionArn,
    desiredCount: service.desiredCount,
    failedTasks: 0,
    createdAt: now,
    updatedAt: now,
    ...(service.launchType ? { launchType: service.launchType } : {}),
    capacityProviderStrategy: service.capacityProviderStrategy,
    ...(service.platformVersion ? { platformVersion: service.platformVersion } : {}),
    ...(service.networkConfiguration ? { networkConfiguration: service.networkConfiguration } : {}),
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${id} in progress.`,
    serviceDeploymentArn: serviceDeployment.arn,
    serviceRevisionArn: revision,
  };
  service.taskDefinitionArn = taskDefinitionArn;
  service.deployments.unshift(deployment);
  wakeService(state, service, now + SCHEDULER_DELAY_MS);
  return deployment;
}

/**
 * Counts a task of a deployment that failed to start or failed its health checks. With the
 * circuit breaker on, enough failures fail the deployment and, with rollback, start a new
 * deployment of the last one that completed.
 */
export function recordTaskFailure(
  context: FleetContext,
  service: ServiceRecord,
  deploymentId: string | undefined,
): void {
  const deployment = service.deployments.find((d) => d.id === deploymentId);
  if (!deployment) return;
  deployment.failedTasks += 1;
  deployment.updatedAt = context.now;
  const record = service.serviceDeployments.find((r) => r.arn === deployment.serviceDeploymentArn);
  if (record) record.failureCount += 1;
  const breaker = service.deploymentConfiguration.deploymentCircuitBreaker;
  if (
    !breaker.enable ||
    deployment.status !== 'PRIMARY' ||
    deployment.rolloutState !== 'IN_PROGRESS' ||
    deployment.failedTasks < circuitBreakerThreshold(service.desiredCount)
  ) {
    return;
  }
  deployment.rolloutState = 'FAILED';
  deployment.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
  addServiceEvent(
    service,
    serviceMessages.deploymentFailed(service.name, deployment.id),
    context.now,
    context.random,
  );
  const target = service.lastCompleted;
  if (!breaker.rollback || !target || !record) {
    if (record) {
      record.status = 'ROLLBACK_FAILED';
      record.statusReason = 'ECS deployment circuit breaker: tasks failed to start.';
      record.finishedAt = context.now;
      record.updatedAt = context.now;
    }
    return;
  }
  record.status = 'ROLLBACK_IN_PROGRESS';
  record.statusReason = 'ECS deployment circuit breaker: tasks failed to start.';
  record.rollback = {
    reason: 'ECS deployment circuit breaker: tasks failed to start.',
    startedAt: context.now,
    serviceRevisionArn: target.serviceRevisionArn,
  };
  record.updatedAt = context.now;
  const rollback = startDeployment(context, service, target.taskDefinitionArn, record);
  rollback.rolloutStateReason = `ECS deployment circuit breaker: rolling back to deploymentId ${target.id}.`;
  // The tasks still running the last good revision are the rollback's own: only the failed
  // release's tasks get replaced.
  for (const task of context.state.tasksOfService(service.arn))
    if (task.deploymentId === target.id && task.desiredStatus === 'RUNNING')
      task.deploymentId = rollback.id;
}

/** Marks the PRIMARY deployment COMPLETED and forgets the ones it replaced. */
export function completeDeployment(context: FleetContext, service: ServiceRecord): void {
  const primary = service.deployments[0];
  if (!primary) return;
  service.deployments = [primary];
  if (primary.rolloutState !== 'IN_PROGRESS') return;
  primary.rolloutState = 'COMPLETED';
  primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
  primary.updatedAt = context.now;
  service.lastCompleted = {
    id: primary.id,
    taskDefinitionArn: primary.taskDefinitionArn,
    serviceRevisionArn: primary.serviceRevisionArn,
  };
  const record = service.serviceDeployments.find((r) => r.arn === primary.serviceDeploymentArn);
  if (record) {
    record.status = record.status === 'ROLLBACK_IN_PROGRESS' ? 'ROLLBACK_SUCCESSFUL' : 'SUCCESSFUL';
    record.finishedAt = context.now;
    record.updatedAt = context.now;
  }
  addServiceEvent(
    service,
    serviceMessages.deploymentCompleted(service.name, primary.id),
    context.now,
    context.random,
  );
}
