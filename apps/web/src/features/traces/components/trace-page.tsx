import { normalizeTraceId, type HealthResponse } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { ConsoleLink } from '../../../components/ui/console-link';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { JsonView } from '../../../components/ui/json-view';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { LINK, MUTED } from '../../../components/ui/styles';
import { consoleUrl } from '../../../lib/aws-console';
import { formatTime } from '../../../lib/format';
import { regionSearch, withParam } from '../../../lib/url-state';
import { traceQueryOptions } from '../api/traces-queries';
import { flattenSpans, formatDuration } from '../lib/timeline';
import { SpanDetails } from './span-details';
import { TraceHints } from './trace-hints';
import { TraceTimeline } from './trace-timeline';

/**
 * One trace: a waterfall of its segments and subsegments; the selected span (`?span=`) shows
 * its details. Any pasted trace id form (W3C, header) is rewritten to X-Ray's own in the URL.
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
    ...traceQueryOptions(region, traceId ?? ''),
    enabled: traceId !== undefined,
  });

  if (traceId !== undefined && traceId !== raw) {
    return <Navigate replace to={`/traces/${encodeURIComponent(traceId)}${location.search}`} />;
  }

  const trace = query.data?.trace;
  const spans = trace ? flattenSpans(trace.segments) : [];
  const critical = new Set(trace?.criticalPath ?? []);
  const selectedId = params.get('span') ?? undefined;
  const selected = spans.find((span) => span.id === selectedId);
  const select = (spanId: string) =>
    setParams((current) => withParam(current, 'span', spanId), { replace: true });
  const services = [
    ...new Set(spans.flatMap((span) => (span.kind === 'segment' ? [span.name] : []))),
  ];

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
          {trace && (
            <p className={`text-sm ${MUTED}`}>
              {trace.startTime ? `${formatTime(trace.startTime)} · ` : ''}
              {formatDuration(trace.duration)} · {spans.length} spans · {services.join(', ')}
            </p>
          )}
        </div>
        <div className="flex flex-col items-end gap-1">
          <StaleBadge stale={query.data?.stale} asOf={query.data?.asOf} />
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
      ) : !trace ? (
        <Skeleton label="trace" rows={6} />
      ) : spans.length === 0 ? (
        <EmptyState title="X-Ray holds no segments for this trace.">
          It may have expired (X-Ray keeps traces for 30 days), or its segments have not arrived
          yet.
        </EmptyState>
      ) : (
        <>
          <TraceHints hints={trace.hints} onSelect={select} />
          <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
            <TraceTimeline
              spans={spans}
              duration={trace.duration}
              criticalPath={critical}
              selectedId={selected?.id}
              onSelect={select}
            />
            {selected ? (
              <SpanDetails
                span={selected}
                onCriticalPath={critical.has(selected.id)}
                region={region}
              />
            ) : (
              <EmptyState title="No span selected">
                Select a row of the timeline to see its HTTP, AWS and error details.
              </EmptyState>
            )}
          </div>
          <JsonView value={trace} label="Trace" />
        </>
      )}
    </section>
  );
}
