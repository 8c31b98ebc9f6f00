import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { INPUT, MUTED } from '../../../components/ui/styles';
import { withParam } from '../../../lib/url-state';
import { ecsServicesQueryOptions, serviceMapQueryOptions } from '../api/service-map-queries';
import { isEcsCandidate } from '../lib/service-map-ecs';
import type { MapSelection } from '../lib/service-map-flow';
import { mapRows } from '../lib/service-map-model';
import { parseRange, TIME_RANGES, type TimeRange } from '../lib/time-range';
import { ServiceMapDetails } from './service-map-details';
import { ServiceMapGraph } from './service-map-graph';
import { ServiceMapTables } from './service-map-table';

/**
 * X-Ray's service map of a time range (`?range=`, as on the traces page): the services and the
 * calls between them with their health, rates and latency, as a graph and as tables. A node or
 * an edge opens its traces; an ECS service node also its service page.
 */
export function ServiceMapPage() {
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const range = parseRange(params.get('range'));
  const words = TIME_RANGES[range].words;
  const map = useQuery(serviceMapQueryOptions(region, range));
  const wantsEcs = map.data?.nodes.some(isEcsCandidate) ?? false;
  // Only for links: without it the map still shows, its ECS nodes just link nowhere else.
  const ecs = useQuery({ ...ecsServicesQueryOptions(region), enabled: wantsEcs });
  const [selection, setSelection] = useState<MapSelection | undefined>();
  const rows = map.data ? mapRows(map.data) : undefined;

  const setRange = (next: TimeRange) => {
    setSelection(undefined);
    setParams((current) => withParam(current, 'range', next), { replace: true });
  };

  return (
    <section aria-labelledby="service-map-heading" className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="service-map-heading" className="text-xl font-semibold tracking-tight">
            Service map
          </h1>
          <p className={`text-sm ${MUTED}`}>
            {rows
              ? `${rows.nodes.length} nodes and ${rows.edges.length} edges in ${words}`
              : `X-Ray’s service graph of ${words}`}
            {map.isFetching && map.data ? ' · refreshing…' : ''}{' '}
            <StaleBadge stale={map.data?.stale} asOf={map.data?.asOf} />
          </p>
        </div>
        <div className="flex items-center gap-2">
          <select
            aria-label="Time range"
            value={range}
            onChange={(event) => setRange(parseRange(event.target.value))}
            className={INPUT}
          >
            {Object.entries(TIME_RANGES).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <Button onClick={() => void map.refetch()}>Refresh</Button>
        </div>
      </header>

      {map.isError && !map.data ? (
        <QueryError title="The service map could not be loaded" query={map} />
      ) : !map.data || !rows ? (
        <Skeleton label="service map" rows={6} />
      ) : rows.nodes.length === 0 ? (
        <EmptyState title={`No traced requests in ${words}.`}>
          The map draws itself from X-Ray traces: send segments to the X-Ray daemon at
          127.0.0.1:2000 (UDP; the simulator’s default, see{' '}
          <code className="font-mono">DECKHAND_XRAY_DAEMON_ADDRESS</code>) from an instrumented app,
          or pick a longer time range.
        </EmptyState>
      ) : (
        <>
          {map.isError && (
            <ErrorPanel
              title="The service map could not be refreshed; showing the last answer"
              error={map.error}
              onRetry={() => void map.refetch()}
            />
          )}
          <ServiceMapGraph answer={map.data} selection={selection} onSelect={setSelection} />
          <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
            {/* First for keyboard users (right after the graph), shown beside the tables. */}
            <div className="lg:sticky lg:top-4 lg:order-last">
              <ServiceMapDetails
                selection={selection}
                nodes={rows.nodes}
                edges={rows.edges}
                range={range}
                region={region}
                ecsServices={ecs.data ?? []}
                onClose={() => setSelection(undefined)}
              />
            </div>
            <ServiceMapTables
              nodes={rows.nodes}
              edges={rows.edges}
              selection={selection}
              onSelect={setSelection}
              links={{ range, region, ecsServices: ecs.data ?? [] }}
            />
          </div>
        </>
      )}
    </section>
  );
}
