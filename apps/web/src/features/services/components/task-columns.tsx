import { Link } from 'react-router';
import { MUTED } from '../../../components/ui/styles';
import { formatMemory, formatTime, formatVcpu } from '../../../lib/format';
import { regionSearch } from '../../../lib/url-state';
import { shortId } from '../lib/describe-event';
import type { TaskRow, TaskSortColumn } from '../lib/task-rows';
import type { Column } from '../../../components/ui/virtual-table';

/** Every task row is this tall: two lines of small text fit (a stopped task's time and why). */
export const TASK_ROW_HEIGHT = 40;

const MONO = 'font-mono text-xs';
const LINK =
  'rounded font-mono text-sky-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500 dark:text-sky-300';

function Status({ row }: { row: TaskRow }) {
  const desired = row.task.desiredStatus;
  const tone =
    row.health === 'UNHEALTHY'
      ? 'text-red-700 dark:text-red-300'
      : 'text-emerald-700 dark:text-emerald-300';
  return (
    <span title={`last ${row.task.lastStatus}, desired ${desired}`}>
      {row.status}
      {desired !== row.task.lastStatus && row.status !== 'STOPPING' && (
        <span className={`text-xs ${MUTED}`}> → {desired}</span>
      )}
      {row.health && <span className={`ml-2 text-xs ${tone}`}>{row.health.toLowerCase()}</span>}
    </span>
  );
}

const time = (row: TaskRow) => (row.when ? formatTime(row.when) : '—');

/** A stopped task's time over why it stopped: two lines fill the row. */
function Stopped({ row }: { row: TaskRow }) {
  return (
    <span className="block leading-4" title={row.diagnosis}>
      <span className={`block ${MONO}`}>{time(row)}</span>
      <span className={`block truncate text-xs ${MUTED}`}>{row.diagnosis}</span>
    </span>
  );
}

function size(row: TaskRow): string {
  const { cpu, memory } = row.task;
  if (cpu === undefined && memory === undefined) return '—';
  return [
    cpu === undefined ? '' : formatVcpu(cpu),
    memory === undefined ? '' : formatMemory(memory),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The columns of the cluster's tasks table; `stopped` widens the time column for the why. */
export function taskColumns({
  cluster,
  region,
  stopped,
}: {
  cluster: string;
  region: string | undefined;
  stopped: boolean;
}): Column<TaskRow, TaskSortColumn>[] {
  const taskPath = (id: string) =>
    `/clusters/${encodeURIComponent(cluster)}/tasks/${encodeURIComponent(id)}${regionSearch(region)}`;
  return [
    {
      key: 'task',
      label: 'Task',
      width: 104,
      rowHeader: true,
      cell: (row) => (
        <Link to={taskPath(row.id)} aria-label={`Task ${row.id}`} title={row.id} className={LINK}>
          {shortId(row.id)}
        </Link>
      ),
    },
    {
      key: 'service',
      label: 'Service',
      width: 170,
      cell: (row) =>
        row.service ?? <span className={`text-xs ${MUTED}`}>{row.task.group ?? '—'}</span>,
    },
    { key: 'status', label: 'Status', width: 170, cell: (row) => <Status row={row} /> },
    {
      key: 'rev',
      label: 'Rev',
      width: 64,
      align: 'right',
      className: 'tabular-nums',
      title: (row) => row.task.taskDefinition,
      cell: (row) => row.revision ?? row.task.taskDefinition,
    },
    {
      key: 'launch',
      label: 'Launch',
      width: 96,
      className: 'text-xs',
      cell: (row) => row.launchType ?? '—',
    },
    { key: 'host', label: 'Host', width: 176, className: MONO, cell: (row) => row.host ?? '—' },
    {
      key: 'ports',
      label: 'Ports',
      width: 180,
      className: MONO,
      title: (row) => row.ports.join(', ') || undefined,
      cell: (row) => row.ports.join(', ') || '—',
    },
    {
      key: 'cpu',
      label: 'CPU · memory',
      width: 150,
      className: 'text-xs tabular-nums',
      cell: size,
    },
    {
      key: 'started',
      label: stopped ? 'Stopped' : 'Started',
      width: stopped ? 320 : 150,
      className: stopped ? '' : MONO,
      cell: (row) => (row.diagnosis === undefined ? time(row) : <Stopped row={row} />),
    },
  ];
}
