import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** 4xx answers are final (never retried); network and 5xx failures get two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (
    error instanceof ApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 429
  )
    return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 anywhere means the session ended (expired, signed out elsewhere, server restarted):
      // re-ask the session so the sign-in form replaces the console.
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401 && query.queryKey[1] !== 'session') {
          void client.invalidateQueries({ queryKey: ['system', 'session'] });
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: shouldRetry,
        refetchOnWindowFocus: true,
      },
    },
  });
  return client;
}
