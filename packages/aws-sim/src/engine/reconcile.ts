import { completeDeployment, planRollout } from './deployments.js';
import type { FleetContext } from './fleet-state.js';
import { hostState, takesTasks } from './hosts.js';
import { launchTasks } from './launch.js';
import { isHealthyRunning, requestStop } from './lifecycle.js';
import type { DeploymentRecord, PlacementStrategy, ServiceRecord, TaskRecord } from './model.js';
import { meetsConstraints } from './placement.js';
import { addServiceEvent, REPEAT_SUPPRESSION_MS, serviceMessages } from './service-events.js';
import { serviceTemplate } from './service-template.js';
import { wakeService } from './wake.js';

/**
 * How long the scheduler waits before trying again to place tasks it could not place: a minute,
 * doubling while it keeps failing, up to a quarter of an hour.
 */
export const PLACEMENT_RETRY_MS = { first: 60_000, max: 15 * 60_000 } as const;

/** Without a placement strategy, the service scheduler balances tasks over zones, then instances. */
export const ZONE_BALANCED = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
] as const satisfies readonly PlacementStrategy[];

// ECS turns a deleted service INACTIVE once all its tasks are STOPPING or further.
const STOPPING = new Set(['STOPPING', 'DEPROVISIONING', 'STOPPED']);

/**
 * The service scheduler's look at one service: keep desiredCount tasks (REPLICA) or one task per
 * instance (DAEMON) of the PRIMARY deployment, roll deployments within minimumHealthyPercent
 * and maximumPercent, move tasks off DRAINING instances, then record what came of it.
 */
export function reconcileService(context: FleetContext, service: ServiceRecord): void {
  const live = [...context.state.tasksOfService(service.arn)].filter(
    (task) => task.lastStatus !== 'STOPPED',
  );
  if (service.status !== 'ACTIVE') {
    drainDeletedService(context, service, live);
    return;
  }
  if (service.schedulingStrategy === 'DAEMON') reconcileDaemon(context, service, live);
  else reconcileReplica(context, service, live);
  settle(context, service);
}

function onDrainingInstance({ state }: FleetContext, task: TaskRecord): boolean {
  if (!task.containerInstanceArn) return false;
  const instance = state.containerInstances.get(task.containerInstanceArn);
  return !instance || !takesTasks(instance);
}

function isKeeper(context: FleetContext, task: TaskRecord, primary: DeploymentRecord): boolean {
  return (
    task.desiredStatus === 'RUNNING' &&
    task.deploymentId === primary.id &&
    !onDrainingInstance(context, task)
  );
}

/** Which tasks to stop first: not yet healthy, then on a DRAINING instance, then the newest. */
function stopOrder(context: FleetContext, tasks: TaskRecord[]): TaskRecord[] {
  const key = (task: TaskRecord) =>
    (isHealthyRunning(task) ? 2 : 0) + (onDrainingInstance(context, task) ? 0 : 1);
  return [...tasks].sort((a, b) => key(a) - key(b) || b.createdAt - a.createdAt);
}

function stopTasks(context: FleetContext, service: ServiceRecord, tasks: TaskRecord[]): void {
  const primary = service.deployments[0];
  const reason = `Scaling activity initiated by (deployment ${primary?.id ?? ''})`;
  const stopped = tasks.filter((task) =>
    requestStop(context, task, 'ServiceSchedulerInitiated', reason),
  );
  if (stopped.length > 0)
    addServiceEvent(
      service,
      serviceMessages.stopped(
        service.name,
        stopped.map((task) => task.id),
      ),
      context.now,
      context.random,
    );
}

function startTasks(
  context: FleetContext,
  service: ServiceRecord,
  deployment: DeploymentRecord,
  count: number,
  only?: ReadonlySet<string>,
): void {
  if (count <= 0) return;
  const template = serviceTemplate(context, service, deployment);
  if (!template) return;
  const result = launchTasks(context, template, count, {
    strategies: service.placementStrategy.length > 0 ? service.placementStrategy : ZONE_BALANCED,
    // A DAEMON service places at most one task per instance.
    constraints:
      service.schedulingStrategy === 'DAEMON'
        ? [...service.placementConstraints, { type: 'distinctInstance' }]
        : service.placementConstraints,
    capacityProviderStrategy: deployment.capacityProviderStrategy,
    ...(only ? { only } : {}),
  });
  const { now, random } = context;
  if (result.tasks.length > 0)
    addServiceEvent(
      service,
      serviceMessages.started(
        service.name,
        result.tasks.map((task) => task.id),
      ),
      now,
      random,
    );
  if (result.tasks.length < count) {
    addServiceEvent(
      service,
      serviceMessages.unableToPlace(service.name, result.closest),
      now,
      random,
    );
    const delay = service.placementBackoff ?? PLACEMENT_RETRY_MS.first;
    service.placementBackoff = Math.min(delay * 2, PLACEMENT_RETRY_MS.max);
    wakeService(context.state, service, now + delay);
  } else {
    service.placementBackoff = undefined;
  }
}

