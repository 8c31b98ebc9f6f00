import { TraceResponse, TracesResponse } from '@deckhand/shared';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { rangeWindow, type TimeRange } from '../lib/time-range';

export interface TraceSearch {
  /** `?region=` of the URL; undefined means the BFF's home region. */
  region: string | undefined;
  range: TimeRange;
  /** An X-Ray filter expression; empty for none. */
  filter: string;
}

/** The page after the first: X-Ray's NextToken with the window the first page resolved. */
interface NextPage {
  nextToken: string;
  start: string;
  end: string;
}

const where = (region: string | undefined) => ({ region: region ?? null });

export const traceKeys = {
  all: ['xray', 'traces'] as const,
  search: ({ region, range, filter }: TraceSearch) =>
    [...traceKeys.all, 'search', { ...where(region), range, filter }] as const,
  detail: (region: string | undefined, traceId: string) =>
    [...traceKeys.all, 'detail', { ...where(region), traceId }] as const,
};

/**
 * Trace summaries of a relative window ("the last 15 minutes"), newest pages first, with
 * "load more" following X-Ray's NextToken. The first page fixes the window at fetch time; the
 * next pages reuse the window it resolved (a NextToken is only valid for the same start/end/filter).
 */
export function tracesInfiniteQueryOptions(search: TraceSearch) {
  return infiniteQueryOptions({
    queryKey: traceKeys.search(search),
    queryFn: ({ signal, pageParam }) => {
      const window = pageParam ?? rangeWindow(search.range, new Date());
      return getJson('/traces', TracesResponse, {
        signal,
        query: {
          region: search.region,
          start: window.start,
          end: window.end,
          filter: search.filter || undefined,
          nextToken: pageParam?.nextToken,
        },
      });
    },
    initialPageParam: undefined as NextPage | undefined,
    getNextPageParam: (last): NextPage | undefined =>
      last.nextToken ? { nextToken: last.nextToken, start: last.start, end: last.end } : undefined,
  });
}

/** One trace with its span tree, hints and critical path. A complete trace no longer changes. */
export function traceQueryOptions(region: string | undefined, traceId: string) {
  return queryOptions({
    queryKey: traceKeys.detail(region, traceId),
    queryFn: ({ signal }) =>
      getJson(`/traces/${encodeURIComponent(traceId)}`, TraceResponse, {
        signal,
        query: { region },
      }),
    staleTime: 60_000,
  });
}
