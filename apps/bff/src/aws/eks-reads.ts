import {
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  ListClustersCommand,
  ListNodegroupsCommand,
  type Cluster,
  type Nodegroup,
} from '@aws-sdk/client-eks';
import { collectPages, mapLimit } from './batch.js';
import type { AwsClients } from './clients.js';
import { cachedRead, type CachedValue, type ReadCache } from './read-cache.js';

/** ListClusters and ListNodegroups take at most 100 per page (default 100); Describe* take one. */
export const EKS_LIMITS = { listPage: 100 } as const;

const CONCURRENCY = 4;

export interface EksClusterRead {
  cluster: Cluster;
  nodegroups: Nodegroup[];
}

/** The answer for a resource deleted between its List and its Describe: it is simply gone. */
function isGone(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'ResourceNotFoundException';
}

/**
 * EKS reads (read-only, the third cluster flavour): every cluster and its managed node groups,
 * List* to the end at 100, one Describe per resource at bounded concurrency, cached and
 * coalesced like every other read.
 */
export class EksReads {
  constructor(
    private readonly clients: AwsClients,
    private readonly cache: ReadCache,
  ) {}

  clusters(region: string): Promise<CachedValue<EksClusterRead[]>> {
    return cachedRead(this.cache, `${region}:eks:clusters`, 'Listing EKS clusters', async () => {
      const eks = this.clients.eks(region);
      const names = await collectPages(async (nextToken) => {
        const page = await eks.send(
          new ListClustersCommand({ maxResults: EKS_LIMITS.listPage, nextToken }),
        );
        return { items: page.clusters, nextToken: page.nextToken };
      });
      const reads = await mapLimit(names, CONCURRENCY, (name) => this.readCluster(region, name));
      return reads.filter((read) => read !== undefined);
    });
  }

  private async readCluster(region: string, name: string): Promise<EksClusterRead | undefined> {
    const eks = this.clients.eks(region);
    try {
      const { cluster } = await eks.send(new DescribeClusterCommand({ name }));
      if (!cluster) return undefined;
      const nodegroupNames = await collectPages(async (nextToken) => {
        const page = await eks.send(
          new ListNodegroupsCommand({
            clusterName: name,
            maxResults: EKS_LIMITS.listPage,
            nextToken,
          }),
        );
        return { items: page.nodegroups, nextToken: page.nextToken };
      });
      const nodegroups = await mapLimit(nodegroupNames, CONCURRENCY, async (nodegroupName) => {
        try {
          const page = await eks.send(
            new DescribeNodegroupCommand({ clusterName: name, nodegroupName }),
          );
          return page.nodegroup;
        } catch (error) {
          if (isGone(error)) return undefined;
          throw error;
        }
      });
      return { cluster, nodegroups: nodegroups.filter((group) => group !== undefined) };
    } catch (error) {
      if (isGone(error)) return undefined;
      throw error;
    }
  }
}
