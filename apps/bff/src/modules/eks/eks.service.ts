import type { EksClustersResponse } from '@deckhand/shared';
import type { EksReads } from '../../aws/eks-reads.js';
import { freshnessOf } from '../../http/read-response.js';
import { toEksCluster } from './eks.mapper.js';

export interface EksService {
  listClusters(region: string): Promise<EksClustersResponse>;
}

/** EKS reads (read-only): every cluster of the region with its managed node groups. */
export function createEksService(reads: EksReads): EksService {
  return {
    async listClusters(region) {
      const read = await reads.clusters(region);
      return {
        clusters: read.value
          .map(({ cluster, nodegroups }) => toEksCluster(cluster, nodegroups))
          .sort((a, b) => a.name.localeCompare(b.name)),
        ...freshnessOf(read),
      };
    },
  };
}
