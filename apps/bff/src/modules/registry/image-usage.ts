import type { Task, TaskDefinition } from '@aws-sdk/client-ecs';
import { resourceName, type RunningTaskImages, type TaskDefinitionImages } from '@deckhand/shared';
import { mapLimit } from '../../aws/batch.js';
import type { EcsReads } from '../../aws/ecs-reads.js';
import type { CachedValue } from '../../aws/read-cache.js';
import { NotFoundError } from '../../http/errors.js';

/** Clusters, and task definitions, read at once; the call budget paces them further. */
const CONCURRENCY = 4;
/** Bound of the memo of task definition images (an ARN names one immutable revision). */
const MEMO_LIMIT = 20_000;

/** What ECS says about who references images: ACTIVE task definitions and RUNNING tasks of a region. */
export interface EcsImageUsage {
  taskDefinitions: TaskDefinitionImages[];
  tasks: RunningTaskImages[];
  /** The list reads the answer was built from, for its freshness. */
  parts: CachedValue<unknown>[];
}

export function toTaskDefinitionImages(definition: TaskDefinition): TaskDefinitionImages {
  const family =
    definition.family ?? resourceName(definition.taskDefinitionArn ?? '').split(':')[0] ?? '';
  return {
    family,
    revision: definition.revision ?? 0,
    containers: (definition.containerDefinitions ?? []).flatMap((container) =>
      container.name && container.image ? [{ name: container.name, image: container.image }] : [],
    ),
  };
}

export function toRunningTaskImages(cluster: string, task: Task): RunningTaskImages {
  const service = task.group?.startsWith('service:') ? task.group.slice(8) : undefined;
  return {
    cluster,
    taskId: resourceName(task.taskArn ?? ''),
    ...(service ? { service } : {}),
    containers: (task.containers ?? []).flatMap((container) =>
      container.name && container.image
        ? [
            {
              name: container.name,
              image: container.image,
              ...(container.imageDigest ? { imageDigest: container.imageDigest } : {}),
            },
          ]
        : [],
    ),
  };
}

/**
 * Reads who uses images in a region, through the shared EcsReads (cached and coalesced with
 * every other ECS view). A revision's containers never change once registered, so each ACTIVE
 * revision is described once per process and remembered by ARN: the first read of an account
 * with many revisions is slow (DescribeTaskDefinition takes one at a time), later ones are not.
 */
export class ImageUsageReader {
  private readonly memo = new Map<string, TaskDefinitionImages>();

  constructor(private readonly ecs: EcsReads) {}

  async read(region: string): Promise<EcsImageUsage> {
    const [running, definitions] = await Promise.all([
      this.runningTasks(region),
      this.activeTaskDefinitions(region),
    ]);
    return {
      tasks: running.tasks,
      taskDefinitions: definitions.taskDefinitions,
      parts: [...running.parts, ...definitions.parts],
    };
  }

  private async runningTasks(region: string) {
    const clusters = await this.ecs.clusters(region);
    const busy = clusters.value.flatMap((cluster) =>
      cluster.clusterName && (cluster.runningTasksCount ?? 0) + (cluster.pendingTasksCount ?? 0) > 0
        ? [cluster.clusterName]
        : [],
    );
    const reads = await mapLimit(busy, CONCURRENCY, async (cluster) => ({
      cluster,
      read: await this.ecs.tasks(region, cluster, 'RUNNING'),
    }));
    return {
      tasks: reads.flatMap(({ cluster, read }) =>
        read.value.map((task) => toRunningTaskImages(cluster, task)),
      ),
      parts: [clusters, ...reads.map(({ read }) => read)],
    };
  }

  private async activeTaskDefinitions(region: string) {
    const arns = await this.ecs.taskDefinitionArns(region, 'ACTIVE');
    const described = await mapLimit(arns.value, CONCURRENCY, async (arn) => {
      const known = this.memo.get(arn);
      if (known) return known;
      try {
        const { value } = await this.ecs.taskDefinitionRevision(region, arn);
        return this.remember(arn, toTaskDefinitionImages(value.taskDefinition));
      } catch (error) {
        // Deleted since the list: nothing references it any more.
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
    });
    return {
      taskDefinitions: described.filter((definition) => definition !== undefined),
      parts: [arns],
    };
  }

  private remember(arn: string, images: TaskDefinitionImages): TaskDefinitionImages {
    if (this.memo.size >= MEMO_LIMIT) {
      const oldest = this.memo.keys().next();
      if (!oldest.done) this.memo.delete(oldest.value);
    }
    this.memo.set(arn, images);
    return images;
  }
}
