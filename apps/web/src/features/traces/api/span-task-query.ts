import { TaskDetailResponse, type EcsTaskLink } from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { traceKeys } from './traces-queries';

/**
 * The ECS task a span ran in, for the name of its service (the task's group `service:<name>`);
 * X-Ray's `aws.ecs` names the task and cluster but not the service.
 */
export function spanTaskQueryOptions(region: string | undefined, link: EcsTaskLink) {
  return queryOptions({
    queryKey: [...traceKeys.all, 'span-task', { region: region ?? null, ...link }] as const,
    queryFn: ({ signal }) =>
      getJson(
        `/clusters/${encodeURIComponent(link.cluster)}/tasks/${encodeURIComponent(link.taskId)}`,
        TaskDetailResponse,
        { signal, query: { region } },
      ),
    staleTime: 60_000,
    retry: false,
    select: (answer) => {
      const group = answer.task.group ?? '';
      return group.startsWith('service:') ? group.slice('service:'.length) : undefined;
    },
  });
}
