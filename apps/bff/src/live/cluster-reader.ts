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
import { chunk, collectPages, mapLimit } from '../aws/batch.js';
import { ECS_LIMITS } from '../aws/ecs-reads.js';

/** Describe batches in flight at once; the call budget paces them further. */
const CONCURRENCY = 4;

/**
 * The poller's own ECS reads, always fresh (never the 5 s ReadCache: a poll must see what
 * changed since the last one), through the budgeted SDK client, with the calls of each cycle
 * counted so the poller can pace itself.
 */
export class ClusterReader {
  private calls = new Map<string, number>();

  constructor(
    private readonly ecs: ECSClient,
    private readonly cluster: string,
    private readonly signal: AbortSignal,
  ) {}

  /** The calls made since the last call to this, per operation. */
  takeCalls(): Record<string, number> {
    const calls = Object.fromEntries(this.calls);
    this.calls = new Map();
    return calls;
  }

  /** ListServices to the end, then DescribeServices in batches of 10: counts, deployments, 100 latest events. */
  async services(): Promise<SdkService[]> {
    const cluster = this.cluster;
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
