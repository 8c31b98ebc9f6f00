import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { InlineError } from '../../../components/ui/inline-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { PANEL } from '../../../components/ui/styles';
import type { DesiredStatus } from '../api/ecs-keys';
import { tasksQueryOptions } from '../api/services-queries';
import {
  nextSort,
  readSort,
  readTaskStatus,
  sortParams,
  TASK_PARAMS,
  withParams,
} from '../lib/table-params';
import { filterTaskRows, parseTaskFilter } from '../lib/task-filter';
import {
  defaultTaskSort,
  firstTaskDirection,
  sortTaskRows,
  TASK_SORT_COLUMNS,
  toTaskRows,
  type TaskRow,
  type TaskSortColumn,
} from '../lib/task-rows';
import { TASK_ROW_HEIGHT, taskColumns } from './task-columns';
import { TaskStatusToggle } from './task-status-toggle';
import { UrlFilterInput } from './url-filter-input';
import { VirtualTable } from '../../../components/ui/virtual-table';
import { DescribeFailures } from '../../../components/ui/describe-failures';

const FILTER_HELP =
  'Words match anywhere. Columns: service:, status:, health:, rev:, family:, launch:, host:, port:, image:, container:, az:, reason:, task:. Quote values with spaces, join alternatives with commas (service:web,api), and put - before a term to exclude it.';

/**
 * Every task of a cluster, running or stopped, in one virtualized table that follows the
 * cluster's live feed: it reads the very task list the feed's reducers update. Status, filter
 * and sort live in the URL (`?tasks=STOPPED&tq=service:web&tsort=started&tdir=desc`).
 */
export function ClusterTasksPanel({
  region,
  cluster,
}: {
  region: string | undefined;
  cluster: string;
}) {
  const headingId = useId();
  const [params, setParams] = useSearchParams();
  const status = readTaskStatus(params);
  const sort = readSort(params, TASK_PARAMS, TASK_SORT_COLUMNS, defaultTaskSort(status));
  // Filtering 20,000 rows must not hold up typing: the table catches up a frame later.
  const filterText = useDeferredValue(params.get(TASK_PARAMS.filter) ?? '');
  const tasks = useQuery(
    tasksQueryOptions({ region, cluster, service: undefined, desiredStatus: status }),
  );

  const rows = useMemo(() => toTaskRows(tasks.data?.tasks ?? []), [tasks.data]);
  const filter = useMemo(() => parseTaskFilter(filterText), [filterText]);
  const filtered = useMemo(() => filterTaskRows(rows, filter), [rows, filter]);
  const { column, direction } = sort;
  const shown = useMemo(
    () => sortTaskRows(filtered, { column, direction }),
    [filtered, column, direction],
  );
  const columns = useMemo(
    () => taskColumns({ cluster, region, stopped: status === 'STOPPED' }),
    [cluster, region, status],
  );

  const update = (updates: Record<string, string | undefined>) =>
    setParams((current) => withParams(current, updates), { replace: true });
  const onStatus = (next: DesiredStatus) =>
    update({ [TASK_PARAMS.status]: next === 'STOPPED' ? 'STOPPED' : undefined });
  const onSort = (next: TaskSortColumn) =>
    update(sortParams(TASK_PARAMS, nextSort(sort, next, firstTaskDirection(next))));

  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <h2 id={headingId} className="text-sm font-semibold">
            Tasks
          </h2>
          <StaleBadge stale={tasks.data?.stale} asOf={tasks.data?.asOf} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <TaskStatusToggle value={status} onChange={onStatus} />
          <UrlFilterInput
            param={TASK_PARAMS.filter}
            label="Filter tasks"
            placeholder="service:web status:running -host:i-0abc"
            help={FILTER_HELP}
            pageFilter
          />
          {tasks.data && (
            <p
              data-testid="tasks-count"
              className="text-xs text-slate-600 tabular-nums dark:text-slate-400"
            >
              {shown.length.toLocaleString('en')} of {rows.length.toLocaleString('en')} tasks
            </p>
          )}
        </div>
      </div>
      {tasks.isError && tasks.data && <InlineError error={tasks.error} />}
      <DescribeFailures failures={tasks.data?.failures} what="tasks" />
      {tasks.isPending ? (
        <Skeleton label="tasks" rows={6} />
      ) : tasks.isError && !tasks.data ? (
        <QueryError title="Tasks could not be loaded" query={tasks} />
      ) : rows.length === 0 ? (
        status === 'RUNNING' ? (
          <EmptyState title="No tasks are running in this cluster">
            Create a service, or raise a service’s desired count, to start tasks. Tasks that have
            stopped are under Stopped.
          </EmptyState>
        ) : (
          <EmptyState title="No stopped tasks recorded">
            Tasks that stop show up here, newest first, with why they stopped.
          </EmptyState>
        )
      ) : shown.length === 0 ? (
        <EmptyState title="No tasks match this filter">
          Loosen the filter, or{' '}
          <button
            type="button"
            onClick={() => update({ [TASK_PARAMS.filter]: undefined })}
            className="rounded font-medium text-sky-700 underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300"
          >
            clear it
          </button>
          .
        </EmptyState>
      ) : (
        <div className={PANEL}>
          <VirtualTable<TaskRow, TaskSortColumn>
            label="Cluster tasks"
            rows={shown}
            columns={columns}
            rowKey={(row) => row.id}
            rowHeight={TASK_ROW_HEIGHT}
            sort={sort}
            onSort={onSort}
            maxHeight="max-h-[70vh]"
            rowData={(row) => ({ 'data-task-id': row.id })}
          />
        </div>
      )}
    </section>
  );
}
