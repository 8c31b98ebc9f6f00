import type { Cluster } from '@deckhand/shared';
import type { EcsReads } from '../../aws/ecs-reads.js';
import { mapLimit } from '../../aws/batch.js';
import { freshnessOf } from '../../http/read-response.js';
import { capacityOf, toCluster } from './clusters.mapper.js';

/** At most this many clusters have their instances read at once. */
const CONCURRENCY = 4;

export interface ClusterList {
  clusters: Cluster[];
  stale: boolean;
  asOf: string;
}

export interface ClustersService {
  listClusters(region: string): Promise<ClusterList>;
}

/** Cluster reads: every cluster, with CPU and memory capacity summed from its instances. */
export function createClustersService(reads: EcsReads): ClustersService {
  return {
    async listClusters(region) {
      const clusters = await reads.clusters(region);
      const instances = await mapLimit(clusters.value, CONCURRENCY, (cluster) =>
        (cluster.registeredContainerInstancesCount ?? 0) > 0 && cluster.clusterName
          ? reads.containerInstances(region, cluster.clusterName)
          : Promise.resolve(undefined),
      );
      const parts = [clusters, ...instances.filter((part) => part !== undefined)];
      return {
        clusters: clusters.value
          .map((cluster, index) => toCluster(cluster, capacityOf(instances[index]?.value ?? [])))
          .sort((a, b) => a.name.localeCompare(b.name)),
        ...freshnessOf(...parts),
      };
    },
  };
}
