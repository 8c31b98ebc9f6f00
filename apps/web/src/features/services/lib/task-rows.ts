import { diagnoseTaskStop, type Task } from '@deckhand/shared';
import type { SortDirection, SortState } from './table-params';

/** One task as the cluster's tasks table shows, filters and sorts it. */
export interface TaskRow {
  task: Task;
  id: string;
  /** From the group `service:<name>`; undefined for tasks run outside a service. */
  service: string | undefined;
  /** `lastStatus`, or STOPPING once ECS has been asked to stop a task still running. */
  status: string;
  /** HEALTHY or UNHEALTHY; undefined when unknown. */
  health: string | undefined;
  family: string;
  /** The task definition revision, when the reference has one. */
  revision: number | undefined;
  launchType: string | undefined;
  /** The EC2 instance id, or the ENI's private IP (awsvpc / Fargate). */
  host: string | undefined;
  /** `hostPort→containerPort/protocol` of every container. */
  ports: string[];
  /** Host and container port numbers, for `port:` and sorting. */
  portNumbers: number[];
  /** ISO time: when it stopped (stopped tasks), else when it started. */
  when: string | undefined;
  /** Why it stopped, in plain words; stopped tasks only. */
  diagnosis: string | undefined;
}

function serviceOf(group: string | undefined): string | undefined {
  return group?.startsWith('service:') ? group.slice('service:'.length) : undefined;
}

function definitionOf(reference: string): { family: string; revision: number | undefined } {
  // `family:revision`, or an ARN `…:task-definition/family:revision`.
  const name = reference.slice(reference.lastIndexOf('/') + 1);
  const at = name.lastIndexOf(':');
  if (at === -1) return { family: name, revision: undefined };
  const revision = Number(name.slice(at + 1));
  return {
    family: name.slice(0, at),
    revision: Number.isInteger(revision) ? revision : undefined,
  };
}

export function toTaskRow(task: Task): TaskRow {
  const stopped = task.lastStatus === 'STOPPED';
  const mappings = task.containers.flatMap((container) => container.portMappings);
  const health =
    task.healthStatus && task.healthStatus !== 'UNKNOWN' ? task.healthStatus : undefined;
  return {
    task,
    id: task.id,
    service: serviceOf(task.group),
    status:
      !stopped && task.desiredStatus === 'STOPPED' && task.lastStatus === 'RUNNING'
        ? 'STOPPING'
        : task.lastStatus,
    health,
    ...definitionOf(task.taskDefinition),
    launchType: task.launchType,
    host: task.ec2InstanceId ?? task.eni?.privateIp,
    ports: mappings.map((p) => `${p.hostPort}→${p.containerPort}/${p.protocol}`),
    portNumbers: mappings.flatMap((p) => [p.hostPort, p.containerPort]),
    when: stopped ? (task.stoppedAt ?? task.stoppingAt) : task.startedAt,
    diagnosis: stopped ? diagnoseTaskStop(task).summary : undefined,
  };
}

/*
 * A live event replaces one task of a list of 20,000: the rows of the others are kept by task
 * object (the reducers keep unchanged tasks identical), so only the new one is derived again.
 */
const rowCache = new WeakMap<Task, TaskRow>();

/** The rows of a task list, reusing the row of every task object already seen. */
export function toTaskRows(tasks: readonly Task[]): TaskRow[] {
  return tasks.map((task) => {
    const cached = rowCache.get(task);
    if (cached) return cached;
    const row = toTaskRow(task);
    rowCache.set(task, row);
    return row;
  });
}

export const TASK_SORT_COLUMNS = [
  'task',
  'service',
  'status',
  'rev',
  'launch',
  'host',
  'ports',
  'cpu',
  'started',
] as const;
export type TaskSortColumn = (typeof TASK_SORT_COLUMNS)[number];

/** The direction a first click sorts a column in: newest and largest first for times and sizes. */
export function firstTaskDirection(column: TaskSortColumn): SortDirection {
  return column === 'started' || column === 'cpu' ? 'desc' : 'asc';
}

/** What the table shows before anyone sorts: running by service, stopped newest first. */
export function defaultTaskSort(status: 'RUNNING' | 'STOPPED'): SortState<TaskSortColumn> {
  return status === 'STOPPED'
    ? { column: 'started', direction: 'desc' }
    : { column: 'service', direction: 'asc' };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Text in natural order (`web-2` before `web-10`, `10.0.1.9` before `10.0.1.10`); missing last. */
function text(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return collator.compare(a, b);
}

/** Plain code-unit order: ids and ISO timestamps (one format) order correctly as text. */
function plain(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function number(a: number | undefined, b: number | undefined): number {
  return (a ?? -1) - (b ?? -1);
}

const COMPARE: Record<TaskSortColumn, (a: TaskRow, b: TaskRow) => number> = {
  task: (a, b) => plain(a.id, b.id),
  service: (a, b) => text(a.service, b.service),
  status: (a, b) => text(a.status, b.status) || text(a.health, b.health),
  rev: (a, b) => text(a.family, b.family) || number(a.revision, b.revision),
  launch: (a, b) => text(a.launchType, b.launchType),
  host: (a, b) => text(a.host, b.host),
  ports: (a, b) => number(a.portNumbers[0], b.portNumbers[0]),
  cpu: (a, b) => number(a.task.cpu, b.task.cpu) || number(a.task.memory, b.task.memory),
  // A missing time counts as the oldest.
  started: (a, b) => plain(a.when ?? '', b.when ?? ''),
};

/** A sorted copy; ties fall back to the task id, so the order is stable across live updates. */
export function sortTaskRows(rows: readonly TaskRow[], sort: SortState<TaskSortColumn>): TaskRow[] {
  const compare = COMPARE[sort.column];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b) || plain(a.id, b.id));
}

/** Running and pending tasks of a live task list (what the cluster's header counts show). */
export function countTasks(tasks: readonly Task[]): { running: number; pending: number } {
  let running = 0;
  let pending = 0;
  for (const task of tasks) {
    if (task.lastStatus === 'RUNNING') running += 1;
    else if (['PROVISIONING', 'PENDING', 'ACTIVATING'].includes(task.lastStatus)) pending += 1;
  }
  return { running, pending };
}