function reconcileReplica(context: FleetContext, service: ServiceRecord, live: TaskRecord[]) {
  const primary = service.deployments[0];
  if (!primary) return;
  const wanted = live.filter((task) => task.desiredStatus === 'RUNNING');
  const keepers = wanted.filter((task) => isKeeper(context, task, primary));
  const leavers = wanted.filter((task) => !isKeeper(context, task, primary));
  const config = service.deploymentConfiguration;
  const step = planRollout({
    desiredCount: service.desiredCount,
    minimumHealthyPercent: config.minimumHealthyPercent,
    maximumPercent: config.maximumPercent,
    keepers: { total: keepers.length, healthy: keepers.filter(isHealthyRunning).length },
    leavers: { total: leavers.length, healthy: leavers.filter(isHealthyRunning).length },
    canStart: primary.rolloutState !== 'FAILED',
  });
  stopTasks(context, service, [
    ...stopOrder(context, keepers).slice(0, step.stopKeepers),
    ...stopOrder(context, leavers).slice(0, step.stopLeavers),
  ]);
  startTasks(context, service, primary, step.start);
}

function reconcileDaemon(context: FleetContext, service: ServiceRecord, live: TaskRecord[]) {
  const primary = service.deployments[0];
  if (!primary) return;
  const { state } = context;
  const eligible = [...state.containerInstances.values()]
    .filter((instance) => instance.clusterArn === service.clusterArn && takesTasks(instance))
    .filter((instance) =>
      meetsConstraints(hostState(state, instance, ''), service.placementConstraints),
    );
  service.desiredCount = eligible.length;
  const eligibleArns = new Set(eligible.map((instance) => instance.arn));
  const wanted = live.filter((task) => task.desiredStatus === 'RUNNING');
  const toStop = wanted.filter(
    (task) => !task.containerInstanceArn || !eligibleArns.has(task.containerInstanceArn),
  );
  const minHealthy = Math.ceil(
    (eligible.length * service.deploymentConfiguration.minimumHealthyPercent) / 100,
  );
  let budget = wanted.filter(isHealthyRunning).length - toStop.length - minHealthy;
  const startOn = new Set<string>();
  for (const instance of eligible) {
    const here = live.filter((task) => task.containerInstanceArn === instance.arn);
    const mine = here.filter((task) => task.desiredStatus === 'RUNNING');
    const current = mine.filter((task) => task.deploymentId === primary.id);
    const old = mine.filter((task) => task.deploymentId !== primary.id);
    if (current.length > 0) {
      toStop.push(...current.slice(1), ...old);
    } else if (old.length > 0) {
      for (const task of old) {
        if (!isHealthyRunning(task)) toStop.push(task);
        else if (budget > 0) {
          toStop.push(task);
          budget -= 1;
        }
      }
    } else if (here.length === 0 && primary.rolloutState !== 'FAILED') {
      // Only once the old task has fully stopped: it still holds the daemon's host port.
      startOn.add(instance.arn);
    }
  }
  stopTasks(context, service, toStop);
  startTasks(context, service, primary, startOn.size, startOn);
}

/** A deleted service stops its tasks, then turns INACTIVE once they are all stopping. */
function drainDeletedService(context: FleetContext, service: ServiceRecord, live: TaskRecord[]) {
  stopTasks(
    context,
    service,
    live.filter((task) => task.desiredStatus === 'RUNNING'),
  );
  if (live.every((task) => STOPPING.has(task.lastStatus))) {
    if (service.status === 'DRAINING') service.status = 'INACTIVE';
    for (const deployment of service.deployments) deployment.status = 'INACTIVE';
  } else {
    wakeService(context.state, service, context.now + 5_000);
  }
}

/** Bookkeeping after a look: deployment counts, completion, and the steady-state event. */
function settle(context: FleetContext, service: ServiceRecord): void {
  const primary = service.deployments[0];
  if (!primary) return;
  const live = [...context.state.tasksOfService(service.arn)].filter(
    (task) => task.lastStatus !== 'STOPPED',
  );
  service.deployments = service.deployments.filter(
    (d, i) => i === 0 || live.some((task) => task.deploymentId === d.id),
  );
  for (const deployment of service.deployments.slice(1)) {
    deployment.desiredCount = live.filter(
      (task) => task.deploymentId === deployment.id && task.desiredStatus === 'RUNNING',
    ).length;
  }
  primary.desiredCount = service.desiredCount;
  const keepers = live.filter((task) => isKeeper(context, task, primary));
  const steady =
    primary.rolloutState !== 'FAILED' &&
    keepers.length === service.desiredCount &&
    keepers.every(isHealthyRunning) &&
    live.length === keepers.length;
  if (!steady) return;
  completeDeployment(context, service);
  const { now, random } = context;
  addServiceEvent(service, serviceMessages.steadyState(service.name), now, random);
  // ECS repeats the steady-state event every six hours while nothing happens.
  const latest = service.events[0];
  if (latest) wakeService(context.state, service, latest.createdAt + REPEAT_SUPPRESSION_MS);
}
