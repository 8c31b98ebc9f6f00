import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { instancesQueryOptions } from '../api/cluster-queries';
import { tasksQueryOptions } from '../api/services-queries';
import { layoutFleet, type ServiceCount } from '../lib/fleet-layout';
import { FleetInstance } from './fleet-instance';
import { ServiceColours, useServiceColour } from './fleet-palette';
import { FleetZones } from './fleet-zones';

function Legend({ services }: { services: readonly ServiceCount[] }) {
  const colourOf = useServiceColour();
  if (services.length === 0) return null;
  return (
    <ul aria-label="Services" className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
      {services.map(({ service, count }) => (
        <li key={service} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`h-3 w-3 rounded-sm ${colourOf(service)}`} />
          <span className="text-slate-800 dark:text-slate-200">{service}</span>
          <span className="tabular-nums text-slate-600 dark:text-slate-400">{count}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The cluster's fleet at a glance: every container instance as a box sized by its registered
 * CPU and memory, filled with its tasks coloured by service; tasks without an instance (Fargate)
 * by availability zone. Live: the task list is the one the cluster's SSE feed keeps current
 * (`useClusterEvents` on the page); instances are polled.
 */
export function FleetMap({ region, cluster }: { region: string | undefined; cluster: string }) {
  const scope = { region, cluster };
  const instances = useQuery(instancesQueryOptions(scope));
  const tasks = useQuery(
    tasksQueryOptions({ ...scope, service: undefined, desiredStatus: 'RUNNING' }),
  );
  const [showAll, setShowAll] = useState(false);
  const layout = useMemo(
    () =>
      instances.data && tasks.data
        ? layoutFleet(instances.data.containerInstances, tasks.data.tasks, { showAll })
        : undefined,
    [instances.data, tasks.data, showAll],
  );
  const all = instances.data?.containerInstances ?? [];
  const draining = all.filter((instance) => instance.status === 'DRAINING').length;
  const disconnected = all.filter((instance) => !instance.agentConnected).length;
  const failed = instances.isError ? instances : tasks.isError ? tasks : undefined;

  return (
    <section aria-label="Fleet map" className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 className="text-sm font-semibold">Fleet map</h2>
        {instances.data && tasks.data && (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {all.length} instances · {tasks.data.tasks.length} tasks
            {draining > 0 && ` · ${draining} draining`}
            {disconnected > 0 && ` · ${disconnected} agent disconnected`}
          </p>
        )}
        <StaleBadge stale={instances.data?.stale} asOf={instances.data?.asOf} />
        <StaleBadge stale={tasks.data?.stale} asOf={tasks.data?.asOf} />
      </div>
      {failed ? (
        <QueryError
          title={
            failed === instances
              ? 'Container instances could not be loaded'
              : 'Tasks could not be loaded'
          }
          query={failed}
        />
      ) : !layout ? (
        <Skeleton label="fleet map" rows={3} />
      ) : layout.instances.length === 0 &&
        layout.zones.length === 0 &&
        layout.unlisted.length === 0 ? (
        <EmptyState title="Nothing runs in this cluster">
          No container instances are registered and no tasks run. Register EC2 instances with the
          cluster, or start a service or task on Fargate.
        </EmptyState>
      ) : (
        // Colours handed out in the legend's order: no two of the first twelve services share one.
        <ServiceColours.Provider value={layout.services.map(({ service }) => service)}>
          <Legend services={layout.services} />
          {layout.instances.length > 0 && (
            <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
              {layout.instances.map((box) => (
                <FleetInstance
                  key={box.instance.id}
                  layout={box}
                  cluster={cluster}
                  region={region}
                />
              ))}
            </div>
          )}
          {layout.hiddenCount > 0 && (
            <Button onClick={() => setShowAll(true)}>Show all {all.length} instances</Button>
          )}
          <FleetZones
            zones={layout.zones}
            unlisted={layout.unlisted}
            cluster={cluster}
            region={region}
          />
        </ServiceColours.Provider>
      )}
    </section>
  );
}
