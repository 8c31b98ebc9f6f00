import type { Query, QueryCache } from '@tanstack/react-query';

/**
 * How fresh what the console shows is. Every BFF read answer carries `stale` (AWS failed and this
 * is the last good answer) and `asOf`; the shell sums them up over the queries on screen.
 */
export type Freshness =
  | { state: 'none' }
  | { state: 'fresh'; asOf: string | undefined }
  | { state: 'stale'; asOf: string | undefined };

function freshnessOf(data: unknown): { stale: boolean; asOf: string | undefined } | undefined {
  if (typeof data !== 'object' || data === null || !('stale' in data)) return undefined;
  const { stale, asOf } = data as { stale: unknown; asOf?: unknown };
  if (typeof stale !== 'boolean') return undefined;
  return { stale, asOf: typeof asOf === 'string' ? asOf : undefined };
}

const older = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined ? a : Date.parse(a) <= Date.parse(b) ? a : b;

/**
 * Sums up the queries: stale when any is, as of the oldest stale answer (what the page shows is at
 * least that old); fresh otherwise, as of the oldest answer. Only queries something observes
 * count: a page left minutes ago keeps its answer cached, but it is not on screen.
 */
export function summarizeFreshness(queries: readonly Query[]): Freshness {
  let seen = false;
  let stale = false;
  let staleAsOf: string | undefined;
  let freshAsOf: string | undefined;
  for (const query of queries) {
    if (query.getObserversCount() === 0) continue;
    const found = freshnessOf(query.state.data);
    if (!found) continue;
    seen = true;
    if (found.stale) {
      stale = true;
      staleAsOf = older(staleAsOf, found.asOf);
    } else freshAsOf = older(freshAsOf, found.asOf);
  }
  if (!seen) return { state: 'none' };
  return stale ? { state: 'stale', asOf: staleAsOf } : { state: 'fresh', asOf: freshAsOf };
}

/** A primitive snapshot of the summary (useSyncExternalStore compares snapshots with `Object.is`). */
export function freshnessSnapshot(cache: QueryCache): string {
  const summary = summarizeFreshness(cache.getAll());
  return summary.state === 'none' ? 'none' : `${summary.state}|${summary.asOf ?? ''}`;
}

export function parseFreshnessSnapshot(snapshot: string): Freshness {
  const [state, asOf] = snapshot.split('|');
  if (state !== 'fresh' && state !== 'stale') return { state: 'none' };
  return { state, asOf: asOf || undefined };
}
