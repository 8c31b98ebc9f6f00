import type {
  Deployment,
  LiveEvent,
  ServiceDetailResponse,
  ServiceEvent,
  ServicesResponse,
  Task,
  TasksResponse,
} from '@deckhand/shared';

/*
 * Pure reducers applying one live event to a cached answer. Each returns the very same object when
 * the event changes nothing, so the cache (and React) see no update, and applying an event twice
 * (a replay after a reconnect) gives what applying it once gave.
 */

/** Structural equality of JSON-shaped DTOs. */
function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Replaces the item with `item`'s key, or adds it (first or last); the same array when equal. */
function upsert<T>(items: T[], item: T, keyOf: (value: T) => string, at: 'first' | 'last'): T[] {
  const index = items.findIndex((existing) => keyOf(existing) === keyOf(item));
  if (index === -1) return at === 'first' ? [item, ...items] : [...items, item];
  if (same(items[index], item)) return items;
  return items.map((existing, i) => (i === index ? item : existing));
}

const byId = (value: { id: string }) => value.id;

function upsertDeployment(deployments: Deployment[], deployment: Deployment): Deployment[] {
  // ECS lists the PRIMARY deployment first; a new one is the new primary.
  return upsert(deployments, deployment, byId, 'first');
}

/** Inserts a service event keeping newest first; the same array when its id is already there. */
export function insertServiceEvent(events: ServiceEvent[], event: ServiceEvent): ServiceEvent[] {
  if (events.some((existing) => existing.id === event.id)) return events;
  const at = events.findIndex((existing) => existing.createdAt <= event.createdAt);
  if (at === -1) return [...events, event];
  return [...events.slice(0, at), event, ...events.slice(at)];
}

/** `GET …/services`: rows replaced by name, deployments upserted inside their service. */
export function applyToServices(data: ServicesResponse, event: LiveEvent): ServicesResponse {
  if (event.type === 'service.updated') {
    const services = upsert(data.services, event.service, (service) => service.name, 'last');
    return services === data.services ? data : { ...data, services };
  }
  if (event.type === 'deployment.updated') {
    let changed = false;
    const services = data.services.map((service) => {
      if (service.name !== event.service) return service;
      const deployments = upsertDeployment(service.deployments, event.deployment);
      if (deployments === service.deployments) return service;
      changed = true;
      return { ...service, deployments };
    });
    return changed ? { ...data, services } : data;
  }
  return data;
}

/** `GET …/services/:service`: counts and deployments merged, events prepended, detail kept. */
export function applyToServiceDetail(
  data: ServiceDetailResponse,
  event: LiveEvent,
): ServiceDetailResponse {
  const current = data.service;
  switch (event.type) {
    case 'service.updated': {
      if (event.service.name !== current.name) return data;
      const merged = { ...current, ...event.service };
      return same(merged, current) ? data : { ...data, service: merged };
    }
    case 'service.event': {
      if (event.service !== current.name) return data;
      const events = insertServiceEvent(current.events, event.event);
      return events === current.events ? data : { ...data, service: { ...current, events } };
    }
    case 'deployment.updated': {
      if (event.service !== current.name) return data;
      const deployments = upsertDeployment(current.deployments, event.deployment);
      return deployments === current.deployments
        ? data
        : { ...data, service: { ...current, deployments } };
    }
    default:
      return data;
  }
}

export interface TasksFilter {
  /** Only this service's tasks; undefined: every task of the cluster. */
  service: string | undefined;
  desiredStatus: 'RUNNING' | 'STOPPED';
}

/**
 * `GET …/tasks`: a RUNNING list gains started tasks and loses stopped ones; a STOPPED list gains
 * stopped tasks at the top (newest first).
 */
export function applyToTasks(
  data: TasksResponse,
  event: LiveEvent,
  filter: TasksFilter,
): TasksResponse {
  if (event.type !== 'task.started' && event.type !== 'task.stopped') return data;
  if (filter.service !== undefined && event.service !== filter.service) return data;
  const task = event.task;
  let tasks: Task[] = data.tasks;
  if (filter.desiredStatus === 'RUNNING') {
    if (event.type === 'task.started') tasks = upsert(data.tasks, task, byId, 'last');
    else if (data.tasks.some((existing) => existing.id === task.id))
      tasks = data.tasks.filter((existing) => existing.id !== task.id);
  } else if (event.type === 'task.stopped') {
    const first = data.tasks[0];
    if (!(first && first.id === task.id && same(first, task)))
      tasks = [task, ...data.tasks.filter((existing) => existing.id !== task.id)];
  }
  return tasks === data.tasks ? data : { ...data, tasks };
}

/** A task as a mutation answered it, replaced where a list already shows it. */
export function replaceTask(data: TasksResponse, task: Task): TasksResponse {
  if (!data.tasks.some((existing) => existing.id === task.id)) return data;
  const tasks = upsert(data.tasks, task, byId, 'last');
  return tasks === data.tasks ? data : { ...data, tasks };
}
