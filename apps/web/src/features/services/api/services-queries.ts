import { ServiceDetailResponse, ServicesResponse, TasksResponse } from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import {
  clusterPath,
  ecsKeys,
  servicePath,
  type ClusterScope,
  type ServiceScope,
  type TasksScope,
} from './ecs-keys';

/*
 * The live feed keeps these answers current (use-cluster-events / use-service-events apply each
 * event with setQueryData), so they are not polled; a reconnect or a reset invalidates them.
 */
const LIVE_STALE_TIME = 60_000;

/** Every service of a cluster with counts, deployments and primary revision. */
export function servicesQueryOptions(scope: ClusterScope) {
  return queryOptions({
    queryKey: ecsKeys.servicesList(scope),
    queryFn: ({ signal }) =>
      getJson(`${clusterPath(scope)}/services`, ServicesResponse, {
        signal,
        query: { region: scope.region },
      }),
    staleTime: LIVE_STALE_TIME,
  });
}

/** One service with its deployments, configuration and events (newest first). */
export function serviceDetailQueryOptions(scope: ServiceScope) {
  return queryOptions({
    queryKey: ecsKeys.serviceDetail(scope),
    queryFn: ({ signal }) =>
      getJson(servicePath(scope), ServiceDetailResponse, {
        signal,
        query: { region: scope.region },
      }),
    staleTime: LIVE_STALE_TIME,
  });
}

/** A cluster's (or one service's) tasks meant to run, or those stopped. */
export function tasksQueryOptions(scope: TasksScope) {
  return queryOptions({
    queryKey: ecsKeys.tasksList(scope),
    queryFn: ({ signal }) =>
      getJson(`${clusterPath(scope)}/tasks`, TasksResponse, {
        signal,
        query: {
          region: scope.region,
          service: scope.service,
          desiredStatus: scope.desiredStatus,
        },
      }),
    staleTime: LIVE_STALE_TIME,
  });
}
