import type { Deployment, ServiceEvent, Task, TaskStopDiagnosis } from '@deckhand/shared';
import type { ClusterRef, HistoryStore, ServiceRef } from '../store/types.js';

const serviceKey = (ref: ServiceRef) => `${ref.region}|${ref.cluster}|${ref.service}`;
const clusterKey = (ref: ClusterRef) => `${ref.region}|${ref.cluster}`;
const newestFirst = <T>(items: T[], at: (item: T) => string | undefined) =>
  [...items].sort((a, b) => (at(b) ?? '').localeCompare(at(a) ?? ''));

/** The HistoryStore contract in memory, for tests: no database, same answers. */
export class MemoryHistory implements HistoryStore {
  readonly events = new Map<string, Map<string, ServiceEvent>>();
  readonly stops = new Map<string, Map<string, { task: Task; diagnosis: TaskStopDiagnosis }>>();
  readonly deploymentsByService = new Map<string, Map<string, Deployment>>();
  /** Calls per method, so tests can see what the poller recorded. */
  readonly calls = { recordServiceEvents: 0, recordTaskStop: 0, recordDeployment: 0 };

  recordServiceEvents(ref: ServiceRef, events: ServiceEvent[]): Promise<ServiceEvent[]> {
    this.calls.recordServiceEvents += 1;
    const stored = this.slot(this.events, serviceKey(ref));
    const fresh = events.filter((event) => !stored.has(event.id));
    for (const event of fresh) stored.set(event.id, event);
    return Promise.resolve([...fresh].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
  }

  recordTaskStop(ref: ClusterRef, task: Task, diagnosis: TaskStopDiagnosis): Promise<void> {
    this.calls.recordTaskStop += 1;
    this.slot(this.stops, clusterKey(ref)).set(task.arn, { task, diagnosis });
    return Promise.resolve();
  }

  recordDeployment(ref: ServiceRef, deployment: Deployment): Promise<void> {
    this.calls.recordDeployment += 1;
    this.slot(this.deploymentsByService, serviceKey(ref)).set(deployment.id, deployment);
    return Promise.resolve();
  }

  serviceEvents(ref: ServiceRef, options: { limit: number }): Promise<ServiceEvent[]> {
    const stored = [...(this.events.get(serviceKey(ref))?.values() ?? [])];
    return Promise.resolve(newestFirst(stored, (e) => e.createdAt).slice(0, options.limit));
  }

  stoppedTasks(
    ref: ClusterRef,
    options: { service?: string; limit: number },
  ): Promise<{ task: Task; diagnosis: TaskStopDiagnosis }[]> {
    const stored = [...(this.stops.get(clusterKey(ref))?.values() ?? [])].filter(
      (entry) => options.service === undefined || entry.task.group === `service:${options.service}`,
    );
    return Promise.resolve(
      newestFirst(stored, (entry) => entry.task.stoppedAt).slice(0, options.limit),
    );
  }

  stoppedTask(
    ref: ClusterRef,
    taskArn: string,
  ): Promise<{ task: Task; diagnosis: TaskStopDiagnosis } | undefined> {
    return Promise.resolve(this.stops.get(clusterKey(ref))?.get(taskArn));
  }

  deployments(ref: ServiceRef, options: { limit: number }): Promise<Deployment[]> {
    const stored = [...(this.deploymentsByService.get(serviceKey(ref))?.values() ?? [])];
    return Promise.resolve(newestFirst(stored, (d) => d.createdAt).slice(0, options.limit));
  }

  purgeBefore(cutoff: Date): Promise<{ events: number; tasks: number; deployments: number }> {
    const limit = cutoff.toISOString();
    const purge = <T>(maps: Map<string, Map<string, T>>, at: (item: T) => string | undefined) => {
      let removed = 0;
      for (const stored of maps.values())
        for (const [key, item] of stored)
          if ((at(item) ?? '') < limit) {
            stored.delete(key);
            removed += 1;
          }
      return removed;
    };
    return Promise.resolve({
      events: purge(this.events, (e) => e.createdAt),
      tasks: purge(this.stops, (entry) => entry.task.stoppedAt),
      deployments: purge(this.deploymentsByService, (d) => d.updatedAt),
    });
  }

  private slot<T>(maps: Map<string, Map<string, T>>, key: string): Map<string, T> {
    let stored = maps.get(key);
    if (!stored) {
      stored = new Map();
      maps.set(key, stored);
    }
    return stored;
  }
}
