import type { Service, Task } from '@deckhand/shared';
import {
  matchesQuery,
  parseFilterQuery,
  type FieldSpec,
  type FilterTerm,
  type Searchable,
} from './filter-query';
import type { SortDirection, SortState } from './table-params';

export type DeploymentKind = 'failed' | 'deploying' | 'below' | 'steady';

const STATE_TEXT: Record<DeploymentKind, string> = {
  failed: 'Failed',
  deploying: 'Deploying',
  below: 'Below desired',
  steady: 'Steady',
};

/** What a service's deployments are doing, in a word. */
export function deploymentKind(service: Service): DeploymentKind {
  const primary = service.deployments.find((d) => d.status === 'PRIMARY');
  if (primary?.rolloutState === 'FAILED') return 'failed';
  if (service.deployments.length > 1 || primary?.rolloutState === 'IN_PROGRESS') return 'deploying';
  if (service.runningCount < service.desiredCount) return 'below';
  return 'steady';
}

/** One service as the services table shows, filters and sorts it. */
export interface ServiceRow {
  service: Service;
  name: string;
  state: DeploymentKind;
  stateText: string;
  /** The primary deployment's running of desired tasks, while a rollout is under way. */
  rollout: { running: number; desired: number } | undefined;
  family: string;
  revision: number | undefined;
  /** The launch type, or the capacity providers of the strategy. */
  launch: string;
  strategy: string;
  /** The images its running tasks run (`repository:tag`), from the cluster's task list; may be empty. */
  images: string[];
}

export function toServiceRow(service: Service, images: readonly string[] = []): ServiceRow {
  const state = deploymentKind(service);
  const primary = service.deployments.find((d) => d.status === 'PRIMARY');
  const at = service.taskDefinition.lastIndexOf(':');
  const revision = Number(service.taskDefinition.slice(at + 1));
  return {
    service,
    name: service.name,
    state,
    stateText: STATE_TEXT[state],
    rollout:
      state === 'deploying' && primary
        ? { running: primary.runningCount, desired: primary.desiredCount }
        : undefined,
    family: at === -1 ? service.taskDefinition : service.taskDefinition.slice(0, at),
    revision: at !== -1 && Number.isInteger(revision) ? revision : undefined,
    launch:
      service.launchType ??
      service.capacityProviderStrategy.map((item) => item.capacityProvider).join(', '),
    strategy: service.schedulingStrategy,
    images: [...images],
  };
}

/**
 * Each service's images, from the cluster's running tasks (already loaded for the fleet map and
 * kept live): the service list does not carry them, and a DescribeTaskDefinition per service
 * would cost a call each. The short form drops the registry host.
 */
export function imagesByService(tasks: readonly Task[]): Map<string, string[]> {
  const images = new Map<string, Set<string>>();
  for (const task of tasks) {
    if (!task.group?.startsWith('service:')) continue;
    const service = task.group.slice('service:'.length);
    const set = images.get(service) ?? new Set<string>();
    for (const container of task.containers)
      set.add(container.image.replace(/^[^/]+\.[^/]+\//, ''));
    images.set(service, set);
  }
  return new Map([...images].map(([service, set]) => [service, [...set].sort()]));
}

export const SERVICE_FILTER_FIELDS = {
  name: { keys: ['name', 'service', 'svc'], match: 'text' },
  status: { keys: ['status'], match: 'text' },
  state: { keys: ['state', 'deployment'], match: 'text' },
  rev: { keys: ['rev', 'revision'], match: 'number' },
  family: { keys: ['family', 'taskdef', 'td'], match: 'text' },
  launch: { keys: ['launch', 'type', 'launchtype'], match: 'text' },
  strategy: { keys: ['strategy', 'scheduling'], match: 'text' },
  image: { keys: ['image', 'img'], match: 'text' },
} as const satisfies Record<string, FieldSpec>;

export type ServiceFilterField = keyof typeof SERVICE_FILTER_FIELDS;
export type ServiceFilter = FilterTerm<ServiceFilterField>[];

export function parseServiceFilter(input: string): ServiceFilter {
  return parseFilterQuery(input, SERVICE_FILTER_FIELDS);
}

function searchable(row: ServiceRow): Searchable<ServiceFilterField> {
  const fields: Record<ServiceFilterField, string[]> = {
    name: [row.name.toLowerCase()],
    status: [row.service.status.toLowerCase()],
    state: [row.state, row.stateText.toLowerCase()],
    rev: [String(row.revision ?? ''), row.service.taskDefinition.toLowerCase()],
    family: [row.family.toLowerCase()],
    launch: [row.launch.toLowerCase()],
    strategy: [row.strategy.toLowerCase()],
    image: row.images.map((image) => image.toLowerCase()),
  };
  return { fields, text: Object.values(fields).flat().join('\n') };
}

/** The services the filter keeps. */
export function filterServiceRows(rows: ServiceRow[], filter: ServiceFilter): ServiceRow[] {
  if (filter.length === 0) return rows;
  return rows.filter((row) => matchesQuery(searchable(row), filter, SERVICE_FILTER_FIELDS));
}

export const SERVICE_SORT_COLUMNS = [
  'name',
  'desired',
  'running',
  'pending',
  'deployment',
  'rev',
  'image',
  'launch',
  'strategy',
] as const;
export type ServiceSortColumn = (typeof SERVICE_SORT_COLUMNS)[number];

export const DEFAULT_SERVICE_SORT: SortState<ServiceSortColumn> = {
  column: 'name',
  direction: 'asc',
};

/** Counts sort largest first on the first click; the rest alphabetically. */
export function firstServiceDirection(column: ServiceSortColumn): SortDirection {
  return column === 'desired' || column === 'running' || column === 'pending' ? 'desc' : 'asc';
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
/** Trouble first: failed, deploying, below desired, steady. */
const STATE_ORDER: Record<DeploymentKind, number> = {
  failed: 0,
  deploying: 1,
  below: 2,
  steady: 3,
};

const COMPARE: Record<ServiceSortColumn, (a: ServiceRow, b: ServiceRow) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  desired: (a, b) => a.service.desiredCount - b.service.desiredCount,
  running: (a, b) => a.service.runningCount - b.service.runningCount,
  pending: (a, b) => a.service.pendingCount - b.service.pendingCount,
  deployment: (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state],
  rev: (a, b) => collator.compare(a.family, b.family) || (a.revision ?? -1) - (b.revision ?? -1),
  image: (a, b) => collator.compare(a.images[0] ?? '', b.images[0] ?? ''),
  launch: (a, b) => collator.compare(a.launch, b.launch),
  strategy: (a, b) => collator.compare(a.strategy, b.strategy),
};

/** A sorted copy; ties by name, so the order is stable across live updates. */
export function sortServiceRows(
  rows: readonly ServiceRow[],
  sort: SortState<ServiceSortColumn>,
): ServiceRow[] {
  const compare = COMPARE[sort.column];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b) || collator.compare(a.name, b.name));
}
