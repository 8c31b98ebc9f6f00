import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { FlavorBadge } from '../../../components/ui/flavor-badge';
import { ConsoleLink } from '../../../components/ui/console-link';
import { JsonView } from '../../../components/ui/json-view';
import { LiveIndicator } from '../../../components/ui/live-indicator';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { PANEL } from '../../../components/ui/styles';
import { consoleUrl } from '../../../lib/aws-console';
import { regionSearch } from '../../../lib/url-state';
import { clusterDetailQueryOptions } from '../api/cluster-queries';
import { servicesQueryOptions, tasksQueryOptions } from '../api/services-queries';
import { countTasks } from '../lib/task-rows';
import { imagesByService } from '../lib/service-rows';
import { useClusterEvents } from '../api/use-cluster-events';
import { ClusterTabs, useClusterTab } from './cluster-tabs';
import { ClusterTasksPanel } from './cluster-tasks-panel';
import { EventFeed } from './event-feed';
import { FleetMap } from './fleet-map';
import { InstancesPanel } from './instances-panel';
import { ServicesTable } from './services-table';
import { DescribeFailures } from '../../../components/ui/describe-failures';

/** The overview shows the latest events; the Events tab has them all. */
const RECENT_EVENTS = 12;

function Count({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">
        {label}
      </dt>
      <dd className="text-lg font-semibold tabular-nums">{value ?? '–'}</dd>
    </div>
  );
}

/**
 * One cluster, live, in tabs kept in the URL: the overview (services, the fleet map, the latest
 * events), every task (virtualized), the container instances with Drain/Activate, and the full
 * event feed. The cluster's SSE feed keeps every tab current.
 */
export function ClusterPage({
  readOnly,
  environment,
}: {
  readOnly: boolean;
  /** The console's mode and home region, for the AWS console link (aws mode only). */
  environment?: { mode: 'simulator' | 'aws'; region: string } | undefined;
}) {
  const { cluster = '' } = useParams();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const scope = { region, cluster };
  const detail = useQuery(clusterDetailQueryOptions(scope));
  const services = useQuery(servicesQueryOptions(scope));
  // The same live task list the fleet map shows: it tells which images each service runs.
  const tasks = useQuery(
    tasksQueryOptions({ ...scope, service: undefined, desiredStatus: 'RUNNING' }),
  );
  // The live task list moves with every task event; the cluster detail is only polled.
  const taskCounts = useMemo(
    () => (tasks.data ? countTasks(tasks.data.tasks) : undefined),
    [tasks.data],
  );
  const images = useMemo(
    () => (tasks.data ? imagesByService(tasks.data.tasks) : undefined),
    [tasks.data],
  );
  const live = useClusterEvents(scope);
  const tab = useClusterTab();
  const info = detail.data?.cluster;

  return (
    <section aria-labelledby="cluster-heading" className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
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
            <Count label="Running tasks" value={taskCounts?.running ?? info?.runningTasksCount} />
            <Count label="Pending tasks" value={taskCounts?.pending ?? info?.pendingTasksCount} />
            <Count label="Instances" value={info?.registeredContainerInstancesCount} />
          </dl>
        </div>
        <div className="flex items-center gap-2">
          <StaleBadge stale={detail.data?.stale} asOf={detail.data?.asOf} />
          <LiveIndicator status={live.status} staleSince={live.staleSince} />
          <ConsoleLink
            href={consoleUrl(region ?? environment?.region ?? '', { kind: 'cluster', cluster })}
            mode={environment?.mode}
          />
        </div>
      </header>

      {detail.isError && <QueryError title="The cluster could not be loaded" query={detail} />}

      <ClusterTabs current={tab} portsHref={`/clusters/${cluster}/ports${regionSearch(region)}`} />

      {tab === 'overview' && (
        <>
          <section aria-labelledby="services-heading" className="space-y-2">
            <h2 id="services-heading" className="text-sm font-semibold">
              Services
              {services.data && (
                <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">
                  {services.data.services.length}
                </span>
              )}
            </h2>
            <DescribeFailures failures={services.data?.failures} what="services" />
            {services.isError ? (
              <QueryError title="Services could not be loaded" query={services} />
            ) : services.isPending ? (
              <Skeleton label="services" />
            ) : services.data.services.length === 0 ? (
              <EmptyState title="No services in this cluster">
                Tasks started with RunTask still show under Tasks; create a service with the AWS CLI
                (<code>aws ecs create-service</code>) or your infrastructure code.
              </EmptyState>
            ) : (
              <div className={PANEL}>
                <ServicesTable
                  services={services.data.services}
                  cluster={cluster}
                  region={region}
                  images={images}
                />
              </div>
            )}
          </section>
          <div className="grid gap-6 xl:grid-cols-3">
            <div className="xl:col-span-2">
              <FleetMap region={region} cluster={cluster} />
            </div>
            <EventFeed feed={live.feed.slice(0, RECENT_EVENTS)} />
          </div>
        </>
      )}
      {tab === 'tasks' && <ClusterTasksPanel region={region} cluster={cluster} />}
      {tab === 'instances' && <InstancesPanel scope={scope} readOnly={readOnly} />}
      {tab === 'events' && <EventFeed feed={live.feed} />}
      {tab === 'overview' && info && <JsonView value={info} label="Cluster" />}
    </section>
  );
}
