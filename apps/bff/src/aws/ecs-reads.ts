import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListTasksCommand,
  type Cluster,
  type ContainerInstance,
  type DesiredStatus,
  type Service,
  type Tag,
  type Task,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { chunk, collectPages, mapLimit } from './batch.js';
import type { AwsClients } from './clients.js';
import { toHttpError } from './errors.js';
import type { CachedValue, ReadCache } from './read-cache.js';

/** API maxima (REFERENCE.md §1). */
export const ECS_LIMITS = {
  listPage: 100,
  describeClusters: 100,
  describeServices: 10,
  describeTasks: 100,
  describeContainerInstances: 100,
} as const;

/** Describe batches in flight at once per read; the call budget paces them further. */
const CONCURRENCY = 8;

/**
 * Every ECS read the BFF makes, in one place: List* to the end at the maximum page size,
 * Describe* in batches at the API maximum, each result cached briefly and shared by identical
 * concurrent requests. Loads are not tied to one browser request's abort signal, because other
 * requests may be waiting on the same load; the result fills the cache either way.
 */
export class EcsReads {
  constructor(
    private readonly clients: AwsClients,
    private readonly cache: ReadCache,
  ) {}

  clusters(region: string): Promise<CachedValue<Cluster[]>> {
    return this.cached(`${region}:ecs:clusters`, 'Listing clusters', async () => {
      const ecs = this.clients.ecs(region);
      const arns = await collectPages(async (nextToken) => {
        const page = await ecs.send(
          new ListClustersCommand({ maxResults: ECS_LIMITS.listPage, nextToken }),
        );
        return { items: page.clusterArns, nextToken: page.nextToken };
      });
      return this.describeInBatches(arns, ECS_LIMITS.describeClusters, async (batch) => {
        const page = await ecs.send(
          new DescribeClustersCommand({
            clusters: batch,
            include: ['STATISTICS', 'TAGS', 'SETTINGS'],
          }),
        );
        return page.clusters ?? [];
      });
    });
  }

  containerInstances(region: string, cluster: string): Promise<CachedValue<ContainerInstance[]>> {
    return this.cached(
      `${region}:ecs:instances:${cluster}:`,
      `Listing container instances of ${cluster}`,
      async () => {
        const ecs = this.clients.ecs(region);
        const arns = await collectPages(async (nextToken) => {
          const page = await ecs.send(
            new ListContainerInstancesCommand({
              cluster,
              maxResults: ECS_LIMITS.listPage,
              nextToken,
            }),
          );
          return { items: page.containerInstanceArns, nextToken: page.nextToken };
        });
        return this.describeInBatches(
          arns,
          ECS_LIMITS.describeContainerInstances,
          async (batch) => {
            const page = await ecs.send(
              new DescribeContainerInstancesCommand({
                cluster,
                containerInstances: batch,
                include: ['TAGS'],
              }),
            );
            return page.containerInstances ?? [];
          },
        );
      },
    );
  }

  services(region: string, cluster: string): Promise<CachedValue<Service[]>> {
    return this.cached(
      `${region}:ecs:services:${cluster}:`,
      `Listing services of ${cluster}`,
      async () => {
        const ecs = this.clients.ecs(region);
        // ListServices defaults to 10 per page: always ask for the maximum.
        const arns = await collectPages(async (nextToken) => {
          const page = await ecs.send(
            new ListServicesCommand({ cluster, maxResults: ECS_LIMITS.listPage, nextToken }),
          );
          return { items: page.serviceArns, nextToken: page.nextToken };
        });
        return this.describeInBatches(arns, ECS_LIMITS.describeServices, async (batch) => {
          const page = await ecs.send(
            new DescribeServicesCommand({ cluster, services: batch, include: ['TAGS'] }),
          );
          return page.services ?? [];
        });
      },
    );
  }

  tasks(
    region: string,
    cluster: string,
    desiredStatus: DesiredStatus,
  ): Promise<CachedValue<Task[]>> {
    const key = `${region}:ecs:tasks:${cluster}:${desiredStatus}`;
    return this.cached(key, `Listing tasks of ${cluster}`, async () => {
      const ecs = this.clients.ecs(region);
      const arns = await collectPages(async (nextToken) => {
        const page = await ecs.send(
          new ListTasksCommand({
            cluster,
            desiredStatus,
            maxResults: ECS_LIMITS.listPage,
            nextToken,
          }),
        );
        return { items: page.taskArns, nextToken: page.nextToken };
      });
      return this.describeInBatches(arns, ECS_LIMITS.describeTasks, async (batch) => {
        const page = await ecs.send(
          new DescribeTasksCommand({ cluster, tasks: batch, include: ['TAGS'] }),
        );
        return page.tasks ?? [];
      });
    });
  }

  /** A task definition revision never changes once registered (only its status), so it is cached the longest. */
  taskDefinition(
    region: string,
    reference: string,
  ): Promise<CachedValue<{ taskDefinition: TaskDefinition; tags: Tag[] }>> {
    return this.cached(
      `${region}:ecs:taskdef:${reference}`,
      `Reading task definition ${reference}`,
      async () => {
        const page = await this.clients
          .ecs(region)
          .send(
            new DescribeTaskDefinitionCommand({ taskDefinition: reference, include: ['TAGS'] }),
          );
        return { taskDefinition: page.taskDefinition ?? {}, tags: page.tags ?? [] };
      },
    );
  }

  /** Drops what a mutation in a cluster made out of date. */
  invalidateCluster(region: string, cluster: string): void {
    for (const kind of ['services', 'tasks', 'instances'])
      this.cache.invalidate(`${region}:ecs:${kind}:${cluster}:`);
    this.cache.invalidate(`${region}:ecs:clusters`);
  }

  private async describeInBatches<T>(
    arns: string[],
    size: number,
    describe: (batch: string[]) => Promise<T[]>,
  ) {
    const batches = await mapLimit(chunk(arns, size), CONCURRENCY, describe);
    return batches.flat();
  }

  private cached<T>(key: string, what: string, load: () => Promise<T>): Promise<CachedValue<T>> {
    return this.cache.get(key, async () => {
      try {
        return await load();
      } catch (error) {
        throw toHttpError(error, what);
      }
    });
  }
}
