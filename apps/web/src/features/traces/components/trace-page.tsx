import { normalizeTraceId, type HealthResponse } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { ConsoleLink } from '../../../components/ui/console-link';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { LINK, MUTED } from '../../../components/ui/styles';
import { consoleUrl } from '../../../lib/aws-console';
import { formatTime } from '../../../lib/format';
import { regionSearch, withParam } from '../../../lib/url-state';
import { traceViewQueryOptions } from '../api/trace-view-query';
import { formatDuration } from '../lib/timeline';
import { SpanDetails } from './span-details';
import { TraceHints } from './trace-hints';
import { TraceWaterfall } from './trace-waterfall';

/**
 * One trace: health hints, the virtualized waterfall with its minimap and search, and the
 * selected span's (`?span=`) details. Any pasted trace id form (W3C, header) is rewritten to
 * X-Ray's own in the URL.
 */
export function TracePage({
  environment,
}: {
  environment?: Pick<HealthResponse, 'mode' | 'region'> | undefined;
}) {
  const { traceId: raw = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const traceId = normalizeTraceId(raw);
  const query = useQuery({
    ...traceViewQueryOptions(region, traceId ?? ''),
    enabled: traceId !== undefined,
  });

  if (traceId !== undefined && traceId !== raw) {
    return <Navigate replace to={`/traces/${encodeURIComponent(traceId)}${location.search}`} />;
  }

  const view = query.data;
  const model = view?.model;
  const selectedId = params.get('span') ?? undefined;
  const selected = selectedId === undefined ? undefined : model?.indexOf.get(selectedId);
  const selectedSpan = selected === undefined ? undefined : model?.spans[selected];
  const select = (spanId: string) =>
    setParams((current) => withParam(current, 'span', spanId), { replace: true });

  return (
    <section aria-labelledby="trace-heading" className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <nav aria-label="Breadcrumb" className={`text-sm ${MUTED}`}>
            <Link to={`/traces${regionSearch(region)}`} className={LINK}>
              Traces
            </Link>
          </nav>
          <h1
            id="trace-heading"
            className="font-mono text-xl font-semibold tracking-tight break-all"
          >
            {traceId ?? raw}
          </h1>
          {view && model && (
            <p className={`text-sm ${MUTED}`} data-testid="trace-summary">
              {view.trace.startTime ? `${formatTime(view.trace.startTime)} · ` : ''}
              {formatDuration(view.trace.duration)} · {model.spans.length.toLocaleString('en-US')}{' '}
              spans · {model.services.length} services
            </p>
          )}
        </div>
        <div className="flex flex-col items-end gap-1">
          <StaleBadge stale={view?.stale} asOf={view?.asOf} />
          {environment && traceId && (
            <ConsoleLink
              mode={environment.mode}
              href={consoleUrl(region ?? environment.region, { kind: 'trace', traceId })}
            />
          )}
        </div>
      </header>

      {traceId === undefined ? (
        <EmptyState title={`“${raw}” is not a trace id.`}>
          Use an X-Ray trace id (1-5f84c3a5-…), a W3C trace id or an X-Amzn-Trace-Id header.
        </EmptyState>
      ) : query.isError ? (
        <QueryError title="The trace could not be loaded" query={query} />
      ) : !view || !model ? (
        <Skeleton label="trace" rows={6} />
      ) : model.spans.length === 0 ? (
        <EmptyState title="X-Ray holds no segments for this trace.">
          It may have expired (X-Ray keeps traces for 30 days), or its segments have not arrived
          yet.
        </EmptyState>
      ) : (
        <>
          <TraceHints hints={[...view.trace.hints, ...model.skewHints]} onSelect={select} />
          <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
            <TraceWaterfall
              key={view.trace.id}
              model={model}
              duration={view.trace.duration}
              selectedId={selectedId}
              onSelect={select}
            />
            {selectedSpan && selected !== undefined ? (
              <SpanDetails
                span={selectedSpan}
                service={model.services[model.serviceOf[selected] ?? 0]}
                childCount={model.childCount[selected] ?? 0}
                onCriticalPath={model.critical.has(selected)}
                region={region}
              />
            ) : (
              <EmptyState title="No span selected">
                Select a row of the waterfall (click, or the arrow keys and Enter) to see its HTTP,
                SQL, AWS and error details.
              </EmptyState>
            )}
          </div>
        </>
      )}
    </section>
  );
}
