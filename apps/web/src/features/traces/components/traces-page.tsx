import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { MUTED } from '../../../components/ui/styles';
import { regionSearch, withParam } from '../../../lib/url-state';
import { tracesInfiniteQueryOptions } from '../api/traces-queries';
import { parseRange, TIME_RANGES } from '../lib/time-range';
import { TraceSearchForm } from './trace-search-form';
import { TracesTable } from './traces-table';

const BUTTON =
  'rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700';

/**
 * X-Ray trace search: a time range (`?range=`), a filter expression (`?filter=`), the matching
 * traces, and "Load more" for X-Ray's next page.
 */
export function TracesPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const region = params.get('region') ?? undefined;
  const range = parseRange(params.get('range'));
  const filter = params.get('filter') ?? '';
  const search = useInfiniteQuery(tracesInfiniteQueryOptions({ region, range, filter }));
  const pages = search.data?.pages ?? [];
  const traces = pages.flatMap((page) => page.traces);
  const scanned = pages.reduce((sum, page) => sum + page.scanned, 0);
  const last = pages.at(-1);
  const words = TIME_RANGES[range].words;

  const setParam = (key: string, value: string) =>
    setParams((current) => withParam(current, key, value), { replace: true });

  return (
    <section aria-labelledby="traces-heading" className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="traces-heading" className="text-xl font-semibold tracking-tight">
            Traces
          </h1>
          <p className={`text-sm ${MUTED}`}>
            {search.data
              ? `${traces.length} traces in ${words} · ${scanned} scanned${search.isFetching ? ' · refreshing…' : ''}`
              : `X-Ray traces in ${words}`}{' '}
            <StaleBadge stale={last?.stale} asOf={last?.asOf} />
          </p>
        </div>
        <button type="button" onClick={() => void search.refetch()} className={BUTTON}>
          Refresh
        </button>
      </header>

      <TraceSearchForm
        range={range}
        filter={filter}
        onRangeChange={(next) => setParam('range', next)}
        onFilterChange={(next) => setParam('filter', next)}
        onOpenTrace={(traceId) =>
          void navigate(`/traces/${encodeURIComponent(traceId)}${regionSearch(region)}`)
        }
      />

      {search.isError ? (
        <QueryError
          title={
            filter
              ? 'The trace search failed (check the filter expression)'
              : 'Traces could not be loaded'
          }
          query={search}
        />
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
            <code className="font-mono">DECKHAND_XRAY_DAEMON_ADDRESS</code>) from an instrumented
            app, or pick a longer time range.
          </EmptyState>
        )
      ) : (
        <>
          {traces.length > 0 ? (
            <TracesTable traces={traces} region={region} />
          ) : (
            // X-Ray can answer a page with no summaries and a NextToken: it has more to scan.
            <p className={`text-sm ${MUTED}`}>No traces on this page; X-Ray has more to scan.</p>
          )}
          {search.hasNextPage && (
            <div className="flex justify-center">
              <button
                type="button"
                onClick={() => void search.fetchNextPage()}
                disabled={search.isFetchingNextPage}
                className={BUTTON}
              >
                {search.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
