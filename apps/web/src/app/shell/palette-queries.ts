import { Task } from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, getJson, type RequestOptions } from '../../lib/api-client';

/*
 * The palette's task lookup. Its key starts with 'palette': the task page's query of the same
 * route keeps a different answer (null for "not in this cluster" is the palette's alone).
 */

export const paletteKeys = {
  task: (region: string | undefined, cluster: string, task: string) =>
    ['palette', 'task', { region: region ?? null, cluster, task }] as const,
};

/** `GET …/tasks/:task` answers more (a stop diagnosis); the palette needs only that it exists. */
const TaskLookupResponse = z.object({ task: Task });

/**
 * Whether the task is in the cluster: its id when it is, `null` when the BFF answers 404 (the
 * task belongs to another cluster). Other failures throw.
 */
export async function lookupTask(
  cluster: string,
  task: string,
  options: RequestOptions,
): Promise<string | null> {
  try {
    const found = await getJson(
      `/clusters/${encodeURIComponent(cluster)}/tasks/${encodeURIComponent(task)}`,
      TaskLookupResponse,
      options,
    );
    return found.task.id;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Looks for one task id in one cluster (the palette asks every cluster at once). */
export function paletteTaskQueryOptions(region: string | undefined, cluster: string, task: string) {
  return queryOptions({
    queryKey: paletteKeys.task(region, cluster, task),
    queryFn: ({ signal }) => lookupTask(cluster, task, { signal, query: { region } }),
    staleTime: 60_000,
  });
}
