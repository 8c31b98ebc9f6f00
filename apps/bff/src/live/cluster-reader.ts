import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListServicesCommand,
  ListTasksCommand,
  type DesiredStatus,
  type ECSClient,
  type Service as SdkService,
  type Task as SdkTask,
} from '@aws-sdk/client-ecs';
import { requestSignal, untilAborted } from '../aws/abort-scope.js';
import { chunk, collectPages, mapLimit } from '../aws/batch.js';
import { ECS_LIMITS, type EcsReads } from '../aws/ecs-reads.js';

/** The shared reads a poller lists through (the BFF's EcsReads). */
export type SharedEcsReads = Pick<EcsReads, 'services' | 'taskArns' | 'tasks'>;

/**
 * From this many tasks to describe (a first cycle on a big cluster: all of them), the running
 * ones come from the shared DescribeTasks read of the tasks page (joined, or loaded for it)
 * instead of 100-task describes of the poller's own: 20,000 tasks are not described twice.
 */
export const SHARED_DESCRIBE_FROM = 500;

/** Describe batches in flight at once; the call budget paces them further. */
const CONCURRENCY = 4;

/**
 * The poller's ECS reads through the budgeted SDK client, with the calls of each cycle counted
 * so the poller can pace itself. Its calls go at background priority (the poller runs its
 * cycles in `inBackground`).
 *
 * With `shared` (the BFF's EcsReads), the lists the pages read too (services, task ARNs) go
 * through the shared ReadCache: each read asks for a value fetched after the one it saw last
 * (a poll must see what changed since the last one), so it joins a reload already in flight
 * or loads and leaves the result for the pages; the same lists are not read twice. Only the
 * calls of its own loads are counted. Without it, every read goes to ECS itself.
 */
export class ClusterReader {
  private calls = new Map<string, number>();
  /** The fetchedAt of the shared values seen last, per read (the cache's clock). */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ecs: ECSClient,
    private readonly cluster: string,
    private readonly signal: AbortSignal,
    private readonly shared?: { region: string; reads: SharedEcsReads },
  ) {}

  /** A shared read newer than the last one seen; the poller's stop abandons it like a request. */
  private async sharedRead<T>(
    what: string,
    read: (options: { fetchedAfter: number; onCall: (operation: string) => void }) => Promise<{
      value: T;
      fetchedAt: number;
    }>,
  ): Promise<T> {
    const result = await requestSignal.run(this.signal, () =>
      untilAborted(
        read({
          fetchedAfter: this.seen.get(what) ?? Number.NEGATIVE_INFINITY,
          onCall: (operation) => this.count(operation),
        }),
        this.signal,
      ),
    );
    this.seen.set(what, result.fetchedAt);
    return result.value;
  }

  /** The calls made since the last call to this, per operation. */
  takeCalls(): Record<string, number> {
    const calls = Object.fromEntries(this.calls);
    this.calls = new Map();
    return calls;
  }

  /** ListServices to the end, then DescribeServices in batches of 10: counts, deployments, 100 latest events. */
  async services(): Promise<SdkService[]> {
    const cluster = this.cluster;
    const shared = this.shared;
    if (shared)
      return this.sharedRead('services', (options) =>
        shared.reads.services(shared.region, cluster, options),
      );
    const arns = await collectPages(async (nextToken) => {
      this.count('ListServices');
      const page = await this.ecs.send(
        new ListServicesCommand({ cluster, maxResults: ECS_LIMITS.listPage, nextToken }),
        { abortSignal: this.signal },
      );
      return { items: page.serviceArns, nextToken: page.nextToken };
    });
    const batches = await mapLimit(
      chunk(arns, ECS_LIMITS.describeServices),
      CONCURRENCY,
      async (services) => {
        // TAGS: service.updated carries the same row as GET …/services, tags included.
        this.count('DescribeServices');
        const page = await this.ecs.send(
          new DescribeServicesCommand({ cluster, services, include: ['TAGS'] }),
          { abortSignal: this.signal },
        );
        return page.services ?? [];
      },
    );
    return batches.flat();
  }

  async taskArns(desiredStatus: DesiredStatus): Promise<string[]> {
    const cluster = this.cluster;
    const shared = this.shared;
    if (shared)
      return this.sharedRead(`tasks:${desiredStatus}`, (options) =>
        shared.reads.taskArns(shared.region, cluster, desiredStatus, options),
      );
    return collectPages(async (nextToken) => {
      this.count('ListTasks');
      const page = await this.ecs.send(
        new ListTasksCommand({
          cluster,
          desiredStatus,
          maxResults: ECS_LIMITS.listPage,
          nextToken,
        }),
        { abortSignal: this.signal },
      );
      return { items: page.taskArns, nextToken: page.nextToken };
    });
  }

  async describeTasks(arns: readonly string[]): Promise<SdkTask[]> {
    const cluster = this.cluster;
    const shared = this.shared;
    if (shared && arns.length >= SHARED_DESCRIBE_FROM) {
      // Within the TTL or the load in flight (the page's, or one started here for it).
      const running = await this.sharedRead('describe:RUNNING', (options) =>
        shared.reads.tasks(shared.region, cluster, 'RUNNING', {
          ...options,
          fetchedAfter: Number.NEGATIVE_INFINITY,
        }),
      );
      const byArn = new Map(running.map((task) => [task.taskArn, task]));
      const found = arns.flatMap((arn) => byArn.get(arn) ?? []);
      const rest = arns.filter((arn) => !byArn.has(arn));
      return [...found, ...(await this.describeOwn(rest))];
    }
    return this.describeOwn(arns);
  }

  private async describeOwn(arns: readonly string[]): Promise<SdkTask[]> {
    const cluster = this.cluster;
    const batches = await mapLimit(
      chunk(arns, ECS_LIMITS.describeTasks),
      CONCURRENCY,
      async (tasks) => {
        this.count('DescribeTasks');
        const page = await this.ecs.send(new DescribeTasksCommand({ cluster, tasks }), {
          abortSignal: this.signal,
        });
        return page.tasks ?? [];
      },
    );
    return batches.flat();
  }

  private count(operation: string): void {
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
  }
}
