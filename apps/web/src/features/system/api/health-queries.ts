import { HealthResponse } from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

export const healthKeys = {
  all: ['system', 'health'] as const,
};

/** Mode, regions and read-only flag: what the shell shows in its top bar. */
export function healthQueryOptions() {
  return queryOptions({
    queryKey: healthKeys.all,
    queryFn: ({ signal }) => getJson('/health', HealthResponse, { signal }),
    staleTime: 60_000,
  });
}
