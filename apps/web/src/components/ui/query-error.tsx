import { ErrorPanel } from './error-panel';

/** The part of a TanStack Query result that a failed query's panel needs. */
interface FailedQuery {
  error: unknown;
  refetch: () => Promise<unknown>;
}

/** The error panel of a failed query, whose "Try again" refetches it. */
export function QueryError({ title, query }: { title: string; query: FailedQuery }) {
  return <ErrorPanel title={title} error={query.error} onRetry={() => void query.refetch()} />;
}
