import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  type Cluster,
  type ContainerInstance,
  type DesiredStatus,
  type Failure,
  type Service,
  type Tag,
  type Task,
  type TaskDefinition,
  type TaskDefinitionStatus,
} from '@aws-sdk/client-ecs';
import { loadSignal, requestSignal } from './abort-scope.js';
import { chunk, collectPages, mapLimit } from './batch.js';
import { toDescribeFailures, withFailures } from './describe-failures.js';
import type { AwsClients } from './clients.js';
import { NotFoundError } from '../http/errors.js';
import { isTransientAwsError, toHttpError } from './errors.js';
import { cachedRead, ReadCache, type CachedValue, type ReadOptions } from './read-cache.js';

/** A read for the live pollers: newer than what they saw, with their own calls counted. */
export interface SharedReadOptions extends ReadOptions {
  /** Called per AWS call the reader's own load makes (none when it joined another's load). */
  onCall?: (operation: string) => void;
}

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

/** A registered revision never changes but for its status: kept this long, outside the short cache. */
export const REVISION_TTL_MS = 30 * 60_000;

/**
 * Every ECS read the BFF makes, in one place: List* to the end at the maximum page size,
 * Describe* in batches at the API maximum, each result cached briefly and shared by identical
 * concurrent requests. Loads are not tied to one browser request's abort signal, because other
 * requests may be waiting on the same load; the result fills the cache either way.
 */
