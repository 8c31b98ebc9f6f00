import { Link } from 'react-router';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { regionSearch } from '../../../lib/url-state';
import type { DeploymentKind, ServiceRow, ServiceSortColumn } from '../lib/service-rows';
import type { Column } from '../../../components/ui/virtual-table';

export const SERVICE_ROW_HEIGHT = 40;

const TONE: Record<DeploymentKind, string> = {
  failed: 'text-red-700 dark:text-red-300',
  deploying: 'text-violet-700 dark:text-violet-300',
  below: 'text-amber-700 dark:text-amber-300',
  steady: 'text-emerald-700 dark:text-emerald-300',
};

function Deployment({ row }: { row: ServiceRow }) {
  return (
    <span className={`flex items-center gap-2 text-xs font-medium ${TONE[row.state]}`}>
      {row.stateText}
      {row.rollout && (
        <>
          <span className="tabular-nums">
            {row.rollout.running}/{row.rollout.desired}
          </span>
          <span className="w-16">
            <ProgressBar
              label={`Rollout of ${row.name}`}
              value={row.rollout.running}
              max={row.rollout.desired}
              tone="bg-violet-500"
            />
          </span>
        </>
      )}
    </span>
  );
}

/**
 * The services table's columns. The images come from the cluster's running tasks (the service
 * list does not carry them); a service with no running task shows none.
 */
export function serviceColumns({
  cluster,
  region,
}: {
  cluster: string;
  region: string | undefined;
}): Column<ServiceRow, ServiceSortColumn>[] {
  return [
    {
      key: 'name',
      label: 'Service',
      width: 220,
      rowHeader: true,
      cell: (row) => (
        <Link
          to={`/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(row.name)}${regionSearch(region)}`}
          title={row.name}
          className="rounded text-sky-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500 dark:text-sky-300"
        >
          {row.name}
        </Link>
      ),
    },
    {
      key: 'desired',
      label: 'Desired',
      width: 88,
      align: 'right',
      className: 'tabular-nums',
      cell: (row) => row.service.desiredCount,
    },
    {
      key: 'running',
      label: 'Running',
      width: 88,
      align: 'right',
      className: 'tabular-nums',
      cell: (row) => row.service.runningCount,
    },
    {
      key: 'pending',
      label: 'Pending',
      width: 88,
      align: 'right',
      className: 'tabular-nums',
      cell: (row) => row.service.pendingCount,
    },
    { key: 'deployment', label: 'Deployment', width: 210, cell: (row) => <Deployment row={row} /> },
    {
      key: 'rev',
      label: 'Revision',
      width: 200,
      className: 'font-mono text-xs',
      title: (row) => row.service.taskDefinition,
      cell: (row) =>
        row.revision === undefined ? (
          row.family
        ) : (
          <>
            {row.family}:<span className="font-semibold">{row.revision}</span>
          </>
        ),
    },
    {
      key: 'image',
      label: 'Image',
      width: 220,
      className: 'font-mono text-xs',
      title: (row) => row.images.join('\n'),
      cell: (row) =>
        row.images.length === 0
          ? '—'
          : `${row.images[0] ?? ''}${row.images.length > 1 ? ` +${row.images.length - 1}` : ''}`,
    },
    {
      key: 'launch',
      label: 'Launch type',
      width: 120,
      className: 'text-xs',
      cell: (row) => row.launch || '—',
    },
    {
      key: 'strategy',
      label: 'Scheduling',
      width: 110,
      className: 'text-xs',
      cell: (row) => row.strategy,
    },
  ];
}
