import type { Task, TaskDetailResponse } from '@deckhand/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PANEL } from '../../../components/ui/styles';
import { formatTime } from '../../../lib/format';
import { regionSearch } from '../../../lib/url-state';
import { hostOf, revisionRef } from '../lib/task-detail';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">
        {term}
      </dt>
      <dd className="mt-0.5 font-mono text-sm break-all">{children}</dd>
    </div>
  );
}

/** Status, revision, host and times of a task, as a description list. */
export function TaskSummary({ task, region }: { task: Task; region: string | undefined }) {
  const revision = revisionRef(task.taskDefinition);
  const status =
    task.desiredStatus === 'STOPPED' && task.lastStatus !== 'STOPPED'
      ? `${task.lastStatus} → STOPPED`
      : task.lastStatus;
  return (
    <dl
      aria-label="Task summary"
      className={`${PANEL} grid grid-cols-2 gap-4 p-4 sm:grid-cols-4 lg:grid-cols-8`}
    >
      <Item term="Status">
        {status}
        {task.healthStatus && task.healthStatus !== 'UNKNOWN' && ` · ${task.healthStatus}`}
      </Item>
      <Item term="Launch type">{task.launchType ?? '—'}</Item>
      <Item term="Revision">
        {revision ? (
          <Link
            to={`/task-definitions/${encodeURIComponent(revision.family)}/${revision.revision}${regionSearch(region)}`}
            className="text-sky-700 hover:underline dark:text-sky-300"
          >
            {task.taskDefinition}
          </Link>
        ) : (
          task.taskDefinition || '—'
        )}
      </Item>
      <Item term="Host">{hostOf(task) ?? '—'}</Item>
      <Item term="Availability zone">{task.availabilityZone ?? '—'}</Item>
      <Item term="Started">{task.startedAt ? formatTime(task.startedAt) : '—'}</Item>
      <Item term="Stopped">{task.stoppedAt ? formatTime(task.stoppedAt) : '—'}</Item>
      <Item term="CPU / memory">
        {task.cpu !== undefined || task.memory !== undefined
          ? `${task.cpu ?? '—'} / ${task.memory ?? '—'} MiB`
          : '—'}
      </Item>
    </dl>
  );
}

/** Why a stopped task stopped: the plain-words diagnosis first, then what ECS said. */
export function TaskStopReason({ detail }: { detail: TaskDetailResponse }) {
  const { task, diagnosis } = detail;
  if (task.lastStatus !== 'STOPPED' && !task.stoppedReason) return null;
  return (
    <section
      aria-labelledby="task-stop-heading"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
    >
      <h2 id="task-stop-heading" className="text-sm font-semibold">
        Why the task stopped
      </h2>
      {diagnosis && (
        <p data-testid="task-diagnosis" className="mt-1 text-base font-medium">
          {diagnosis.summary}
        </p>
      )}
      <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
        <dt className="font-medium">Stop code</dt>
        <dd className="font-mono">{task.stopCode ?? '—'}</dd>
        <dt className="font-medium">Stopped reason</dt>
        <dd>{task.stoppedReason ?? '—'}</dd>
      </dl>
    </section>
  );
}
