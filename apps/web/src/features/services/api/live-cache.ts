import type {
  LiveEvent,
  ServiceDetailResponse,
  ServicesResponse,
  TaskDetailResponse,
  TasksResponse,
} from '@deckhand/shared';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { applyToServiceDetail, applyToServices, applyToTasks } from '../lib/live-reducers';
import { applyToTaskDetail } from '../lib/task-detail';
import { isClusterKey, keyScope, type ClusterScope } from './ecs-keys';

/** Applies `reduce` to every cached answer under `prefix` of the cluster; writes only real changes. */
function update<T>(
  client: QueryClient,
  scope: ClusterScope,
  prefix: QueryKey,
  reduce: (data: T, key: QueryKey) => T,
): void {
  const queries = client.getQueryCache().findAll({
    queryKey: prefix,
    predicate: (query) => isClusterKey(query.queryKey, scope),
  });
  for (const query of queries) {
    const data = query.state.data as T | undefined;
    if (data === undefined) continue;
    const next = reduce(data, query.queryKey);
    if (next !== data) client.setQueryData(query.queryKey, next);
  }
}

/** One live event into every cached answer of the cluster it concerns, by the pure reducers. */
export function applyLiveEvent(client: QueryClient, scope: ClusterScope, event: LiveEvent): void {
  if (event.cluster !== scope.cluster) return;
  update<ServicesResponse>(client, scope, ['ecs', 'services', 'list'], (data) =>
    applyToServices(data, event),
  );
  update<ServiceDetailResponse>(client, scope, ['ecs', 'services', 'detail'], (data) =>
    applyToServiceDetail(data, event),
  );
  update<TasksResponse>(client, scope, ['ecs', 'tasks', 'list'], (data, key) => {
    const found = keyScope(key);
    const service = typeof found?.service === 'string' ? found.service : undefined;
    const desiredStatus = found?.desiredStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING';
    return applyToTasks(data, event, { service, desiredStatus });
  });
  update<TaskDetailResponse>(client, scope, ['ecs', 'tasks', 'detail'], (data) =>
    applyToTaskDetail(data, event),
  );
}

/** Reloads everything shown of the cluster (after a reset or a reconnect: events may be lost). */
export function invalidateCluster(client: QueryClient, scope: ClusterScope): Promise<void> {
  return client.invalidateQueries({
    queryKey: ['ecs'],
    predicate: (query) => isClusterKey(query.queryKey, scope),
  });
}
