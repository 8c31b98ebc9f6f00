import { diagnoseTaskStop, parseArn, type TaskDetailResponse } from '@deckhand/shared';
import type { EcsReads } from '../../aws/ecs-reads.js';
import type { CachedValue } from '../../aws/read-cache.js';
import { NotFoundError } from '../../http/errors.js';
import { freshnessOf } from '../../http/read-response.js';
import type { ClusterRef, HistoryStore } from '../../store/types.js';
import { loadTaskContext } from './task-context.js';
import { toTask } from './tasks.mapper.js';

/** The history's retention when none is given (`DECKHAND_HISTORY_RETENTION_DAYS`'s default). */
const DEFAULT_RETENTION_DAYS = 14;

export interface TaskDetailService {
  /**
   * One task of a cluster by id, mapped as the task list maps it. ECS describes a stopped task for
   * about an hour; after that the copy the history kept answers. 404 when neither knows it.
   */
  getTask(region: string, cluster: string, taskId: string): Promise<TaskDetailResponse>;
}

/**
 * The ARNs a task id can have in a cluster: the current format (`task/<cluster>/<id>`) and the
 * older one (`task/<id>`). The account and partition come from the cluster's own ARN, since
 * DescribeTasks may echo a MISSING id back as given rather than as an ARN.
 */
function taskArnsOf(clusterArn: string | undefined, cluster: string, taskId: string): string[] {
  const parsed = clusterArn ? parseArn(clusterArn) : undefined;
  if (!parsed) return [];
  const prefix = `arn:${parsed.partition}:ecs:${parsed.region}:${parsed.accountId}:task/`;
  return [`${prefix}${cluster}/${taskId}`, `${prefix}${taskId}`];
}

async function fromHistory(
  history: HistoryStore | undefined,
  ref: ClusterRef,
  arns: string[],
): Promise<Awaited<ReturnType<HistoryStore['stoppedTask']>>> {
  for (const arn of history ? arns : []) {
    const kept = await history?.stoppedTask(ref, arn);
    if (kept) return kept;
  }
  return undefined;
}

/** `retentionDays`: how long the history keeps stopped tasks, for the 404's wording. */
export function createTaskDetailService(
  reads: EcsReads,
  history?: HistoryStore,
  retentionDays = DEFAULT_RETENTION_DAYS,
): TaskDetailService {
  return {
    async getTask(region, cluster, taskId) {
      const read = await reads.task(region, cluster, taskId);
      const task = read.value;
      if (task) {
        const { context, parts } = await loadTaskContext(reads, region, cluster, [task]);
        const mapped = toTask(task, context);
        return {
          task: mapped,
          ...(mapped.lastStatus === 'STOPPED' ? { diagnosis: diagnoseTaskStop(mapped) } : {}),
          source: 'aws',
          ...freshnessOf(read, ...parts),
        };
      }
      // MISSING: ECS forgot the task (or never had it). The history may have kept it.
      const clusterRead: CachedValue<{ clusterArn?: string }> = await reads.cluster(
        region,
        cluster,
      );
      const arns = taskArnsOf(clusterRead.value.clusterArn, cluster, taskId);
      const kept = await fromHistory(history, { region, cluster }, arns);
      if (!kept) {
        throw new NotFoundError(
          `Task ${taskId} is not in cluster ${cluster}: it may have stopped more than ${retentionDays} days ago.`,
        );
      }
      return {
        task: kept.task,
        diagnosis: kept.diagnosis,
        source: 'history',
        ...freshnessOf(read, clusterRead),
      };
    },
  };
}
