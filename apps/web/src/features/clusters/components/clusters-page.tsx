import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { clustersAnswerQueryOptions, eksClustersQueryOptions } from '../api/clusters-queries';
import { filterClusters, filterEksClusters } from '../lib/filter-clusters';
import {
  nextSort,
  parseSort,
  sortClusters,
  sortEksClusters,
  type SortKey,
} from '../lib/sort-clusters';
import { EcsClustersTable } from './ecs-clusters-table';
import { EksClustersTable } from './eks-clusters-table';
import { TABLE_PANEL } from './styles';

const COUNT = 'text-sm text-slate-600 dark:text-slate-400';

/**
 * Every cluster of the region at a glance: ECS (flavour, counts, how full) and EKS (version,
 * node groups). Filter and sort live in the URL (`?q=…&sort=cpu&dir=desc`).
 */
export function ClustersPage() {
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const filter = params.get('q') ?? '';
  const sort = parseSort(params);
  const clusters = useQuery(clustersAnswerQueryOptions(region));
  const eks = useQuery(eksClustersQueryOptions(region));
  const ecsAll = clusters.data?.clusters ?? [];
  const eksAll = eks.data?.clusters ?? [];
  const shown = sortClusters(filterClusters(ecsAll, filter), sort);
  const eksShown = sortEksClusters(filterEksClusters(eksAll, filter), sort);
  const where = region ?? 'this region';
  const noneAtAll =
    clusters.isSuccess && ecsAll.length === 0 && eks.isSuccess && eksAll.length === 0;

  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      },
      { replace: true },
    );
  const setFilter = (value: string) =>
    update((next) => (value ? next.set('q', value) : next.delete('q')));
  const onSort = (column: SortKey) => {
    const { key, dir } = nextSort(sort, column);
    update((next) => {
      next.set('sort', key);
      next.set('dir', dir);
    });
  };

  return (
    <section aria-labelledby="clusters-heading" className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="clusters-heading" className="text-xl font-semibold tracking-tight">
            Clusters
          </h1>
          <div className="flex flex-wrap items-center gap-2">
            <p className={COUNT}>
              {clusters.data
                ? `${shown.length} of ${ecsAll.length} clusters${clusters.isFetching ? ' · refreshing…' : ''}`
                : 'ECS and EKS clusters in this region'}
            </p>
            <StaleBadge stale={clusters.data?.stale} asOf={clusters.data?.asOf} />
          </div>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <span className="sr-only">Filter clusters</span>
          <input
            type="search"
            data-page-filter
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            placeholder="Filter by name, flavour or tag"
            className="w-72 rounded-md border border-slate-300 bg-white px-3 py-1.5 shadow-sm outline-none focus:border-sky-500 focus:ring-2 focus:ring-sky-200 dark:border-slate-600 dark:bg-slate-900 dark:focus:ring-sky-800"
          />
        </label>
      </header>

      {noneAtAll ? (
        <EmptyState title={`No clusters in ${where}.`}>
          Create one with <code>aws ecs create-cluster --cluster-name my-cluster</code> (or the ECS
          console), or pick another region in the region switcher.
        </EmptyState>
      ) : (
        <>
          {clusters.isError ? (
            <QueryError title="ECS clusters could not be loaded" query={clusters} />
          ) : clusters.isPending ? (
            <Skeleton label="clusters" rows={3} />
          ) : shown.length > 0 ? (
            <div className={TABLE_PANEL}>
              <EcsClustersTable clusters={shown} region={region} sort={sort} onSort={onSort} />
            </div>
          ) : (
            <EmptyState
              title={
                ecsAll.length === 0
                  ? `No ECS clusters in ${where}.`
                  : `No cluster matches “${filter}”.`
              }
            >
              {ecsAll.length === 0
                ? 'Create one with aws ecs create-cluster, or pick another region.'
                : 'Clear the filter to see every cluster.'}
            </EmptyState>
          )}

          <section aria-labelledby="eks-heading" className="space-y-2">
            <div className="flex flex-wrap items-center gap-2">
              <h2 id="eks-heading" className="text-sm font-semibold">
                EKS clusters
                {eks.data && (
                  <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">
                    {eksShown.length === eksAll.length
                      ? eksAll.length
                      : `${eksShown.length} shown of ${eksAll.length}`}
                  </span>
                )}
              </h2>
              <StaleBadge stale={eks.data?.stale} asOf={eks.data?.asOf} />
            </div>
            {eks.isError ? (
              <QueryError title="EKS clusters could not be loaded" query={eks} />
            ) : eks.isPending ? (
              <Skeleton label="EKS clusters" rows={1} />
            ) : eksShown.length > 0 ? (
              <div className={TABLE_PANEL}>
                <EksClustersTable clusters={eksShown} />
              </div>
            ) : (
              <p className={COUNT}>
                {eksAll.length === 0
                  ? `No EKS clusters in ${where}.`
                  : `No EKS cluster matches “${filter}”.`}
              </p>
            )}
          </section>
        </>
      )}
    </section>
  );
}
