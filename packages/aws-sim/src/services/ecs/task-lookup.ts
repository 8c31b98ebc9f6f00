import type { ClusterRecord, TaskRecord } from '../../engine/model.js';
import type { RegionState } from '../../engine/region-state.js';

/** A task's ARN from its id or either ARN format (`task/<id>` or `task/<cluster>/<id>`). */
export function taskArnOf(state: RegionState, cluster: ClusterRecord, idOrArn: string): string {
  const id = idOrArn.startsWith('arn:') ? (idOrArn.split('/').pop() ?? '') : idOrArn;
  return state.arn('ecs', `task/${cluster.name}/${id}`);
}

export function findTask(
  state: RegionState,
  cluster: ClusterRecord,
  idOrArn: string,
): TaskRecord | undefined {
  const task = state.tasks.get(taskArnOf(state, cluster, idOrArn));
  return task && task.clusterArn === cluster.arn ? task : undefined;
}
