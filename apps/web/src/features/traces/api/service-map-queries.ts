import { ClustersResponse, ServiceMapResponse, ServicesResponse } from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import type { EcsServiceRef } from '../lib/service-map-ecs';
import { rangeWindow, type TimeRange } from '../lib/time-range';

const where = (region: string | undefined) => ({ region: region ?? null });

export const serviceMapKeys = {
  all: ['xray', 'service-map'] as const,
  map: (region: string | undefined, range: TimeRange) =>
    [...serviceMapKeys.all, 'map', { ...where(region), range }] as const,
  /** Service names per cluster: the map's own lookup, not the services pages' live lists. */
  ecsServices: (region: string | undefined) =>
    [...serviceMapKeys.all, 'ecs-services', where(region)] as const,
};

/**
 * X-Ray's service graph of a relative window ending now. Refreshed every minute while shown:
 * the window moves on, and X-Ray aggregates its graph per minute anyway.
 */
export function serviceMapQueryOptions(region: string | undefined, range: TimeRange) {
  return queryOptions({
    queryKey: serviceMapKeys.map(region, range),
    queryFn: ({ signal }) => {
      const window = rangeWindow(range, new Date());
      return getJson('/service-map', ServiceMapResponse, {
        signal,
        query: { region, start: window.start, end: window.end },
      });
    },
    refetchInterval: 60_000,
  });
}

/** Clusters asked at once; the BFF shares ECS's rate budget between all its callers. */
const CONCURRENCY = 4;

async function listEcsServices(
  region: string | undefined,
  signal: AbortSignal,
): Promise<EcsServiceRef[]> {
  const { clusters } = await getJson('/clusters', ClustersResponse, {
    signal,
    query: { region },
  });
  const withServices = clusters.filter((cluster) => cluster.activeServicesCount > 0);
  const refs: EcsServiceRef[] = [];
  for (let index = 0; index < withServices.length; index += CONCURRENCY) {
    const answers = await Promise.all(
      withServices.slice(index, index + CONCURRENCY).map(async (cluster) => {
        const { services } = await getJson(
          `/clusters/${encodeURIComponent(cluster.name)}/services`,
          ServicesResponse,
          { signal, query: { region } },
        );
        return services.map((service) => ({ cluster: cluster.name, service: service.name }));
      }),
    );
    refs.push(...answers.flat());
  }
  return refs;
}

/**
 * Every ECS service of the region by cluster and name, to link the map's nodes to service
 * pages. Services come and go rarely; five minutes old is recent enough for a link.
 */
export function ecsServicesQueryOptions(region: string | undefined) {
  return queryOptions({
    queryKey: serviceMapKeys.ecsServices(region),
    queryFn: ({ signal }) => listEcsServices(region, signal),
    staleTime: 5 * 60_000,
  });
}
