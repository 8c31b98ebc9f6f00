import type { Task as SdkTask } from '@aws-sdk/client-ecs';
import type { LiveEvent, Service } from '@deckhand/shared';
import type { Logger } from 'pino';
import { mapLimit } from '../aws/batch.js';
import { toService, toServiceEvents } from '../modules/services/services.mapper.js';
import { toTask, type TaskContext } from '../modules/tasks/tasks.mapper.js';
import type { HistoryStore } from '../store/types.js';
import type { ClusterReader } from './cluster-reader.js';
import {
  diffServices,
  diffTasks,
  isBusy,
  serviceEventMessages,
  tasksToDescribe,
  unseenServiceEvents,
  type KnownTask,
  type Where,
} from './diff.js';

/** What a poller remembers of its cluster between cycles. */
export interface ClusterState {
  /** Until the first cycle succeeds: that cycle records history but emits nothing. */
  baseline: boolean;
  services: Map<string, Service>;
  /** Per service, the ids of the ECS events seen in the last cycle (at most 100 each). */
  seenEvents: Map<string, Set<string>>;
  tasks: Map<string, KnownTask>;
}

export const emptyClusterState = (): ClusterState => ({
  baseline: true,
  services: new Map(),
  seenEvents: new Map(),
  tasks: new Map(),
});

export interface CycleResult {
  events: LiveEvent[];
  busy: boolean;
}

/** History writes run this many at a time; a cycle with many changes must not flood the database. */
const HISTORY_CONCURRENCY = 8;

/**
 * One poll: reads the cluster, works out what changed since `state`, records history, updates
 * `state` and returns the events to publish. AWS failures reject and leave `state` as it was,
 * so the next cycle diffs against the last good one; history failures are logged and skipped.
 */
export async function pollCluster(
  state: ClusterState,
  reader: ClusterReader,
  history: HistoryStore,
  where: Where,
  logger: Logger,
  taskContext?: (tasks: SdkTask[]) => Promise<TaskContext>,
): Promise<CycleResult> {
  const [sdkServices, running, stopped] = await Promise.all([
    reader.services(),
    reader.taskArns('RUNNING'),
    reader.taskArns('STOPPED'),
  ]);
  const described = await reader.describeTasks(tasksToDescribe(state.tasks, running, stopped));
  const baseline = state.baseline;
  // EC2 instance ids and awsvpc ports, from cached reads: a task on the feed looks like the same
  // task in the list. Without them the events still go out.
  const context =
    taskContext && described.length > 0
      ? await taskContext(described).catch((error: unknown) => {
          logger.debug({ err: error, ...where }, 'Live poller could not read the task context');
          return {};
        })
      : {};
  const services = sdkServices.map(toService);
  const servicesDiff = diffServices(where, state.services, services);
  const tasksDiff = diffTasks(
    where,
    state.tasks,
    [...running, ...stopped],
    described.map((task) => toTask(task, context)),
    baseline,
  );

  const recorded = async <T>(what: string, fallback: T, write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (error) {
      logger.warn({ err: error, ...where }, `Live poller could not record ${what} in history`);
      return fallback;
    }
  };

  const seenEvents = new Map<string, Set<string>>();
  const withEvents = sdkServices.map((sdk, index) => ({
    name: services[index]?.name ?? toService(sdk).name,
    events: toServiceEvents(sdk.events),
  }));
  const eventBatches = await mapLimit(withEvents, HISTORY_CONCURRENCY, async ({ name, events }) => {
    seenEvents.set(name, new Set(events.map((event) => event.id)));
    const unseen = unseenServiceEvents(state.seenEvents.get(name) ?? new Set(), events);
    if (unseen.length === 0) return [];
    // The store knows what earlier lives of the BFF saw: only what it calls new is news.
    const fresh = await recorded('service events', unseen, () =>
      history.recordServiceEvents({ ...where, service: name }, unseen),
    );
    return serviceEventMessages(where, name, fresh);
  });
  await mapLimit(servicesDiff.deployments, HISTORY_CONCURRENCY, ({ service, deployment }) =>
    recorded('a deployment', undefined, () =>
      history.recordDeployment({ ...where, service }, deployment),
    ),
  );
  await mapLimit(tasksDiff.stopped, HISTORY_CONCURRENCY, ({ task, diagnosis }) =>
    recorded('a stopped task', undefined, () => history.recordTaskStop(where, task, diagnosis)),
  );

  state.baseline = false;
  state.services = new Map(services.map((service) => [service.name, service]));
  state.seenEvents = seenEvents;
  state.tasks = tasksDiff.known;
  return {
    events: baseline ? [] : [...eventBatches.flat(), ...servicesDiff.events, ...tasksDiff.events],
    busy: services.some(isBusy),
  };
}
