import type { Cluster } from '@deckhand/shared';

/** Case-insensitive match on name, flavour and tag values. */
export function filterClusters(clusters: readonly Cluster[], text: string): Cluster[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...clusters];
  return clusters.filter((cluster) =>
    [cluster.name, cluster.flavor, ...Object.values(cluster.tags)].some((value) =>
      value.toLowerCase().includes(needle),
    ),
  );
}
