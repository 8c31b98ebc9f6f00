import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { LiveIndicator } from '../../../components/ui/live-indicator';
import { formatTime } from '../../../lib/format';
import { serviceDetailQueryOptions } from '../api/services-queries';
import { useServiceEvents } from '../api/use-service-events';
import { regionSearch } from '../lib/region-search';
import { DeployControl } from './deploy-control';
import { DeploymentsList } from './deployments-list';
import { ScaleControl } from './scale-control';
import { ServiceCounts } from './service-counts';
import { ServiceEvents } from './service-events';
import { TasksPanel } from './tasks-panel';
import { PANEL } from './tones';

/**
 * One service, live: counts, deployments with rollout progress, tasks and events follow the
 * service's SSE feed; scale, deploy and stop where the console is not read-only.
 */
export function ServicePage({ readOnly }: { readOnly: boolean }) {
  const { cluster = '', service = '' } = useParams();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const scope = { region, cluster, service };
  const detail = useQuery(serviceDetailQueryOptions(scope));
  const live = useServiceEvents(scope);
  const data = detail.data?.service;

  return (
    <section aria-labelledby="service-heading" className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
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
            <p className="text-sm text-slate-500">
              {data.status} · {data.schedulingStrategy.toLowerCase()} ·{' '}
              <span className="font-mono">{data.taskDefinition}</span> ·{' '}
              {data.launchType ??
                data.capacityProviderStrategy.map((item) => item.capacityProvider).join(', ')}
            </p>
          )}
        </div>
        <div className="flex flex-col items-end gap-1">
          <LiveIndicator status={live.status} staleSince={live.staleSince} />
          {detail.data?.stale && (
            <p className="text-xs text-amber-700 dark:text-amber-300">
              AWS did not answer; showing data as of {formatTime(detail.data.asOf)}
            </p>
          )}
        </div>
      </header>

      {detail.isError ? (
        <ErrorPanel
          title="The service could not be loaded"
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      ) : !data ? (
        <div
          aria-hidden="true"
          className="h-24 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800"
        />
      ) : (
        <>
          <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
            <ServiceCounts
              desired={data.desiredCount}
              running={data.runningCount}
              pending={data.pendingCount}
            />
            {!readOnly && (
              <div className={`${PANEL} flex flex-wrap items-end justify-between gap-3 p-4`}>
                {data.schedulingStrategy === 'DAEMON' ? (
                  <p className="text-sm text-slate-500">
                    A DAEMON service runs one task per instance; it has no desired count to set.
                  </p>
                ) : (
                  <ScaleControl scope={scope} desiredCount={data.desiredCount} />
                )}
                <DeployControl scope={scope} current={data.taskDefinition} />
              </div>
            )}
          </div>
          <DeploymentsList deployments={data.deployments} />
          <TasksPanel scope={scope} readOnly={readOnly} />
          <ServiceEvents events={data.events} />
        </>
      )}
    </section>
  );
}
