import type { ServiceEvent, Task } from '@deckhand/shared';

/** Events the service detail shows at most: AWS's 100 plus what the history kept before them. */
export const MAX_SERVICE_EVENTS = 500;
/** Stopped tasks the tasks route shows at most from the history, beyond the hour AWS lists them. */
export const MAX_KEPT_STOPPED_TASKS = 1_000;

/**
 * AWS's latest events merged with the history's older ones: one entry per ECS event id (AWS's
 * copy wins), newest first, at most `limit`.
 */
export function mergeServiceEvents(
  fromAws: ServiceEvent[],
  fromHistory: ServiceEvent[],
  limit = MAX_SERVICE_EVENTS,
): ServiceEvent[] {
  const byId = new Map<string, ServiceEvent>();
  for (const event of fromHistory) byId.set(event.id, event);
  for (const event of fromAws) byId.set(event.id, event);
  return [...byId.values()]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/**
 * Stopped tasks AWS still lists, plus those it has forgotten that the history kept. AWS's copy of
 * a task wins (it may have more detail); the kept ones follow the same newest-first order.
 */
export function mergeStoppedTasks(fromAws: Task[], kept: Task[]): Task[] {
  const listed = new Set(fromAws.map((task) => task.arn));
  return [...fromAws, ...kept.filter((task) => !listed.has(task.arn))];
}
