import { ClusterDetailResponse, ContainerInstancesResponse } from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { clusterPath, ecsKeys, type ClusterScope } from './ecs-keys';

/** One cluster: flavour, counts, capacity providers and settings. */
export function clusterDetailQueryOptions(scope: ClusterScope) {
  return queryOptions({
    queryKey: ecsKeys.clusterDetail(scope),
    queryFn: ({ signal }) =>
      getJson(clusterPath(scope), ClusterDetailResponse, {
        signal,
        query: { region: scope.region },
      }),
    refetchInterval: 30_000,
  });
}

/**
 * The cluster's container instances. The live feed says nothing about instances (their counts
 * and agent state change without an event), so they are polled.
 */
export function instancesQueryOptions(scope: ClusterScope) {
  return queryOptions({
    queryKey: ecsKeys.instancesList(scope),
    queryFn: ({ signal }) =>
      getJson(`${clusterPath(scope)}/container-instances`, ContainerInstancesResponse, {
        signal,
        query: { region: scope.region },
      }),
    refetchInterval: 30_000,
  });
}
