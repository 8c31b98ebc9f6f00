import {
  matchesQuery,
  parseFilterQuery,
  type FieldSpec,
  type FilterTerm,
  type Searchable,
} from './filter-query';
import type { TaskRow } from './task-rows';

/**
 * The columns a task filter can name, and the keys for each. Text columns match a part
 * (`host:i-0abc`, `service:web`); `port:` and `rev:` with a number match it exactly
 * (`port:80` is not 8080), and as text otherwise (`rev:web:3`).
 */
export const TASK_FILTER_FIELDS = {
  task: { keys: ['task', 'id'], match: 'text' },
  service: { keys: ['service', 'svc'], match: 'text' },
  status: { keys: ['status', 'state'], match: 'text' },
  health: { keys: ['health'], match: 'text' },
  rev: { keys: ['rev', 'revision'], match: 'number' },
  family: { keys: ['family', 'taskdef', 'td'], match: 'text' },
  launch: { keys: ['launch', 'type', 'launchtype'], match: 'text' },
  host: { keys: ['host', 'instance', 'ip'], match: 'text' },
  port: { keys: ['port', 'ports'], match: 'number' },
  image: { keys: ['image'], match: 'text' },
  container: { keys: ['container'], match: 'text' },
  zone: { keys: ['az', 'zone'], match: 'text' },
  reason: { keys: ['reason', 'why', 'stop'], match: 'text' },
} as const satisfies Record<string, FieldSpec>;

export type TaskFilterField = keyof typeof TASK_FILTER_FIELDS;
export type TaskFilter = FilterTerm<TaskFilterField>[];

/** Parses what was typed into the tasks filter. */
export function parseTaskFilter(input: string): TaskFilter {
  return parseFilterQuery(input, TASK_FILTER_FIELDS);
}

const lower = (values: (string | number | undefined)[]): string[] =>
  values.filter((value) => value !== undefined && value !== '').map((v) => String(v).toLowerCase());

/** What the filter sees of a task row (lowercase). */
export function taskSearchable(row: TaskRow): Searchable<TaskFilterField> {
  const task = row.task;
  const exits = task.containers.flatMap((c) =>
    c.exitCode === undefined ? [] : [`exit ${c.exitCode}`, `exited ${c.exitCode}`],
  );
  const fields: Record<TaskFilterField, string[]> = {
    task: lower([task.id, task.arn]),
    service: lower([row.service ?? task.group]),
    status: lower([row.status, task.lastStatus, task.desiredStatus, row.health]),
    health: lower([row.health ?? task.healthStatus]),
    rev: lower([row.revision, task.taskDefinition]),
    family: lower([row.family]),
    launch: lower([task.launchType]),
    host: lower([
      task.ec2InstanceId,
      task.eni?.privateIp,
      task.containerInstanceId,
      ...task.containers.flatMap((c) => c.portMappings.map((p) => p.hostIp)),
    ]),
    port: lower([...row.portNumbers, ...row.ports]),
    image: lower(task.containers.map((c) => c.image)),
    container: lower(task.containers.map((c) => c.name)),
    zone: lower([task.availabilityZone]),
    reason: lower([
      row.diagnosis,
      task.stoppedReason,
      task.stopCode,
      ...task.containers.map((c) => c.reason),
      ...exits,
    ]),
  };
  return { fields, text: Object.values(fields).flat().join('\n') };
}

/* Rows are kept per task object (task-rows.ts), so their searchable forms can be too. */
const searchCache = new WeakMap<TaskRow, Searchable<TaskFilterField>>();

function searchableOf(row: TaskRow): Searchable<TaskFilterField> {
  let found = searchCache.get(row);
  if (!found) {
    found = taskSearchable(row);
    searchCache.set(row, found);
  }
  return found;
}

/** Whether a task row satisfies every term of the filter. */
export function matchesTaskFilter(row: TaskRow, filter: TaskFilter): boolean {
  return filter.length === 0 || matchesQuery(searchableOf(row), filter, TASK_FILTER_FIELDS);
}

/** The rows the filter keeps (the same array when the filter is empty). */
export function filterTaskRows(rows: TaskRow[], filter: TaskFilter): TaskRow[] {
  if (filter.length === 0) return rows;
  return rows.filter((row) => matchesTaskFilter(row, filter));
}
