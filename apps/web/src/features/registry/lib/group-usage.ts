import type { ImageUsage, TaskDefinitionUsage } from '@deckhand/shared';

/** The running tasks of one service (or the standalone tasks of a cluster) that run an image. */
export interface ServiceUse {
  cluster: string;
  /** Undefined for tasks no service started. */
  service: string | undefined;
  tasks: number;
  /** Some task was started from a tag that now points to another image. */
  drift: boolean;
}

export interface GroupedUsage {
  services: ServiceUse[];
  taskDefinitions: TaskDefinitionUsage[];
}

/** Folds an image's task usages into one line per service, keeping task definitions apart. */
export function groupUsage(usedBy: readonly ImageUsage[]): GroupedUsage {
  const services = new Map<string, ServiceUse & { taskIds: Set<string> }>();
  const taskDefinitions: TaskDefinitionUsage[] = [];
  for (const usage of usedBy) {
    if (usage.kind === 'task-definition') {
      taskDefinitions.push(usage);
      continue;
    }
    const key = `${usage.cluster}\u0000${usage.service ?? ''}`;
    const entry = services.get(key) ?? {
      cluster: usage.cluster,
      service: usage.service,
      tasks: 0,
      drift: false,
      taskIds: new Set<string>(),
    };
    entry.taskIds.add(usage.taskId);
    entry.tasks = entry.taskIds.size;
    entry.drift ||= usage.drift;
    services.set(key, entry);
  }
  return {
    services: [...services.values()]
      .map(({ taskIds: _taskIds, ...use }) => use)
      .sort(
        (a, b) =>
          a.cluster.localeCompare(b.cluster) || (a.service ?? '').localeCompare(b.service ?? ''),
      ),
    taskDefinitions,
  };
}
