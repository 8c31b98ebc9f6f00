import type { Task, TaskDefinition } from '@aws-sdk/client-ecs';
import {
  resourceName,
  type ImageUsageProgress,
  type RunningTaskImages,
  type TaskDefinitionImages,
} from '@deckhand/shared';
import { loadSignal, requestSignal } from '../../aws/abort-scope.js';
import { mapLimit } from '../../aws/batch.js';
import type { EcsReads } from '../../aws/ecs-reads.js';
import type { CachedValue } from '../../aws/read-cache.js';
import { NotFoundError } from '../../http/errors.js';
import { inBackground } from '../../aws/call-budget.js';

/** Clusters read at once; the call budget paces them further. */
const CONCURRENCY = 4;
/**
 * Revisions described at once by a scan. Few: the call budget hands out its tokens in turn, so
 * a background scan holding two places in the queue leaves the rest to the task definition
 * pages (which share the taskDefinitionRead budget); alone, two still use all of it.
 */
const DESCRIBE_CONCURRENCY = 2;
/** Bound of the memo of task definition images (an ARN names one immutable revision). */
export const MEMO_LIMIT = 10_000;
/** How long an images answer waits for "used by" before answering with what is known. */
export const USAGE_WAIT_MS = 2_000;

/** What ECS says about who references images: ACTIVE task definitions and RUNNING tasks of a region. */
export interface EcsImageUsage {
  taskDefinitions: TaskDefinitionImages[];
  tasks: RunningTaskImages[];
  /** The list reads the answer was built from, for its freshness. */
  parts: CachedValue<unknown>[];
  /** How far the scan behind this answer got; `complete` false: some uses may be missing. */
  progress: ImageUsageProgress;
  /** Changes whenever the answer may: which scan, how far, from which reads. */
  stamp: string;
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

/** A Map bounded to `limit` entries that drops the least recently used first. */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * ACTIVE revision ARNs (family by family, oldest first) with each family's newest revisions
 * first: those are the ones services run, so a partial scan finds the likely uses early.
 */
export function newestRevisionsFirst(arns: readonly string[]): string[] {
  const parsed = arns.map((arn, index) => {
    const name = resourceName(arn);
    const colon = name.lastIndexOf(':');
    return {
      arn,
      index,
      family: colon === -1 ? name : name.slice(0, colon),
      revision: colon === -1 ? 0 : Number(name.slice(colon + 1)) || 0,
    };
  });
  const newest = [...parsed].sort(
    (a, b) => a.family.localeCompare(b.family) || b.revision - a.revision || a.index - b.index,
  );
  const rank = new Map<string, number>();
  let family: string | undefined;
  let position = 0;
  for (const item of newest) {
    position = item.family === family ? position + 1 : 0;
    family = item.family;
    rank.set(item.arn, position);
  }
  return [...parsed]
    .sort((a, b) => (rank.get(a.arn) ?? 0) - (rank.get(b.arn) ?? 0) || a.index - b.index)
    .map((item) => item.arn);
}

/** A scan under way: what it has found so far, for an answer that cannot wait for the end. */
interface ScanState {
  id: number;
  running?: { tasks: RunningTaskImages[]; parts: CachedValue<unknown>[] };
  arns?: CachedValue<string[]>;
  described: TaskDefinitionImages[];
  scanned: number;
  /** Some revision could not be described: the scan ends incomplete. */
  failed?: boolean;
}

/** Runs work outside the request that asked for it: the browser leaving does not stop it. */
const detached = <T>(work: () => Promise<T>): Promise<T> =>
  loadSignal.exit(() => requestSignal.exit(work));

/** The promise's value if it settles within `ms`; undefined otherwise. Rejections pass through. */
async function within<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  if (!Number.isFinite(ms)) return { value: await promise };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, ms), undefined);
  });
  try {
    return await Promise.race([promise.then((value) => ({ value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads who uses images in a region, through the shared EcsReads (cached and coalesced with
 * every other ECS view: running tasks come from the same DescribeTasks reads as the task pages).
 *
 * A revision's containers never change once registered, so each ACTIVE revision is described
 * once per process and remembered by ARN (a bounded LRU). Still, the first scan of an account
 * with thousands of revisions takes minutes at the call budget's pace: scans run in the
 * background, one per region at a time (concurrent requests join it), and a read waits for one
 * at most a bound, then answers with the last complete result or what the scan has found so far,
 * marked incomplete. The scan goes on; a later read gets the fuller answer.
 */
export class ImageUsageReader {
  private readonly memo: LruMap<string, TaskDefinitionImages>;
  private readonly scans = new Map<string, { state: ScanState; promise: Promise<EcsImageUsage> }>();
  private readonly lastComplete = new Map<string, EcsImageUsage>();
  /** Running tasks mapped once per cached DescribeTasks answer (20,000 tasks are not mapped per request). */
  private readonly mapped = new WeakMap<Task[], RunningTaskImages[]>();
  private scansStarted = 0;

  constructor(
    private readonly ecs: Pick<
      EcsReads,
      'clusters' | 'tasks' | 'taskDefinitionArns' | 'taskDefinitionRevision'
    >,
    options: { memoLimit?: number } = {},
  ) {
    this.memo = new LruMap(options.memoLimit ?? MEMO_LIMIT);
  }

  /**
   * Who uses images in the region, waiting at most `waitMs` for a scan: then the last complete
   * answer if there is one, else the scan's findings so far (`progress.complete` false).
   */
  async read(region: string, waitMs = Number.POSITIVE_INFINITY): Promise<EcsImageUsage> {
    const scan = this.scan(region);
    const done = await within(scan.promise, waitMs);
    if (done?.value.progress.complete) return done.value;
    return this.lastComplete.get(region) ?? done?.value ?? snapshot(scan.state);
  }

  /** The scan under way in the region, or a new one. */
  private scan(region: string) {
    const running = this.scans.get(region);
    if (running) return running;
    this.scansStarted += 1;
    const state: ScanState = { id: this.scansStarted, described: [], scanned: 0 };
    const promise = detached(() => this.run(region, state)).finally(() => {
      if (this.scans.get(region) === scan) this.scans.delete(region);
    });
    // A scan that fails after every waiter answered must not be an unhandled rejection.
    promise.catch(() => undefined);
    const scan = { state, promise };
    this.scans.set(region, scan);
    return scan;
  }

  private async run(region: string, state: ScanState): Promise<EcsImageUsage> {
    const [running] = await Promise.all([
      this.runningTasks(region).then((read) => (state.running = read)),
      // Describing every revision is the long part: background priority, so the pages people
      // are waiting for get the task-definition budget first.
      inBackground(() => this.activeTaskDefinitions(region, state)),
    ]);
    const progress = { ...progressOf(state), complete: state.failed !== true };
    const usage: EcsImageUsage = {
      tasks: running.tasks,
      taskDefinitions: [...state.described],
      parts: [...running.parts, ...(state.arns ? [state.arns] : [])],
      progress,
      stamp: stampOf(state, progress),
    };
    if (usage.progress.complete) this.lastComplete.set(region, usage);
    return usage;
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
      tasks: reads.flatMap(({ cluster, read }) => this.mapTasks(cluster, read.value)),
      parts: [clusters, ...reads.map(({ read }) => read)],
    };
  }

  private mapTasks(cluster: string, tasks: Task[]): RunningTaskImages[] {
    const known = this.mapped.get(tasks);
    if (known) return known;
    const mapped = tasks.map((task) => toRunningTaskImages(cluster, task));
    this.mapped.set(tasks, mapped);
    return mapped;
  }

  private async activeTaskDefinitions(region: string, state: ScanState): Promise<void> {
    const arns = await this.ecs.taskDefinitionArns(region, 'ACTIVE');
    state.arns = arns;
    await mapLimit(newestRevisionsFirst(arns.value), DESCRIBE_CONCURRENCY, async (arn) => {
      try {
        const images = await this.describe(region, arn);
        if (images) state.described.push(images);
        state.scanned += 1;
      } catch {
        // Throttled with nothing to fall back on, or AWS failing: the scan goes on and ends
        // incomplete; the next one describes what is missing (the rest is remembered).
        state.failed = true;
      }
    });
  }

  /** A revision's images: remembered, else described once (undefined: deleted since the list). */
  private async describe(region: string, arn: string): Promise<TaskDefinitionImages | undefined> {
    const key = `${region}|${arn}`;
    const known = this.memo.get(key);
    if (known) return known;
    try {
      const { value } = await this.ecs.taskDefinitionRevision(region, arn);
      const images = toTaskDefinitionImages(value.taskDefinition);
      this.memo.set(key, images);
      return images;
    } catch (error) {
      // Deleted since the list: nothing references it any more.
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}

function progressOf(state: ScanState): ImageUsageProgress {
  return {
    complete: false,
    taskDefinitionsScanned: state.scanned,
    ...(state.arns ? { taskDefinitionsTotal: state.arns.value.length } : {}),
    runningTasksKnown: state.running !== undefined,
  };
}

/** A complete answer follows from its reads (revisions never change); a partial one from how far its scan got. */
function stampOf(state: ScanState, progress: ImageUsageProgress): string {
  const { complete, taskDefinitionsScanned, runningTasksKnown } = progress;
  return complete
    ? 'complete'
    : `scan ${state.id}:${taskDefinitionsScanned}:${runningTasksKnown ? 1 : 0}`;
}

/** What a scan under way has found so far. */
function snapshot(state: ScanState): EcsImageUsage {
  const progress = progressOf(state);
  return {
    tasks: state.running?.tasks ?? [],
    taskDefinitions: [...state.described],
    parts: [...(state.running?.parts ?? []), ...(state.arns ? [state.arns] : [])],
    progress,
    stamp: stampOf(state, progress),
  };
}