export class EcsReads {
  private readonly revisions = new ReadCache({
    ttlMs: REVISION_TTL_MS,
    maxIdleMs: REVISION_TTL_MS,
    staleOnError: isTransientAwsError,
  });

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
        return { items: page.clusters ?? [], failures: page.failures };
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
            return { items: page.containerInstances ?? [], failures: page.failures };
          },
        );
      },
    );
  }

  services(
    region: string,
    cluster: string,
    options: SharedReadOptions = {},
  ): Promise<CachedValue<Service[]>> {
    const { onCall, ...read } = options;
    return this.cached(
      `${region}:ecs:services:${cluster}:`,
      `Listing services of ${cluster}`,
      async () => {
        const ecs = this.clients.ecs(region);
        // ListServices defaults to 10 per page: always ask for the maximum.
        const arns = await collectPages(async (nextToken) => {
          onCall?.('ListServices');
          const page = await ecs.send(
            new ListServicesCommand({ cluster, maxResults: ECS_LIMITS.listPage, nextToken }),
          );
          return { items: page.serviceArns, nextToken: page.nextToken };
        });
        return this.describeInBatches(arns, ECS_LIMITS.describeServices, async (batch) => {
          onCall?.('DescribeServices');
          const page = await ecs.send(
            new DescribeServicesCommand({ cluster, services: batch, include: ['TAGS'] }),
          );
          return { items: page.services ?? [], failures: page.failures };
        });
      },
      read,
    );
  }

  /**
   * The ARNs of a cluster's tasks with a desired status. Cached under the cluster's tasks (a
   * mutation's invalidateCluster drops it); a cluster-wide list+describe lists through this
   * entry too, so the live poller's listing and the tasks page's are one.
   */
  taskArns(
    region: string,
    cluster: string,
    desiredStatus: DesiredStatus,
    options: SharedReadOptions = {},
  ): Promise<CachedValue<string[]>> {
    const { onCall, ...read } = options;
    return this.cached(
      taskArnsKey(region, cluster, desiredStatus),
      `Listing tasks of ${cluster}`,
      () => {
        const ecs = this.clients.ecs(region);
        return collectPages(async (nextToken) => {
          onCall?.('ListTasks');
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
      },
      read,
    );
  }

  tasks(
    region: string,
    cluster: string,
    desiredStatus: DesiredStatus,
    options: SharedReadOptions = {},
  ): Promise<CachedValue<Task[]>> {
    const { onCall, ...read } = options;
    const key = `${region}:ecs:tasks:${cluster}:${desiredStatus}`;
    return this.cached(
      key,
      `Listing tasks of ${cluster}`,
      () => this.listAndDescribeTasks(region, cluster, desiredStatus, undefined, onCall),
      read,
    );
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

  /** The ARNs of every task definition revision with a status, across all families, oldest first. */
  taskDefinitionArns(region: string, status: TaskDefinitionStatus): Promise<CachedValue<string[]>> {
    return this.cached(
      `${region}:ecs:taskdef-arns:${status}`,
      'Listing task definitions',
      async () => {
        const ecs = this.clients.ecs(region);
        return collectPages(async (nextToken) => {
          const page = await ecs.send(
            new ListTaskDefinitionsCommand({ status, maxResults: ECS_LIMITS.listPage, nextToken }),
          );
          return { items: page.taskDefinitionArns, nextToken: page.nextToken };
        });
      },
    );
  }

  /** One cluster with settings and capacity providers; 404 when ECS reports it MISSING. */
  cluster(region: string, name: string): Promise<CachedValue<Cluster>> {
    return this.cached(
      `${region}:ecs:clusters:one:${name}`,
      `Reading cluster ${name}`,
      async () => {
        const page = await this.clients.ecs(region).send(
          new DescribeClustersCommand({
            clusters: [name],
            include: ['STATISTICS', 'TAGS', 'SETTINGS'],
          }),
        );
        const cluster = page.clusters?.[0];
        if (!cluster) throw new NotFoundError(`Cluster ${name} was not found in ${region}.`);
        return cluster;
      },
    );
  }

  /** One service, its 100 latest events included; 404 when ECS reports it MISSING. */
  service(region: string, cluster: string, name: string): Promise<CachedValue<Service>> {
    return this.cached(
      `${region}:ecs:services:${cluster}:one:${name}`,
      `Reading service ${name}`,
      async () => {
        const page = await this.clients
          .ecs(region)
          .send(new DescribeServicesCommand({ cluster, services: [name], include: ['TAGS'] }));
        const service = page.services?.[0];
        if (!service) {
          throw new NotFoundError(`Service ${name} was not found in cluster ${cluster}.`);
        }
        return service;
      },
    );
  }

  /**
   * One task by id; `null` (cached like an answer) when ECS reports it MISSING: stopped over
   * about an hour ago, or never there. Keyed under the cluster's tasks, so a mutation's
   * invalidateCluster drops it.
   */
  task(region: string, cluster: string, taskId: string): Promise<CachedValue<Task | null>> {
    return this.cached(
      `${region}:ecs:tasks:${cluster}:one:${taskId}`,
      `Reading task ${taskId}`,
      async () => {
        const page = await this.clients
          .ecs(region)
          .send(new DescribeTasksCommand({ cluster, tasks: [taskId], include: ['TAGS'] }));
        return page.tasks?.[0] ?? null;
      },
    );
  }

  /** The tasks of one service (ListTasks `serviceName`), rather than the whole cluster's. */
  serviceTasks(
    region: string,
    cluster: string,
    service: string,
    desiredStatus: DesiredStatus,
  ): Promise<CachedValue<Task[]>> {
    const key = `${region}:ecs:tasks:${cluster}:${desiredStatus}:service:${service}`;
    return this.cached(key, `Listing tasks of service ${service}`, () =>
      this.listAndDescribeTasks(region, cluster, desiredStatus, service),
    );
  }

  /**
   * ListTasks to the end with DescribeTasks in batches of 100 as the pages arrive (a pipeline:
   * the describes of the first pages run while later pages are listed). A cluster-wide listing
   * goes through the task ARNs' cache entry, so it is one load with the live poller's listing of
   * the same cluster (whichever starts it, the other joins; within the TTL it is reused): 200
   * pages for a 20,000-task cluster are not read twice. When it joined a listing another
   * started, it describes once the ARNs are in.
   */
  private async listAndDescribeTasks(
    region: string,
    cluster: string,
    desiredStatus: DesiredStatus,
    serviceName?: string,
    onCall?: (operation: string) => void,
  ): Promise<Task[]> {
    const ecs = this.clients.ecs(region);
    const limit = limiter(CONCURRENCY);
    const batches: Promise<{ items: Task[]; failures: Failure[] | undefined }>[] = [];
    let pending: string[] = [];
    let failed = false;
    const flush = (all: boolean) => {
      while (pending.length >= ECS_LIMITS.describeTasks || (all && pending.length > 0)) {
        const batch = pending.slice(0, ECS_LIMITS.describeTasks);
        pending = pending.slice(ECS_LIMITS.describeTasks);
        // Once the listing failed, batches not yet started are skipped (no calls no one reads).
        const described = limit(async () => {
          if (failed) return { items: [], failures: undefined };
          onCall?.('DescribeTasks');
          const page = await ecs.send(
            new DescribeTasksCommand({ cluster, tasks: batch, include: ['TAGS'] }),
          );
          return { items: page.tasks ?? [], failures: page.failures };
        });
        // Awaited below; until then a failure must not count as unhandled.
        described.catch(() => undefined);
        batches.push(described);
      }
    };
    const list = async (): Promise<string[]> => {
      const arns: string[] = [];
      try {
        let nextToken: string | undefined;
        do {
          onCall?.('ListTasks');
          const page = await ecs.send(
            new ListTasksCommand({
              cluster,
              ...(serviceName ? { serviceName } : {}),
              desiredStatus,
              maxResults: ECS_LIMITS.listPage,
              nextToken,
            }),
          );
          arns.push(...(page.taskArns ?? []));
          pending.push(...(page.taskArns ?? []));
          nextToken = page.nextToken;
          flush(!nextToken);
        } while (nextToken);
        return arns;
      } catch (error) {
        failed = true;
        throw error;
      }
    };
    if (serviceName) await list();
    else {
      let listedHere = false;
      // A waiter of its own: leaves (abandoning the listing if alone) when this load is abandoned.
      const listed = await requestSignal.run(loadSignal.getStore() ?? NEVER_ABORTED, () =>
        cachedRead(
          this.cache,
          taskArnsKey(region, cluster, desiredStatus),
          `Listing tasks of ${cluster}`,
          () => {
            listedHere = true;
            return list();
          },
          // Within the TTL, or the load in flight: never an older listing (no revalidation).
          { fetchedAfter: Number.NEGATIVE_INFINITY },
        ),
      );
      if (!listedHere) {
        pending = [...listed.value];
        flush(true);
      }
    }
    const results = await Promise.all(batches);
    return withFailures(
      results.flatMap((batch) => batch.items),
      results.flatMap((batch) => toDescribeFailures(batch.failures)),
    );
  }

  /** Every task definition family, with or without ACTIVE revisions. */
  taskDefinitionFamilies(region: string): Promise<CachedValue<string[]>> {
    return this.cached(`${region}:ecs:taskdef-families`, 'Listing task definition families', () => {
      const ecs = this.clients.ecs(region);
      return collectPages(async (nextToken) => {
        const page = await ecs.send(
          new ListTaskDefinitionFamiliesCommand({
            status: 'ALL',
            maxResults: ECS_LIMITS.listPage,
            nextToken,
          }),
        );
        return { items: page.families, nextToken: page.nextToken };
      });
    });
  }

  /** One family's revision ARNs with a status, newest first (`familyPrefix` is the full family name). */
  familyRevisionArns(
    region: string,
    family: string,
    status: TaskDefinitionStatus,
  ): Promise<CachedValue<string[]>> {
    return this.cached(
      `${region}:ecs:taskdef-arns:${status}:${family}`,
      `Listing revisions of ${family}`,
      () => {
        const ecs = this.clients.ecs(region);
        return collectPages(async (nextToken) => {
          const page = await ecs.send(
            new ListTaskDefinitionsCommand({
              familyPrefix: family,
              status,
              sort: 'DESC',
              maxResults: ECS_LIMITS.listPage,
              nextToken,
            }),
          );
          return { items: page.taskDefinitionArns, nextToken: page.nextToken };
        });
      },
    );
  }

  /**
   * One revision (`family:revision` or its ARN), kept for REVISION_TTL_MS: what was registered
   * never changes, so tasks, port maps and revision lists share one DescribeTaskDefinition each.
   * Its `status` may lag a deregistration by that long. 404 when ECS does not know it.
   */
  taskDefinitionRevision(
    region: string,
    reference: string,
  ): Promise<CachedValue<{ taskDefinition: TaskDefinition; tags: Tag[] }>> {
    const what = `Reading task definition ${reference}`;
    return this.revisions.get(`${region}:ecs:taskdef:${reference}`, async () => {
      try {
        const page = await this.clients
          .ecs(region)
          .send(
            new DescribeTaskDefinitionCommand({ taskDefinition: reference, include: ['TAGS'] }),
          );
        if (!page.taskDefinition)
          throw new NotFoundError(`Task definition ${reference} was not found.`);
        return { taskDefinition: page.taskDefinition, tags: page.tags ?? [] };
      } catch (error) {
        // ECS answers an unknown revision with a ClientException, not a NotFound.
        const sdk = error as { name?: string; message?: string };
        if (
          sdk.name === 'ClientException' &&
          /unable to describe task definition/i.test(sdk.message ?? '')
        )
          throw new NotFoundError(`Task definition ${reference} was not found in ${region}.`);
        throw toHttpError(error, what);
      }
    });
  }

  /** Drops what a mutation in a cluster made out of date. */
  invalidateCluster(region: string, cluster: string): void {
    for (const kind of ['services', 'tasks', 'instances'])
      this.cache.invalidate(`${region}:ecs:${kind}:${cluster}:`);
    this.cache.invalidate(`${region}:ecs:clusters`);
  }

  /**
   * Drops the task definition lists after a registration (and bare-family lookups, which now
   * resolve to the new revision). Registered revisions are immutable, so their long cache stays.
   */
  invalidateTaskDefinitions(region: string): void {
    this.cache.invalidate(`${region}:ecs:taskdef`);
  }

  /** Describe* in batches at the API maximum; ECS's `failures` stay attached to the list (describe-failures.ts). */
  private async describeInBatches<T>(
    arns: string[],
    size: number,
    describe: (batch: string[]) => Promise<{ items: T[]; failures: Failure[] | undefined }>,
  ): Promise<T[]> {
    const batches = await mapLimit(chunk(arns, size), CONCURRENCY, describe);
    return withFailures(
      batches.flatMap((batch) => batch.items),
      batches.flatMap((batch) => toDescribeFailures(batch.failures)),
    );
  }

  private cached<T>(
    key: string,
    what: string,
    load: () => Promise<T>,
    options?: ReadOptions,
  ): Promise<CachedValue<T>> {
    return cachedRead(this.cache, key, what, load, options);
  }
}

const NEVER_ABORTED = new AbortController().signal;

const taskArnsKey = (region: string, cluster: string, desiredStatus: DesiredStatus) =>
  `${region}:ecs:tasks:${cluster}:${desiredStatus}:arns`;

/** Runs the functions given with at most `concurrency` at once, in the order given. */
function limiter(concurrency: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return <T>(fn: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const run = () => {
        active += 1;
        fn()
          .then(resolve, reject)
          .finally(() => {
            active -= 1;
            queue.shift()?.();
          });
      };
      if (active < concurrency) run();
      else queue.push(run);
    });
}
