import type { ClusterDetailResponse } from '@deckhand/shared';
import type { EcsReads } from '../../aws/ecs-reads.js';
import { freshnessOf } from '../../http/read-response.js';
import { capacityOf } from '../clusters/clusters.mapper.js';
import { toClusterDetail } from './cluster-detail.mapper.js';

export interface ClusterDetailService {
  /** One cluster by name with capacity summed over its instances; NotFoundError when ECS does not know it. */
  getCluster(region: string, cluster: string): Promise<ClusterDetailResponse>;
}

export function createClusterDetailService(reads: EcsReads): ClusterDetailService {
  return {
    async getCluster(region, name) {
      const cluster = await reads.cluster(region, name);
      // A cluster without instances (Fargate) needs no instance calls for its capacity.
      const instances =
        (cluster.value.registeredContainerInstancesCount ?? 0) > 0
          ? await reads.containerInstances(region, name)
          : undefined;
      return {
        cluster: toClusterDetail(cluster.value, capacityOf(instances?.value ?? [])),
        ...freshnessOf(cluster, ...(instances ? [instances] : [])),
      };
    },
  };
}
