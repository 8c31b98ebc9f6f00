import { TracesResponse } from '@deckhand/shared';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { spanParams, spanWindow, type TimeSpan } from '../lib/time-range';
import { traceKeys } from './traces-queries';

export interface TraceSearchQuery {
  /** `?region=` of the URL; undefined means the BFF's home region. */
  region: string | undefined;
  /** `?range=` (ending now) or `?from=&to=` (fixed). */
  span: TimeSpan;
  /** An X-Ray filter expression; empty for none. */
  filter: string;
}

/** The page after the first: X-Ray's NextToken with the window the first page resolved. */
interface NextPage {
  nextToken: string;
  start: string;
  end: string;
}

export const traceSearchKey = ({ region, span, filter }: TraceSearchQuery) =>
  [...traceKeys.all, 'search', { region: region ?? null, ...spanParams(span), filter }] as const;

/**
 * Trace summaries of a window, newest first, with "load more" following X-Ray's NextToken. A
 * relative window ("the last 15 minutes") is resolved when the first page is fetched (so Refresh
 * moves it on); the next pages reuse the window that page answered with, since a NextToken is
 * only valid for the same start/end/filter.
 */
export function traceSearchInfiniteQueryOptions(search: TraceSearchQuery) {
  return infiniteQueryOptions({
    queryKey: traceSearchKey(search),
    queryFn: ({ signal, pageParam }) => {
      const window = pageParam ?? spanWindow(search.span, new Date());
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
