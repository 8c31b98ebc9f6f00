import type { ServiceRecord } from './model.js';
import type { Random } from './random.js';
import type { Shortfall } from './placement.js';

/** AWS keeps a service's 100 latest events. */
export const MAX_SERVICE_EVENTS = 100;
/** AWS does not repeat an identical event within six hours (REFERENCE.md §4). */
export const REPEAT_SUPPRESSION_MS = 6 * 60 * 60 * 1000;

const CLOSEST: Record<Shortfall, string> = {
  CPU: 'has insufficient CPU units available.',
  MEMORY: 'has insufficient memory available.',
  PORTS: 'is already using a port required by your task.',
};

/** Service event messages, word for word as ECS writes them (REFERENCE.md §4). */
export const serviceMessages = {
  steadyState: (service: string) => `(service ${service}) has reached a steady state.`,
  started: (service: string, taskIds: readonly string[]) =>
    `(service ${service}) has started ${taskIds.length} tasks: ${taskList(taskIds)}.`,
  stopped: (service: string, taskIds: readonly string[]) =>
    `(service ${service}) has stopped ${taskIds.length} running tasks: ${taskList(taskIds)}.`,
  registeredTargets: (service: string, count: number, targetGroupArn: string) =>
    `(service ${service}) registered ${count} targets in (target-group ${targetGroupArn})`,
  beganDraining: (service: string, count: number) =>
    `(service ${service}) has begun draining connections on ${count} tasks.`,
  deregisteredTargets: (service: string, count: number, targetGroupArn: string) =>
    `(service ${service}) deregistered ${count} targets in (target-group ${targetGroupArn})`,
  unableToPlace: (service: string, closest?: { instanceId: string; shortfall: Shortfall }) =>
    `(service ${service}) was unable to place a task because no container instance met all of its requirements.` +
    (closest
      ? ` The closest matching (container-instance ${closest.instanceId}) ${CLOSEST[closest.shortfall]}`
      : ' Reason: No Container Instances were found in your cluster.'),
  deploymentCompleted: (service: string, deploymentId: string) =>
    `(service ${service}) (deployment ${deploymentId}) deployment completed.`,
  deploymentFailed: (service: string, deploymentId: string) =>
    `(service ${service}) (deployment ${deploymentId}) deployment failed: tasks failed to start.`,
  failedHealthChecks: (service: string, taskId: string) =>
    `(service ${service}) (task ${taskId}) failed container health checks.`,
};

const taskList = (ids: readonly string[]) => ids.map((id) => `(task ${id})`).join(' ');

/**
 * Adds an event, newest first, keeping the 100 latest. Like ECS, a message identical to the
 * latest one is not repeated within six hours: a service that keeps failing to place a task
 * logs it once, while "has reached a steady state" returns after every deployment.
 * Returns whether the event was added.
 */
export function addServiceEvent(
  service: ServiceRecord,
  message: string,
  now: number,
  random: Random,
): boolean {
  const latest = service.events[0];
  if (latest && latest.message === message && now - latest.createdAt < REPEAT_SUPPRESSION_MS)
    return false;
  service.events.unshift({ id: random.uuid(), createdAt: now, message });
  if (service.events.length > MAX_SERVICE_EVENTS) service.events.length = MAX_SERVICE_EVENTS;
  return true;
}
