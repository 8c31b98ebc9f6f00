import type { Task } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryError } from '../../../components/ui/query-error';
import { PANEL } from '../../../components/ui/styles';
import type { ServiceScope } from '../api/ecs-keys';
import { tasksQueryOptions } from '../api/services-queries';
import { StopTaskDialog } from './stop-task-dialog';
import { RunningTasksTable, StoppedTasksTable } from './tasks-tables';
import { DescribeFailures } from '../../../components/ui/describe-failures';

/** A service's tasks: those meant to run (with Stop), or, toggled, those stopped and why. */
export function TasksPanel({ scope, readOnly }: { scope: ServiceScope; readOnly: boolean }) {
  const [showStopped, setShowStopped] = useState(false);
  const [stopping, setStopping] = useState<Task | undefined>();
  const desiredStatus = showStopped ? 'STOPPED' : 'RUNNING';
  const tasks = useQuery(tasksQueryOptions({ ...scope, desiredStatus }));

  return (
    <section aria-labelledby="tasks-heading" className="space-y-2">
      <div className="flex items-center justify-between gap-3">
        <h2 id="tasks-heading" className="text-sm font-semibold">
          {showStopped ? 'Stopped tasks' : 'Tasks'}
          {tasks.data && (
            <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">
              {tasks.data.tasks.length}
            </span>
          )}
        </h2>
        <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          <input
            type="checkbox"
            checked={showStopped}
            onChange={(event) => setShowStopped(event.target.checked)}
            className="h-4 w-4 rounded border-slate-300"
          />
          Show stopped tasks
        </label>
      </div>
      <DescribeFailures failures={tasks.data?.failures} what="tasks" />
      {tasks.isError ? (
        <QueryError title="Tasks could not be loaded" query={tasks} />
      ) : (
        <div className={`${PANEL} overflow-x-auto`}>
          {tasks.isPending ? (
            <div aria-hidden="true" className="space-y-2 p-4">
              <div className="h-4 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
              <div className="h-4 w-1/2 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
            </div>
          ) : showStopped ? (
            <StoppedTasksTable tasks={tasks.data.tasks} scope={scope} />
          ) : (
            <RunningTasksTable
              tasks={tasks.data.tasks}
              scope={scope}
              onStop={readOnly ? undefined : setStopping}
            />
          )}
          {tasks.isSuccess && tasks.data.tasks.length === 0 && (
            <p className="px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
              {showStopped ? 'No stopped tasks recorded.' : 'No tasks are running.'}
            </p>
          )}
        </div>
      )}
      {stopping && (
        <StopTaskDialog scope={scope} task={stopping} onClose={() => setStopping(undefined)} />
      )}
    </section>
  );
}
