import type { ImageUsage, TaskDefinitionUsage } from '@deckhand/shared';

/** One running task of a service that runs the image; `drift`: started from a tag since moved. */
export interface TaskUse {
  taskId: string;
  drift: boolean;
}

/** The running tasks of one service (or the standalone tasks of a cluster) that run an image. */
export interface ServiceUse {
  cluster: string;
  /** Undefined for tasks no service started. */
  service: string | undefined;
  /** Each task once (a task with two containers on the image counts once), by id. */
  tasks: TaskUse[];
  /** Some task was started from a tag that now points to another image. */
  drift: boolean;
}

export interface GroupedUsage {
  services: ServiceUse[];
  taskDefinitions: TaskDefinitionUsage[];
}

/** Folds an image's task usages into one line per service, keeping task definitions apart. */
export function groupUsage(usedBy: readonly ImageUsage[]): GroupedUsage {
  const services = new Map<string, ServiceUse & { byId: Map<string, TaskUse> }>();
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
      tasks: [],
      drift: false,
      byId: new Map<string, TaskUse>(),
    };
    const task = entry.byId.get(usage.taskId) ?? { taskId: usage.taskId, drift: false };
    task.drift ||= usage.drift;
    entry.byId.set(usage.taskId, task);
    entry.drift ||= usage.drift;
    services.set(key, entry);
  }
  return {
    services: [...services.values()]
      .map(({ byId, ...use }) => ({
        ...use,
        tasks: [...byId.values()].sort((a, b) => a.taskId.localeCompare(b.taskId)),
      }))
      .sort(
        (a, b) =>
          a.cluster.localeCompare(b.cluster) || (a.service ?? '').localeCompare(b.service ?? ''),
      ),
    taskDefinitions,
  };
}
