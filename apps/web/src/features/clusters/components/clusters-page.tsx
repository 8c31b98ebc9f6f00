import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { CapacityBar } from '../../../components/ui/capacity-bar';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { FlavorBadge } from '../../../components/ui/flavor-badge';
import { formatMemory, formatVcpu } from '../../../lib/format';
import { clustersQueryOptions } from '../api/clusters-queries';
import { filterClusters } from '../lib/filter-clusters';

/** Every ECS cluster of the region at a glance: flavour, counts and how full it is. */
export function ClustersPage() {
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const filter = params.get('q') ?? '';
  const clusters = useQuery(clustersQueryOptions(region));
  const shown = clusters.data ? filterClusters(clusters.data, filter) : [];

  const setFilter = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('q', value);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );

  return (
    <section aria-labelledby="clusters-heading" className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="clusters-heading" className="text-xl font-semibold tracking-tight">
            Clusters
          </h1>
          <p className="text-sm text-slate-500">
            {clusters.data
              ? `${shown.length} of ${clusters.data.length} clusters${clusters.isFetching ? ' · refreshing…' : ''}`
              : 'ECS clusters in this region'}
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <span className="sr-only">Filter clusters</span>
          <input
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            placeholder="Filter by name, flavour or tag"
            className="w-72 rounded-md border border-slate-300 bg-white px-3 py-1.5 shadow-sm outline-none focus:border-sky-500 focus:ring-2 focus:ring-sky-200"
          />
        </label>
      </header>

      {clusters.isError ? (
        <ErrorPanel
          title="Clusters could not be loaded"
          error={clusters.error}
          onRetry={() => void clusters.refetch()}
        />
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Cluster
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Instances
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Services
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Tasks
                </th>
                <th scope="col" className="w-64 px-4 py-2 font-medium">
                  Reservation
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {clusters.isPending
                ? [0, 1, 2].map((row) => (
                    <tr key={row} aria-hidden="true">
                      <td colSpan={5} className="px-4 py-4">
                        <div className="h-4 w-2/3 animate-pulse rounded bg-slate-200" />
                      </td>
                    </tr>
                  ))
                : shown.map((cluster) => (
                    <tr key={cluster.arn} className="align-top hover:bg-slate-50">
                      <th scope="row" className="px-4 py-3 font-normal">
                        <div className="flex flex-wrap items-center gap-2">
                          <Link
                            to={`/clusters/${encodeURIComponent(cluster.name)}${region ? `?region=${encodeURIComponent(region)}` : ''}`}
                            className="font-medium text-sky-700 hover:underline"
                          >
                            {cluster.name}
                          </Link>
                          <FlavorBadge flavor={cluster.flavor} />
                          {cluster.status !== 'ACTIVE' && (
                            <span className="text-xs font-medium text-red-700">
                              {cluster.status}
                            </span>
                          )}
                        </div>
                        <div className="mt-1 font-mono text-xs text-slate-500">{cluster.arn}</div>
                      </th>
                      <td className="px-4 py-3 text-right tabular-nums">
                        {cluster.registeredContainerInstancesCount}
                      </td>
                      <td className="px-4 py-3 text-right tabular-nums">
                        {cluster.activeServicesCount}
                      </td>
                      <td className="px-4 py-3 text-right tabular-nums">
                        <span title="running">{cluster.runningTasksCount}</span>
                        {cluster.pendingTasksCount > 0 && (
                          <span className="ml-1 text-amber-700" title="pending">
                            +{cluster.pendingTasksCount} pending
                          </span>
                        )}
                      </td>
                      <td className="space-y-2 px-4 py-3">
                        <CapacityBar label="CPU" capacity={cluster.cpu} format={formatVcpu} />
                        <CapacityBar
                          label="Memory"
                          capacity={cluster.memory}
                          format={formatMemory}
                        />
                      </td>
                    </tr>
                  ))}
              {clusters.isSuccess && shown.length === 0 && (
                <tr>
                  <td colSpan={5} className="px-4 py-10 text-center text-slate-500">
                    {clusters.data.length === 0
                      ? 'No ECS clusters in this region.'
                      : `No cluster matches “${filter}”.`}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
