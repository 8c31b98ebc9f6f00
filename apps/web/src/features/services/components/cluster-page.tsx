import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { FlavorBadge } from '../../../components/ui/flavor-badge';
import { LiveIndicator } from '../../../components/ui/live-indicator';
import { clusterDetailQueryOptions } from '../api/cluster-queries';
import { servicesQueryOptions } from '../api/services-queries';
import { useClusterEvents } from '../api/use-cluster-events';
import { regionSearch } from '../lib/region-search';
import { EventFeed } from './event-feed';
import { InstancesPanel } from './instances-panel';
import { ServicesTable } from './services-table';
import { PANEL } from './tones';

function Count({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value ?? '–'}</dd>
    </div>
  );
}

/**
 * One cluster, live: its services (kept current by the cluster's SSE feed), its container
 * instances with Drain/Activate, and the feed itself.
 */
export function ClusterPage({ readOnly }: { readOnly: boolean }) {
  const { cluster = '' } = useParams();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const scope = { region, cluster };
  const detail = useQuery(clusterDetailQueryOptions(scope));
  const services = useQuery(servicesQueryOptions(scope));
  const live = useClusterEvents(scope);
  const info = detail.data?.cluster;

  return (
    <section aria-labelledby="cluster-heading" className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
            <Link to={`/clusters${regionSearch(region)}`} className="hover:underline">
              Clusters
            </Link>
          </nav>
          <div className="flex flex-wrap items-center gap-2">
            <h1 id="cluster-heading" className="text-xl font-semibold tracking-tight">
              {cluster}
            </h1>
            {info && <FlavorBadge flavor={info.flavor} />}
            {info && info.status !== 'ACTIVE' && (
              <span className="text-xs font-medium text-red-700">{info.status}</span>
            )}
          </div>
          <dl className="flex flex-wrap gap-6">
            <Count label="Services" value={info?.activeServicesCount} />
            <Count label="Running tasks" value={info?.runningTasksCount} />
            <Count label="Pending tasks" value={info?.pendingTasksCount} />
            <Count label="Instances" value={info?.registeredContainerInstancesCount} />
          </dl>
        </div>
        <LiveIndicator status={live.status} staleSince={live.staleSince} />
      </header>

      {detail.isError && (
        <ErrorPanel
          title="The cluster could not be loaded"
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      )}

      <section aria-labelledby="services-heading" className="space-y-2">
        <h2 id="services-heading" className="text-sm font-semibold">
          Services
          {services.data && (
            <span className="ml-2 font-normal text-slate-500">{services.data.services.length}</span>
          )}
        </h2>
        {services.isError ? (
          <ErrorPanel
            title="Services could not be loaded"
            error={services.error}
            onRetry={() => void services.refetch()}
          />
        ) : (
          <div className={`${PANEL} overflow-x-auto`}>
            {services.data && services.data.services.length > 0 && (
              <ServicesTable services={services.data.services} cluster={cluster} region={region} />
            )}
            {services.isPending && (
              <div
                aria-hidden="true"
                className="m-4 h-4 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-700"
              />
            )}
            {services.data?.services.length === 0 && (
              <p className="px-4 py-6 text-center text-sm text-slate-500">
                No services in this cluster.
              </p>
            )}
          </div>
        )}
      </section>

      <div className="grid gap-6 xl:grid-cols-2">
        <InstancesPanel scope={scope} readOnly={readOnly} />
        <EventFeed feed={live.feed} />
      </div>
    </section>
  );
}
