import type { Cluster, EksCluster } from '@deckhand/shared';

const matches = (values: readonly string[], text: string): boolean => {
  const needle = text.trim().toLowerCase();
  return !needle || values.some((value) => value.toLowerCase().includes(needle));
};

/** Case-insensitive match on name, flavour and tag values. */
export function filterClusters(clusters: readonly Cluster[], text: string): Cluster[] {
  return clusters.filter((cluster) =>
    matches([cluster.name, cluster.flavor, ...Object.values(cluster.tags)], text),
  );
}

/** The same filter for EKS clusters: name, status, Kubernetes version, and the word "eks". */
export function filterEksClusters(clusters: readonly EksCluster[], text: string): EksCluster[] {
  return clusters.filter((cluster) =>
    matches([cluster.name, cluster.status, cluster.version, 'eks'], text),
  );
}
