import type { Cluster } from '@deckhand/shared';
import { Link } from 'react-router';
import { CapacityBar } from '../../../components/ui/capacity-bar';
import { FlavorBadge } from '../../../components/ui/flavor-badge';
import { ROW } from '../../../components/ui/styles';
import { formatMemory, formatVcpu } from '../../../lib/format';
import { regionSearch } from '../../../lib/url-state';
import type { ClusterSort, SortKey } from '../lib/sort-clusters';
import { ariaSort, SortButton, SortHeader } from './sort-header';
import { ClusterArn } from './cluster-arn';
import { TABLE_HEAD } from './styles';

const NUMBER = 'px-4 py-3 text-right tabular-nums';

function ClusterRow({ cluster, region }: { cluster: Cluster; region: string | undefined }) {
  return (
    <tr className={ROW}>
      <th scope="row" className="px-4 py-3 font-normal">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            to={`/clusters/${encodeURIComponent(cluster.name)}${regionSearch(region)}`}
            className="rounded font-medium text-sky-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:text-sky-300"
          >
            {cluster.name}
          </Link>
          <FlavorBadge flavor={cluster.flavor} />
          {cluster.status !== 'ACTIVE' && (
            <span className="text-xs font-medium text-red-700 dark:text-red-300">
              {cluster.status}
            </span>
          )}
        </div>
        <ClusterArn cluster={cluster} />
      </th>
      <td className={NUMBER}>{cluster.registeredContainerInstancesCount}</td>
      <td className={NUMBER}>{cluster.activeServicesCount}</td>
      <td className={NUMBER}>
        <span title="running">{cluster.runningTasksCount}</span>
        {cluster.pendingTasksCount > 0 && (
          <span className="ml-1 text-amber-800 dark:text-amber-300" title="pending">
            +{cluster.pendingTasksCount} pending
          </span>
        )}
      </td>
      <td className="px-4 py-3">
        <CapacityBar label="CPU" capacity={cluster.cpu} format={formatVcpu} />
      </td>
      <td className="px-4 py-3">
        <CapacityBar label="Memory" capacity={cluster.memory} format={formatMemory} />
      </td>
    </tr>
  );
}

/**
 * ECS clusters, one row each: name (link), flavour, status, ARN; counts; CPU and memory
 * reservation. Every column sorts; the first data cell stays the instance count (e2e reads it).
 */
export function EcsClustersTable({
  clusters,
  region,
  sort,
  onSort,
}: {
  clusters: readonly Cluster[];
  region: string | undefined;
  sort: ClusterSort;
  onSort: (column: SortKey) => void;
}) {
  const header = { sort, onSort };
  return (
    <table className="w-full text-left text-sm">
      <thead className={TABLE_HEAD}>
        <tr>
          <th
            scope="col"
            aria-sort={ariaSort(sort, 'name', 'flavor')}
            className="px-4 py-2 font-medium"
          >
            <span className="flex gap-3">
              <SortButton label="Cluster" column="name" {...header} />
              <SortButton label="Flavour" column="flavor" {...header} />
            </span>
          </th>
          <SortHeader label="Instances" column="instances" className="text-right" {...header} />
          <SortHeader label="Services" column="services" className="text-right" {...header} />
          <SortHeader label="Tasks" column="tasks" className="text-right" {...header} />
          <SortHeader label="CPU" column="cpu" className="w-48" {...header} />
          <SortHeader label="Memory" column="memory" className="w-48" {...header} />
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {clusters.map((cluster) => (
          <ClusterRow key={cluster.arn} cluster={cluster} region={region} />
        ))}
      </tbody>
    </table>
  );
}
