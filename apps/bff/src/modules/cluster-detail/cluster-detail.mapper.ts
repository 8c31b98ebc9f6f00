import type { Cluster as SdkCluster } from '@aws-sdk/client-ecs';
import type { ClusterDetail } from '@deckhand/shared';
import { toCluster, type ClusterCapacity } from '../clusters/clusters.mapper.js';
import { toCapacityProviderStrategy } from '../services/services.mapper.js';

/** DescribeClusters output (STATISTICS, TAGS, SETTINGS) → the detail DTO: the list's fields plus providers and settings. */
export function toClusterDetail(cluster: SdkCluster, capacity?: ClusterCapacity): ClusterDetail {
  return {
    ...toCluster(cluster, capacity),
    capacityProviders: cluster.capacityProviders ?? [],
    defaultCapacityProviderStrategy: toCapacityProviderStrategy(
      cluster.defaultCapacityProviderStrategy,
    ),
    settings: (cluster.settings ?? []).flatMap((setting) =>
      setting.name ? [{ name: setting.name, value: setting.value ?? '' }] : [],
    ),
  };
}
