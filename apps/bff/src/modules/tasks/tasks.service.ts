import type { Task as SdkTask } from '@aws-sdk/client-ecs';
import type { TasksQuery, TasksResponse } from '@deckhand/shared';
import type { CachedValue } from '../../aws/read-cache.js';
import { failuresField } from '../../aws/describe-failures.js';
import type { EcsReads } from '../../aws/ecs-reads.js';
import { freshnessOf, type ReadView } from '../../http/read-response.js';
import type { HistoryStore } from '../../store/types.js';
import { MAX_KEPT_STOPPED_TASKS, mergeStoppedTasks } from '../history-merge.js';
import { createTaskDetailService, type TaskDetailService } from './task-detail.service.js';
import { loadTaskContext } from './task-context.js';
import { toTask } from './tasks.mapper.js';

export interface TasksService extends TaskDetailService {
  /**
   * A cluster's tasks with one desired status, optionally of one service, newest first. STOPPED
   * lists add the stopped tasks the history kept after AWS stopped listing them (~1 hour).
   */
  listTasks(region: string, cluster: string, query: TasksQuery): Promise<TasksResponse>;
  /** The same, as a view the router can memoise on its cache entries. */
  viewTasks(region: string, cluster: string, query: TasksQuery): Promise<ReadView<TasksResponse>>;
}

const newestFirst = (
  a: { createdAt?: string; id: string },
  b: { createdAt?: string; id: string },
) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.id.localeCompare(b.id);

/** `retentionDays`: how long `history` keeps stopped tasks (said in a missing task's 404). */
export function createTasksService(
  reads: EcsReads,
  history?: HistoryStore,
  retentionDays?: number,
): TasksService {
  const viewTasks = async (
    region: string,
    cluster: string,
    { service, desiredStatus }: TasksQuery,
  ): Promise<ReadView<TasksResponse>> => {
    const tasks: CachedValue<SdkTask[]> = service
      ? await reads.serviceTasks(region, cluster, service, desiredStatus)
      : await reads.tasks(region, cluster, desiredStatus);
    const { context, parts: contextParts } = await loadTaskContext(
      reads,
      region,
      cluster,
      tasks.value,
    );
    const kept =
      history && desiredStatus === 'STOPPED'
        ? (
            await history.stoppedTasks(
              { region, cluster },
              { ...(service ? { service } : {}), limit: MAX_KEPT_STOPPED_TASKS },
            )
          ).map((entry) => entry.task)
        : [];
    const parts = [tasks, ...contextParts];
    return {
      parts,
      // The history changes without AWS's answers changing: its newest stop is part of the memo key.
      stamp: kept.length > 0 ? `${kept.length}:${kept[0]?.stoppedAt ?? ''}` : undefined,
      build: (): TasksResponse => ({
        tasks: mergeStoppedTasks(
          tasks.value.map((task) => toTask(task, context)).sort(newestFirst),
          kept,
        ),
        // Tasks ECS listed but could not describe (stopped and gone in between) are shown.
        ...failuresField(tasks.value),
        ...freshnessOf(...parts),
      }),
    };
  };
  return {
    ...createTaskDetailService(reads, history, retentionDays),
    viewTasks,
    async listTasks(region, cluster, query) {
      return (await viewTasks(region, cluster, query)).build();
    },
  };
}
