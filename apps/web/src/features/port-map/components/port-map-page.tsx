import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { JsonView } from '../../../components/ui/json-view';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { formatTime } from '../../../lib/format';
import { regionSearch } from '../../../lib/url-state';
import { PORT_MAP_REFETCH_MS, portMapQueryOptions } from '../api/port-map-queries';
import { portKindLegend } from '../lib/port-explanations';
import { clusterHref, selectPortMapView, serviceHref } from '../lib/port-map-view';
import { PortLegend } from './port-badge';
import { PortDiagram } from './port-diagram';
import { PortFindings } from './port-findings';

const CRUMB =
  'rounded text-sky-800 hover:underline focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:text-sky-300';

/** Why nothing is drawn: no mappings at all, none for the service, or none matching the filter. */
function NoRows({
  service,
  query,
  scopedCount,
}: {
  service?: string;
  query: string;
  scopedCount: number;
}) {
  if (scopedCount > 0)
    return (
      <EmptyState title={`No port mapping matches “${query}”`}>
        Clear the filter to see all {scopedCount}.
      </EmptyState>
    );
  if (service)
    return (
      <EmptyState title={`No port mappings for service ${service}`}>
        None of its running tasks maps a container port: its task definition declares no
        portMappings, or no task of it is running now (see the findings above).
      </EmptyState>
    );
  return (
    <EmptyState title="No port mappings in this cluster">
      No running task maps a container port: the cluster has no services with port mappings, or none
      of their tasks is running now (scaled to 0, or not placed — see the findings above).
    </EmptyState>
  );
}

/**
 * Port mappings of a cluster (`/clusters/:cluster/ports`) or of one service
 * (`/clusters/:cluster/services/:service/ports`): findings first, then the diagram target group
 * → host : host port → task / container : container port. Polled every 15 s; the filter is `?q=`.
 */
export function PortMapPage() {
  const { cluster = '', service } = useParams();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const query = params.get('q') ?? '';
  const portMap = useQuery(portMapQueryOptions({ region, cluster }));
  const view = useMemo(
    () => (portMap.data ? selectPortMapView(portMap.data, service, query) : undefined),
    [portMap.data, service, query],
  );

  const setQuery = (value: string) =>
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
    <section aria-labelledby="port-map-heading" className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <nav
            aria-label="Breadcrumb"
            className="flex gap-2 text-sm text-slate-600 dark:text-slate-300"
          >
            <Link to={`/clusters${regionSearch(region)}`} className={CRUMB}>
              Clusters
            </Link>
            <span aria-hidden="true">/</span>
            <Link to={clusterHref(cluster, region)} className={CRUMB}>
              {cluster}
            </Link>
            {service && (
              <>
                <span aria-hidden="true">/</span>
                <Link to={serviceHref(cluster, service, region)} className={CRUMB}>
                  {service}
                </Link>
              </>
            )}
          </nav>
          <div className="flex flex-wrap items-center gap-2">
            <h1 id="port-map-heading" className="text-xl font-semibold tracking-tight">
              Port mappings {service ? `of service ${service}` : `of ${cluster}`}
            </h1>
            <StaleBadge stale={portMap.data?.stale} asOf={portMap.data?.asOf} />
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {view
              ? `${view.shownCount} of ${view.scoped.length} mappings · as of ${formatTime(portMap.data?.asOf ?? '')} · refreshes every ${PORT_MAP_REFETCH_MS / 1000} s${portMap.isFetching ? ' · refreshing…' : ''}`
              : 'Load balancer target group → host : host port → task / container : container port'}
          </p>
        </div>
        <input
          type="search"
          aria-label="Filter port mappings"
          data-page-filter
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Filter by service, host, IP, port, task…"
          className="w-72 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm outline-none focus-visible:border-sky-500 focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        />
      </header>

      {portMap.isError && (
        <QueryError
          title={
            portMap.data
              ? 'The port map could not be refreshed'
              : 'The port map could not be loaded'
          }
          query={portMap}
        />
      )}
      {portMap.isPending && <Skeleton label="port mappings" rows={4} />}

      {view && portMap.data && (
        <>
          <PortFindings findings={view.findings} range={view.range} />
          <section aria-labelledby="port-paths-heading" className="space-y-3">
            <h2 id="port-paths-heading" className="text-sm font-semibold">
              Paths
            </h2>
            <PortLegend legend={portKindLegend(view.range)} />
            {view.shownCount > 0 ? (
              <PortDiagram
                groups={view.groups}
                range={view.range}
                cluster={cluster}
                region={region}
              />
            ) : (
              <NoRows service={service} query={query} scopedCount={view.scoped.length} />
            )}
          </section>
          <JsonView value={portMap.data} label="Port map" />
        </>
      )}
    </section>
  );
}
