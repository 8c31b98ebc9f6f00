import { diagnoseTaskStop, type Task } from '@deckhand/shared';
import { Link } from 'react-router';
import { formatTime } from '../../../lib/format';
import { regionSearch } from '../../../lib/url-state';
import { taskPath, type ClusterScope } from '../api/ecs-keys';
import { exitCodes, revisionOf, shortId } from '../lib/describe-event';
import { TABLE_HEAD } from './tones';

const CELL = 'px-4 py-2 align-top';

function Head({ columns }: { columns: string[] }) {
  return (
    <thead className={TABLE_HEAD}>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" className="px-4 py-2 font-medium">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The task's short id, linking to its page. */
function TaskId({ task, scope }: { task: Task; scope: ClusterScope }) {
  return (
    <th scope="row" className={`${CELL} font-mono font-normal`} title={task.id}>
      <Link
        to={`${taskPath({ ...scope, task: task.id })}${regionSearch(scope.region)}`}
        aria-label={`Task ${task.id}`}
        className="text-sky-700 hover:underline dark:text-sky-300"
      >
        {shortId(task.id)}
      </Link>
    </th>
  );
}

function ports(task: Task): string {
  return task.containers
    .flatMap((container) =>
      container.portMappings.map((p) => `${p.hostPort}→${p.containerPort}/${p.protocol}`),
    )
    .join(', ');
}

/** Tasks meant to run: where they run, their ports, and a Stop action. */
export function RunningTasksTable({
  tasks,
  scope,
  onStop,
}: {
  tasks: Task[];
  scope: ClusterScope;
  onStop: ((task: Task) => void) | undefined;
}) {
  const columns = ['Task', 'Status', 'Revision', 'Started', 'Host', 'Ports'];
  return (
    <table aria-label="Tasks" className="w-full text-left text-sm">
      <Head columns={onStop ? [...columns, 'Actions'] : columns} />
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {tasks.map((task) => {
          const stopping = task.desiredStatus === 'STOPPED';
          return (
            <tr key={task.id}>
              <TaskId task={task} scope={scope} />
              <td className={CELL}>
                {stopping ? 'STOPPING' : task.lastStatus}
                {task.healthStatus && task.healthStatus !== 'UNKNOWN' && (
                  <span
                    className={`ml-2 text-xs ${task.healthStatus === 'HEALTHY' ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-300'}`}
                  >
                    {task.healthStatus.toLowerCase()}
                  </span>
                )}
              </td>
              <td className={`${CELL} tabular-nums`}>{revisionOf(task.taskDefinition)}</td>
              <td className={`${CELL} font-mono text-xs`}>
                {task.startedAt ? formatTime(task.startedAt) : '—'}
              </td>
              <td className={`${CELL} font-mono text-xs`}>
                {task.ec2InstanceId ?? task.eni?.privateIp ?? '—'}
              </td>
              <td className={`${CELL} font-mono text-xs`}>{ports(task) || '—'}</td>
              {onStop && (
                <td className={CELL}>
                  <button
                    type="button"
                    aria-label={`Stop task ${task.id}`}
                    disabled={stopping}
                    onClick={() => onStop(task)}
                    className="rounded px-2 py-0.5 text-xs font-medium text-red-700 ring-1 ring-red-300 hover:bg-red-50 disabled:opacity-40 dark:text-red-300 dark:ring-red-800 dark:hover:bg-red-950"
                  >
                    Stop
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Stopped tasks, newest first, each with why it stopped in plain words and its exit codes. */
export function StoppedTasksTable({ tasks, scope }: { tasks: Task[]; scope: ClusterScope }) {
  return (
    <table aria-label="Stopped tasks" className="w-full text-left text-sm">
      <Head columns={['Task', 'Stopped', 'Revision', 'Why']} />
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {tasks.map((task) => {
          const codes = exitCodes(task);
          return (
            <tr key={task.id}>
              <TaskId task={task} scope={scope} />
              <td className={`${CELL} font-mono text-xs`}>
                {task.stoppedAt ? formatTime(task.stoppedAt) : '—'}
              </td>
              <td className={`${CELL} tabular-nums`}>{revisionOf(task.taskDefinition)}</td>
              <td className={CELL}>
                <p>{diagnoseTaskStop(task).summary}</p>
                <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                  {[task.stopCode, ...codes].filter(Boolean).join(' · ')}
                </p>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
