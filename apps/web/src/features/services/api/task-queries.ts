import { TaskDefinitionResponse, TaskDetailResponse } from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { ecsKeys, taskPath, type TaskScope } from './ecs-keys';

/**
 * One task with its stop diagnosis (`GET …/tasks/:task`). The cluster feed keeps it current
 * (task.started / task.stopped for this id), so it is not polled.
 */
export function taskDetailQueryOptions(scope: TaskScope) {
  return queryOptions({
    queryKey: ecsKeys.taskDetail(scope),
    queryFn: ({ signal }) =>
      getJson(taskPath(scope), TaskDetailResponse, { signal, query: { region: scope.region } }),
    staleTime: 60_000,
  });
}

/** One registered revision, as registered: it never changes, so it is kept as long as it is shown. */
export function taskDefinitionQueryOptions(scope: {
  region: string | undefined;
  family: string;
  revision: number;
}) {
  return queryOptions({
    queryKey: ecsKeys.taskDefinition(scope),
    queryFn: ({ signal }) =>
      getJson(
        `/task-definitions/${encodeURIComponent(scope.family)}/${scope.revision}`,
        TaskDefinitionResponse,
        { signal, query: { region: scope.region } },
      ),
    staleTime: Infinity,
  });
}
