import { ClustersResponse, EksClustersResponse } from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

export const clusterKeys = {
  all: ['ecs', 'clusters'] as const,
  list: (region: string | undefined) =>
    [...clusterKeys.all, 'list', { region: region ?? null }] as const,
  eksList: (region: string | undefined) =>
    ['eks', 'clusters', 'list', { region: region ?? null }] as const,
};

/** Every ECS cluster of the region, the whole answer: clusters with its freshness (`stale`, `asOf`). */
export function clustersAnswerQueryOptions(region: string | undefined) {
  return queryOptions({
    queryKey: clusterKeys.list(region),
    queryFn: ({ signal }) => getJson('/clusters', ClustersResponse, { signal, query: { region } }),
    refetchInterval: 30_000,
  });
}

/** Every ECS cluster of the region with flavour, counts and reservation (same cache entry). */
export function clustersQueryOptions(region: string | undefined) {
  return queryOptions({
    ...clustersAnswerQueryOptions(region),
    select: (data: ClustersResponse) => data.clusters,
  });
}

/** Every EKS cluster of the region with version, endpoint and node groups; read-only. */
export function eksClustersQueryOptions(region: string | undefined) {
  return queryOptions({
    queryKey: clusterKeys.eksList(region),
    queryFn: ({ signal }) =>
      getJson('/eks/clusters', EksClustersResponse, { signal, query: { region } }),
    refetchInterval: 60_000,
  });
}
