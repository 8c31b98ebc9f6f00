import { useQueries, useQuery } from '@tanstack/react-query';
import { clustersQueryOptions } from '../../features/clusters/api/clusters-queries';
import { repositoriesQueryOptions } from '../../features/registry/api/registry-queries';
import { servicesQueryOptions } from '../../features/services/api/services-queries';
import { familiesQueryOptions } from '../../features/task-definitions/api/task-definitions-queries';
import { parsePalettePatterns } from './palette-patterns';
import { paletteTaskQueryOptions } from './palette-queries';
import { searchPalette, type PaletteGroup } from './palette-search';

export interface PaletteResults {
  groups: PaletteGroup[];
  /** Sources still loading (their items join the results when they arrive). */
  loading: boolean;
  /** Clusters still being asked for the typed task id. */
  searchingTaskIn: number;
}

/*
 * The sources are the pages' own queries (same keys, shared cache: what a page loaded the palette
 * finds at once, and the reverse); the palette selects only the names it matches on.
 */

/**
 * The palette's results for a query. Mounted while the palette is open: that is when the sources
 * (clusters, every cluster's services, families, repositories) are fetched; the cache keeps them.
 */
export function usePaletteResults(query: string, region: string | undefined): PaletteResults {
  const patterns = parsePalettePatterns(query);
  const clusters = useQuery({
    ...clustersQueryOptions(region),
    select: (data) => data.clusters.map((cluster) => cluster.name),
  });
  const clusterNames = clusters.data ?? [];
  const services = useQueries({
    queries: clusterNames.map((cluster) => ({
      ...servicesQueryOptions({ region, cluster }),
      select: (data: { services: readonly { name: string }[] }) =>
        data.services.map((service) => ({ cluster, service: service.name })),
    })),
  });
  const families = useQuery({
    ...familiesQueryOptions(region),
    select: (data) => data.families,
  });
  const repositories = useQuery({
    ...repositoriesQueryOptions(region),
    select: (data) => data.repositories.map((repository) => repository.name),
  });
  const taskId = patterns.taskId;
  const lookups = useQueries({
    queries: taskId
      ? clusterNames.map((cluster) => paletteTaskQueryOptions(region, cluster, taskId))
      : [],
  });

  const groups = searchPalette(query, patterns, {
    clusters: clusterNames,
    services: services.flatMap((result) => result.data ?? []),
    families: families.data ?? [],
    repositories: repositories.data ?? [],
    taskHits: lookups.flatMap((result, index) => {
      const cluster = clusterNames[index];
      return cluster !== undefined && result.data ? [{ cluster, taskId: result.data }] : [];
    }),
  });
  return {
    groups,
    loading:
      clusters.isPending ||
      families.isPending ||
      repositories.isPending ||
      services.some((result) => result.isPending),
    searchingTaskIn: lookups.filter((result) => result.isPending).length,
  };
}
