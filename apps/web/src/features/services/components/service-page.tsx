import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryError } from '../../../components/ui/query-error';
import { ConsoleLink } from '../../../components/ui/console-link';
import { JsonView } from '../../../components/ui/json-view';
import { LiveIndicator } from '../../../components/ui/live-indicator';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { PANEL } from '../../../components/ui/styles';
import { consoleUrl } from '../../../lib/aws-console';
import { regionSearch } from '../../../lib/url-state';
import { serviceDetailQueryOptions } from '../api/services-queries';
import { usePendingScale } from '../api/use-pending-scale';
import { useServiceEvents } from '../api/use-service-events';
import { DeployControl } from './deploy-control';
import { DeploymentsList } from './deployments-list';
import { ScaleControl } from './scale-control';
import { ServiceConfiguration } from './service-configuration';
import { ServiceCounts } from './service-counts';
import { ServiceEvents } from './service-events';
import { TasksPanel } from './tasks-panel';

/**
 * The X-Ray traces through a service: X-Ray names a service's segments after the app, which on
 * ECS is usually the service's name (a plain URL: the traces feature is not imported here). ECS
 * service names are letters, digits, `-` and `_`: nothing to escape in the filter's string.
 */
function serviceTracesUrl(service: string, region: string | undefined): string {
  const params = new URLSearchParams({ filter: `service("${service}")` });
  if (region) params.set('region', region);
  return `/traces?${params.toString()}`;
}

/**
 * One service, live: counts, deployments with rollout progress, tasks and events follow the
 * service's SSE feed; scale, deploy and stop where the console is not read-only.
 */
export function ServicePage({
  readOnly,
  environment,
}: {
  readOnly: boolean;
  /** The console's mode and home region, for the AWS console link (aws mode only). */
  environment?: { mode: 'simulator' | 'aws'; region: string } | undefined;
}) {
  const { cluster = '', service = '' } = useParams();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const scope = { region, cluster, service };
  const detail = useQuery(serviceDetailQueryOptions(scope));
  const pendingScale = usePendingScale(scope, detail.data);
  const live = useServiceEvents(scope, pendingScale.onEvent);
  const data = detail.data?.service;

  return (
    <section aria-labelledby="service-heading" className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
            <Link to={`/clusters${regionSearch(region)}`} className="hover:underline">
              Clusters
            </Link>
            {' / '}
            <Link
              to={`/clusters/${encodeURIComponent(cluster)}${regionSearch(region)}`}
              className="hover:underline"
            >
              {cluster}
            </Link>
          </nav>
          <h1 id="service-heading" className="text-xl font-semibold tracking-tight">
            {service}
          </h1>
          {data && (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {data.status} · {data.schedulingStrategy.toLowerCase()} ·{' '}
              <span className="font-mono">{data.taskDefinition}</span> ·{' '}
              {data.launchType ??
                data.capacityProviderStrategy.map((item) => item.capacityProvider).join(', ')}
            </p>
          )}
        </div>
        <div className="flex flex-col items-end gap-1">
          <LiveIndicator status={live.status} staleSince={live.staleSince} />
          <ConsoleLink
            href={consoleUrl(region ?? environment?.region ?? '', {
              kind: 'service',
              cluster,
              service,
            })}
            mode={environment?.mode}
          />
          <StaleBadge stale={detail.data?.stale} asOf={detail.data?.asOf} />
          <Link
            to={`/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(service)}/ports${regionSearch(region)}`}
            className="text-sm font-medium text-sky-700 hover:underline focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:text-sky-300"
          >
            Port mappings
          </Link>
          <Link
            to={serviceTracesUrl(service, region)}
            className="text-sm font-medium text-sky-700 hover:underline focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:text-sky-300"
          >
            Traces
          </Link>
        </div>
      </header>

      {detail.isError ? (
        <QueryError title="The service could not be loaded" query={detail} />
      ) : !data ? (
        <Skeleton label="service" rows={3} />
      ) : (
        <>
          <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
            <ServiceCounts
              desired={data.desiredCount}
              running={data.runningCount}
              pending={data.pendingCount}
              pendingScale={pendingScale.pending}
            />
            {!readOnly && (
              <div className={`${PANEL} flex flex-wrap items-end justify-between gap-3 p-4`}>
                {data.schedulingStrategy === 'DAEMON' ? (
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    A DAEMON service runs one task per instance; it has no desired count to set.
                  </p>
                ) : (
                  <ScaleControl
                    scope={scope}
                    desiredCount={data.desiredCount}
                    deploymentConfiguration={data.deploymentConfiguration}
                    onScaled={pendingScale.onScaled}
                  />
                )}
                <DeployControl
                  scope={scope}
                  current={data.taskDefinition}
                  desiredCount={data.desiredCount}
                  deploymentConfiguration={data.deploymentConfiguration}
                />
              </div>
            )}
          </div>
          <DeploymentsList deployments={data.deployments} />
          <ServiceConfiguration service={data} />
          <TasksPanel scope={scope} readOnly={readOnly} />
          <ServiceEvents events={data.events} />
          <JsonView value={data} label="Service" />
        </>
      )}
    </section>
  );
}
