import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { MUTED } from '../../../components/ui/styles';
import { ApiError } from '../../../lib/api-client';
import { formatTime } from '../../../lib/format';
import { regionSearch } from '../../../lib/url-state';
import { traceSearchInfiniteQueryOptions } from '../api/trace-search-queries';
import { durationRangeParams, listedTraces, parseDurationRange } from '../lib/search-stats';
import { parseTimeSpan, spanParams, spanProblem, spanWords } from '../lib/time-range';
import { SearchResults } from './search-results';
import { TraceSearchForm } from './trace-search-form';

/**
 * X-Ray trace search. View state lives in the URL: the window (`?range=` or `?from=&to=`), the
 * filter expression (`?filter=`) and the histogram's duration range (`?minDuration=&maxDuration=`,
 * seconds, applied to the loaded traces).
 */
export function TracesPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const region = params.get('region') ?? undefined;
  const span = parseTimeSpan(params);
  const problem = spanProblem(span);
  const filter = params.get('filter') ?? '';
  const durationRange = parseDurationRange(params);
  const search = useInfiniteQuery({
    ...traceSearchInfiniteQueryOptions({ region, span, filter }),
    enabled: problem === undefined,
  });
  const pages = search.data?.pages ?? [];
  const traces = pages.flatMap((page) => page.traces);
  const scanned = pages.reduce((sum, page) => sum + page.scanned, 0);
  const last = pages.at(-1);
  const words = spanWords(span, (iso) => formatTime(iso));
  // X-Ray's refusal of the expression belongs next to it, in its own words.
  const filterError =
    filter && search.error instanceof ApiError && search.error.status === 400
      ? search.error
      : undefined;

  const update = (values: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(values)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const open = (traceId: string) =>
    void navigate(`/traces/${encodeURIComponent(traceId)}${regionSearch(region)}`);
  const shown = listedTraces(traces, durationRange).length;

  return (
    <section aria-labelledby="traces-heading" className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <div className="flex items-baseline gap-4">
            <h1 id="traces-heading" className="text-xl font-semibold tracking-tight">
              Traces
            </h1>
            <Link
              to={`/service-map${regionSearch(region)}`}
              className="text-sm font-medium text-sky-700 hover:underline focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:text-sky-300"
            >
              Service map
            </Link>
          </div>
          <p className={`text-sm ${MUTED}`}>
            {search.data
              ? `${durationRange ? `${shown} of ` : ''}${traces.length} traces in ${words} · ${scanned} traces scanned${search.isFetching ? ' · refreshing…' : ''}`
              : `X-Ray traces in ${words}`}{' '}
            <StaleBadge stale={last?.stale} asOf={last?.asOf} />
          </p>
        </div>
        <Button onClick={() => void search.refetch()} disabled={problem !== undefined}>
          Refresh
        </Button>
      </header>

      <TraceSearchForm
        span={span}
        filter={filter}
        filterError={filterError}
        onSpanChange={(next) => update(spanParams(next))}
        onFilterChange={(next) => update({ filter: next })}
        onOpenTrace={open}
      />

      {problem ? (
        <ErrorPanel title="This time range cannot be searched" error={new Error(problem)} />
      ) : filterError ? null : search.isError ? (
        <QueryError title="Traces could not be loaded" query={search} />
      ) : search.isPending ? (
        <Skeleton label="traces" rows={5} />
      ) : traces.length === 0 && !search.hasNextPage ? (
        filter ? (
          <EmptyState title={`No traces match this filter in ${words}.`}>
            Widen the time range or loosen the filter expression.
          </EmptyState>
        ) : (
          <EmptyState title={`No traces in ${words}.`}>
            Send segments to the X-Ray daemon at 127.0.0.1:2000 (UDP; the simulator’s default, see{' '}
            <code className="font-mono">DECKHAND_XRAY_DAEMON_ADDRESS</code>): an X-Ray SDK or the
            ADOT collector with <code className="font-mono">AWS_XRAY_DAEMON_ADDRESS</code> pointing
            there, or one datagram per segment — the line{' '}
            <code className="font-mono">{'{"format": "json", "version": 1}'}</code> then the segment
            JSON. Or pick a longer time range.
          </EmptyState>
        )
      ) : (
        <SearchResults
          traces={traces}
          region={region}
          durationRange={durationRange}
          onDurationRangeChange={(range) => update(durationRangeParams(range))}
          onOpen={open}
          more={{
            hasNextPage: search.hasNextPage,
            isFetchingNextPage: search.isFetchingNextPage,
            fetchNextPage: () => void search.fetchNextPage(),
          }}
        />
      )}
    </section>
  );
}
