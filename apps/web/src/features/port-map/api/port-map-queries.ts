import { PortMapResponse } from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

export interface PortMapScope {
  /** `?region=` of the URL; undefined means the BFF's home region. */
  region: string | undefined;
  cluster: string;
}

/**
 * Polled rather than fed by SSE: host ports change whenever a task starts or stops, and the
 * live feed belongs to another feature (features never import each other). 15 s keeps a
 * replacement task's new dynamic port on screen soon enough without a poller per event.
 */
export const PORT_MAP_REFETCH_MS = 15_000;

export const portMapKeys = {
  all: ['ecs', 'port-map'] as const,
  cluster: ({ region, cluster }: PortMapScope) =>
    ['ecs', 'port-map', { region: region ?? null, cluster }] as const,
};

/** The cluster's resolved port mappings (target group → host : port → task) and findings. */
export function portMapQueryOptions(scope: PortMapScope) {
  return queryOptions({
    queryKey: portMapKeys.cluster(scope),
    queryFn: ({ signal }) =>
      getJson(`/clusters/${encodeURIComponent(scope.cluster)}/port-map`, PortMapResponse, {
        signal,
        query: { region: scope.region },
      }),
    refetchInterval: PORT_MAP_REFETCH_MS,
    refetchOnWindowFocus: true,
  });
}
