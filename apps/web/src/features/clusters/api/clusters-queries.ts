import { ClustersResponse } from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

export const clusterKeys = {
  all: ['ecs', 'clusters'] as const,
  list: (region: string | undefined) =>
    [...clusterKeys.all, 'list', { region: region ?? null }] as const,
};

/** Every cluster of the region with flavour, counts and reservation. */
export function clustersQueryOptions(region: string | undefined) {
  return queryOptions({
    queryKey: clusterKeys.list(region),
    queryFn: ({ signal }) => getJson('/clusters', ClustersResponse, { signal, query: { region } }),
    select: (data) => data.clusters,
    refetchInterval: 30_000,
  });
}
