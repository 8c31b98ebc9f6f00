import {
  diagnoseTaskStop,
  type Deployment,
  type LiveEvent,
  type Service,
  type ServiceEvent,
  type Task,
  type TaskStopDiagnosis,
} from '@deckhand/shared';

/**
 * What changed between two polls of a cluster, as live events: pure functions of the previous
 * and the current snapshot, so every rule is unit-tested without AWS or timers.
 */

export interface Where {
  region: string;
  cluster: string;
}

/** What the poller remembers of a task between cycles: enough to know whether to describe it again. */
export interface KnownTask {
  lastStatus: string;
}

/** The service a task belongs to: service tasks are in group `service:<name>`. */
export function serviceOfTask(task: Pick<Task, 'group'>): string | undefined {
  return task.group?.startsWith('service:') ? task.group.slice('service:'.length) : undefined;
}

/** A service whose rollout is under way: the poller then polls faster. */
export function isBusy(service: Service): boolean {
  return (
    service.runningCount !== service.desiredCount ||
    service.deployments.length > 1 ||
    service.deployments.some((deployment) => deployment.rolloutState === 'IN_PROGRESS')
  );
}

const serviceChanged = (a: Service, b: Service) =>
  a.status !== b.status ||
  a.desiredCount !== b.desiredCount ||
  a.runningCount !== b.runningCount ||
  a.pendingCount !== b.pendingCount ||
  a.taskDefinition !== b.taskDefinition;

// updatedAt is left out: it moves with the counts, and a bare timestamp change is no news.
const deploymentChanged = (a: Deployment, b: Deployment) =>
  a.status !== b.status ||
  a.taskDefinition !== b.taskDefinition ||
  a.desiredCount !== b.desiredCount ||
  a.runningCount !== b.runningCount ||
  a.pendingCount !== b.pendingCount ||
  a.failedTasks !== b.failedTasks ||
  a.rolloutState !== b.rolloutState ||
  a.rolloutStateReason !== b.rolloutStateReason;

/**
 * Deployments that appeared or moved on. A deployment ECS no longer lists has been replaced and
 * drained: it is reported once more as INACTIVE, which is what ECS would call it.
 */
export function changedDeployments(
  previous: readonly Deployment[],
  current: readonly Deployment[],
): Deployment[] {
  const before = new Map(previous.map((deployment) => [deployment.id, deployment]));
  const now = new Set(current.map((deployment) => deployment.id));
  const changed = current.filter((deployment) => {
    const old = before.get(deployment.id);
    return !old || deploymentChanged(old, deployment);
  });
  const gone = previous
    .filter((deployment) => !now.has(deployment.id) && deployment.status !== 'INACTIVE')
    .map((deployment) => ({ ...deployment, status: 'INACTIVE' as const }));
  return [...changed, ...gone];
}

export interface ServicesDiff {
  events: LiveEvent[];
  /** Deployments to record in history, with their service. */
  deployments: { service: string; deployment: Deployment }[];
}

/**
 * Service and deployment changes. A service no longer listed (deleted) is reported once as
 * INACTIVE, so a client drops it from its list.
 */
export function diffServices(
  where: Where,
  previous: ReadonlyMap<string, Service>,
  current: readonly Service[],
): ServicesDiff {
  const events: LiveEvent[] = [];
  const deployments: ServicesDiff['deployments'] = [];
  for (const service of current) {
    const old = previous.get(service.name);
    for (const deployment of changedDeployments(old?.deployments ?? [], service.deployments)) {
      deployments.push({ service: service.name, deployment });
      events.push({ type: 'deployment.updated', ...where, service: service.name, deployment });
    }
    if (!old || serviceChanged(old, service))
      events.push({ type: 'service.updated', ...where, service });
  }
  const listed = new Set(current.map((service) => service.name));
  for (const [name, old] of previous) {
    if (listed.has(name) || old.status === 'INACTIVE') continue;
    events.push({ type: 'service.updated', ...where, service: { ...old, status: 'INACTIVE' } });
  }
  return { events, deployments };
}

/** ECS events not seen in an earlier cycle, oldest first (`events` is newest first, as ECS returns it). */
export function unseenServiceEvents(
  seen: ReadonlySet<string>,
  events: readonly ServiceEvent[],
): ServiceEvent[] {
  return events.filter((event) => !seen.has(event.id)).reverse();
}

export function serviceEventMessages(
  where: Where,
  service: string,
  events: readonly ServiceEvent[],
): LiveEvent[] {
  return events.map((event) => ({ type: 'service.event', ...where, service, event }));
}

/**
 * The task ARNs worth a DescribeTasks: new ones, and known ones not yet in the final state of
 * the list they are in (RUNNING for desiredStatus RUNNING, STOPPED for desiredStatus STOPPED).
 * A settled task costs nothing, so a 20,000-task cluster at rest costs only its ListTasks pages.
 */
export function tasksToDescribe(
  known: ReadonlyMap<string, KnownTask>,
  running: readonly string[],
  stopped: readonly string[],
): string[] {
  const wanted = new Set<string>();
  for (const arn of running) if (known.get(arn)?.lastStatus !== 'RUNNING') wanted.add(arn);
  for (const arn of stopped) if (known.get(arn)?.lastStatus !== 'STOPPED') wanted.add(arn);
  return [...wanted];
}

export interface TasksDiff {
  events: LiveEvent[];
  /** Every task seen reaching STOPPED (baseline included), for history. */
  stopped: { task: Task; diagnosis: TaskStopDiagnosis }[];
  /** The known tasks after this cycle: those still listed, with their latest status. */
  known: Map<string, KnownTask>;
}

/**
 * Task transitions: to RUNNING → `task.started`, to STOPPED → `task.stopped` with a diagnosis.
 * The baseline (first cycle) emits nothing but still reports stopped tasks for history.
 */
export function diffTasks(
  where: Where,
  known: ReadonlyMap<string, KnownTask>,
  listed: readonly string[],
  described: readonly Task[],
  baseline: boolean,
): TasksDiff {
  const events: LiveEvent[] = [];
  const stopped: TasksDiff['stopped'] = [];
  const next = new Map<string, KnownTask>();
  for (const arn of listed) {
    const old = known.get(arn);
    if (old) next.set(arn, old);
  }
  for (const task of described) {
    const before = known.get(task.arn)?.lastStatus;
    next.set(task.arn, { lastStatus: task.lastStatus });
    if (task.lastStatus === before) continue;
    const service = serviceOfTask(task);
    if (task.lastStatus === 'STOPPED') {
      const diagnosis = diagnoseTaskStop(task);
      stopped.push({ task, diagnosis });
      if (!baseline) events.push({ type: 'task.stopped', ...where, service, task, diagnosis });
    } else if (task.lastStatus === 'RUNNING' && !baseline) {
      events.push({ type: 'task.started', ...where, service, task });
    }
  }
  return { events, stopped, known: next };
}
