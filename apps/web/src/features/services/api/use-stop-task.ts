import { StopTaskResponse, type TaskDetailResponse, type TasksResponse } from '@deckhand/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../lib/api-client';
import { replaceTask } from '../lib/live-reducers';
import { replaceDetailTask } from '../lib/task-detail';
import { clusterPath, isClusterKey, type ClusterScope } from './ecs-keys';

export interface StopTaskVariables {
  task: string;
  reason: string;
  /** The task id again: the BFF refuses a stop without it. */
  confirm: string;
  idempotencyKey: string;
}

/**
 * Stops a task (`POST …/tasks/:task/stop`). The answer (desired status STOPPED) replaces the task
 * where a list or the task page shows it; the `task.stopped` event then moves it to the stopped list.
 */
export function useStopTask(scope: ClusterScope) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ task, reason, confirm, idempotencyKey }: StopTaskVariables) =>
      sendJson(
        'POST',
        `${clusterPath(scope)}/tasks/${encodeURIComponent(task)}/stop`,
        { reason, confirm },
        StopTaskResponse,
        { query: { region: scope.region }, idempotencyKey },
      ),
    onSuccess: ({ task }) => {
      client.setQueriesData<TasksResponse>(
        {
          queryKey: ['ecs', 'tasks', 'list'],
          predicate: (query) => isClusterKey(query.queryKey, scope),
        },
        (data) => data && replaceTask(data, task),
      );
      client.setQueriesData<TaskDetailResponse>(
        {
          queryKey: ['ecs', 'tasks', 'detail'],
          predicate: (query) => isClusterKey(query.queryKey, scope),
        },
        (data) => data && replaceDetailTask(data, task),
      );
    },
  });
}
