import type { TaskDetailResponse } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { ConsoleLink } from '../../../components/ui/console-link';
import { CopyButton } from '../../../components/ui/copy-button';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { JsonView } from '../../../components/ui/json-view';
import { LiveIndicator } from '../../../components/ui/live-indicator';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { ApiError } from '../../../lib/api-client';
import { regionSearch } from '../../../lib/url-state';
import { clusterPath } from '../api/ecs-keys';
import { taskDefinitionQueryOptions, taskDetailQueryOptions } from '../api/task-queries';
import { useClusterEvents } from '../api/use-cluster-events';
import { revisionRef, taskConsoleUrl } from '../lib/task-detail';
import { StopTaskDialog } from './stop-task-dialog';
import { TaskContainersTable, TaskPortMappings } from './task-containers';
import { TaskDefinitionDetails } from './task-definition-details';
import { TaskStopReason, TaskSummary } from './task-summary';

type Mode = 'simulator' | 'aws' | undefined;

/** The page's body once the task is known: summary, why it stopped, containers, ports, config. */
function TaskBody({
  detail,
  cluster,
  region,
}: {
  detail: TaskDetailResponse;
  cluster: string;
  region: string | undefined;
}) {
  const { task } = detail;
  const revision = revisionRef(task.taskDefinition);
  const definition = useQuery({
    ...taskDefinitionQueryOptions({
      region,
      family: revision?.family ?? '',
      revision: revision?.revision ?? 0,
    }),
    enabled: revision !== undefined,
  });
  return (
    <>
      {detail.source === 'history' && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          ECS no longer describes this task; this is the copy Deckhand’s history kept when it
          stopped{cluster ? ` in ${cluster}` : ''}.
        </p>
      )}
      <TaskStopReason detail={detail} />
      <TaskSummary task={task} region={region} />
      <section aria-labelledby="task-containers-heading" className="space-y-2">
        <h2 id="task-containers-heading" className="text-sm font-semibold">
          Containers
        </h2>
        <TaskContainersTable task={task} />
      </section>
      <TaskPortMappings task={task} definition={definition.data?.taskDefinition} />
      {revision && (
        <TaskDefinitionDetails
          reference={task.taskDefinition}
          definition={definition.data?.taskDefinition}
          failed={definition.isError}
        />
      )}
      <JsonView value={task} label="Task" />
    </>
  );
}

/**
 * One task (`/clusters/:cluster/tasks/:task`), live from the cluster feed: where it runs, its
 * containers and ports, its configuration, and for a stopped task why it stopped, in plain words.
 */
export function TaskPage({ readOnly, mode }: { readOnly: boolean; mode: Mode }) {
  const { cluster = '', task: taskId = '' } = useParams();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const detail = useQuery(taskDetailQueryOptions({ region, cluster, task: taskId }));
  const live = useClusterEvents({ region, cluster });
  const [stopping, setStopping] = useState(false);
  const task = detail.data?.task;
  const notFound =
    detail.error instanceof ApiError && detail.error.status === 404 ? detail.error : undefined;
  const canStop = !readOnly && task !== undefined && task.desiredStatus !== 'STOPPED';

  return (
    <section aria-labelledby="task-heading" className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
            <Link to={`/clusters${regionSearch(region)}`} className="hover:underline">
              Clusters
            </Link>
            {' / '}
            <Link
              to={`${clusterPath({ region, cluster })}${regionSearch(region)}`}
              className="hover:underline"
            >
              {cluster}
            </Link>
          </nav>
          <div className="flex flex-wrap items-center gap-2">
            <h1 id="task-heading" className="font-mono text-xl font-semibold tracking-tight">
              Task {taskId}
            </h1>
            <CopyButton value={taskId} label="task id" />
          </div>
        </div>
        <div className="flex flex-col items-end gap-1">
          <LiveIndicator status={live.status} staleSince={live.staleSince} />
          <StaleBadge stale={detail.data?.stale} asOf={detail.data?.asOf} />
          <div className="flex items-center gap-3">
            {task && <ConsoleLink href={taskConsoleUrl(task, cluster, region ?? '')} mode={mode} />}
            {canStop && (
              <Button variant="danger" onClick={() => setStopping(true)}>
                Stop task
              </Button>
            )}
          </div>
        </div>
      </header>

      {notFound ? (
        <EmptyState title={`Task ${taskId} is not in cluster ${cluster}`}>
          {notFound.message}
        </EmptyState>
      ) : detail.isError ? (
        <QueryError title="The task could not be loaded" query={detail} />
      ) : !detail.data ? (
        <Skeleton label="task" rows={5} />
      ) : (
        <TaskBody detail={detail.data} cluster={cluster} region={region} />
      )}
      {stopping && task && (
        <StopTaskDialog
          scope={{ region, cluster }}
          task={task}
          onClose={() => setStopping(false)}
        />
      )}
    </section>
  );
}
