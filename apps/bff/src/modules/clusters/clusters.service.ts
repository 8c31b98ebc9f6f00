import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  type Cluster as SdkCluster,
  type ContainerInstance,
} from '@aws-sdk/client-ecs';
import type { Cluster } from '@deckhand/shared';
import type { AwsClients } from '../../aws/clients.js';
import { chunk, collectPages, mapLimit } from '../../aws/batch.js';
import { toHttpError } from '../../aws/errors.js';
import { capacityOf, toCluster } from './clusters.mapper.js';

/** API maxima (REFERENCE.md §1): List* pages and Describe* batches of 100. */
const PAGE = 100;
const DESCRIBE_CLUSTERS_BATCH = 100;
const DESCRIBE_INSTANCES_BATCH = 100;
/** At most this many clusters have their instances read at once. */
const CONCURRENCY = 4;

export interface ClustersService {
  listClusters(region: string, signal?: AbortSignal): Promise<Cluster[]>;
}

/** Cluster reads: ListClusters to the end, DescribeClusters in batches of 100, capacity from the instances. */
export function createClustersService(clients: AwsClients): ClustersService {
  async function describeInstances(region: string, cluster: string, signal?: AbortSignal) {
    const ecs = clients.ecs(region);
    const arns = await collectPages(async (nextToken) => {
      const page = await ecs.send(
        new ListContainerInstancesCommand({ cluster, maxResults: PAGE, nextToken }),
        {
          abortSignal: signal,
        },
      );
      return { items: page.containerInstanceArns, nextToken: page.nextToken };
    });
    const described = await mapLimit(
      chunk(arns, DESCRIBE_INSTANCES_BATCH),
      CONCURRENCY,
      async (batch) => {
        const page = await ecs.send(
          new DescribeContainerInstancesCommand({ cluster, containerInstances: batch }),
          {
            abortSignal: signal,
          },
        );
        return page.containerInstances ?? [];
      },
    );
    return described.flat();
  }

  return {
    async listClusters(region, signal) {
      try {
        const ecs = clients.ecs(region);
        const arns = await collectPages(async (nextToken) => {
          const page = await ecs.send(new ListClustersCommand({ maxResults: PAGE, nextToken }), {
            abortSignal: signal,
          });
          return { items: page.clusterArns, nextToken: page.nextToken };
        });
        const described = await mapLimit(
          chunk(arns, DESCRIBE_CLUSTERS_BATCH),
          CONCURRENCY,
          async (batch) => {
            const page = await ecs.send(
              new DescribeClustersCommand({ clusters: batch, include: ['STATISTICS', 'TAGS'] }),
              { abortSignal: signal },
            );
            return page.clusters ?? [];
          },
        );
        const clusters: SdkCluster[] = described.flat();
        const instances = await mapLimit(clusters, CONCURRENCY, (cluster) =>
          (cluster.registeredContainerInstancesCount ?? 0) > 0 && cluster.clusterArn
            ? describeInstances(region, cluster.clusterArn, signal)
            : Promise.resolve<ContainerInstance[]>([]),
        );
        return clusters
          .map((cluster, index) => toCluster(cluster, capacityOf(instances[index] ?? [])))
          .sort((a, b) => a.name.localeCompare(b.name));
      } catch (error) {
        throw toHttpError(error, 'Listing clusters');
      }
    },
  };
}
