/**
 * Query keys of one cluster's ECS data. They start generic and always carry region and cluster
 * (`null` region: the BFF's home region), so one predicate finds everything a cluster shows.
 */

export interface ClusterScope {
  /** `?region=` of the URL; undefined means the BFF's home region. */
  region: string | undefined;
  cluster: string;
}

export interface ServiceScope extends ClusterScope {
  service: string;
}

export interface TaskScope extends ClusterScope {
  /** The task id (the last part of its ARN). */
  task: string;
}

export type DesiredStatus = 'RUNNING' | 'STOPPED';

export interface TasksScope extends ClusterScope {
  service: string | undefined;
  desiredStatus: DesiredStatus;
}

const where = ({ region, cluster }: ClusterScope) => ({ region: region ?? null, cluster });

export const ecsKeys = {
  clusterDetail: (scope: ClusterScope) => ['ecs', 'clusters', 'detail', where(scope)] as const,
  servicesList: (scope: ClusterScope) => ['ecs', 'services', 'list', where(scope)] as const,
  serviceDetail: (scope: ServiceScope) =>
    ['ecs', 'services', 'detail', { ...where(scope), service: scope.service }] as const,
  tasksList: (scope: TasksScope) =>
    [
      'ecs',
      'tasks',
      'list',
      { ...where(scope), service: scope.service ?? null, desiredStatus: scope.desiredStatus },
    ] as const,
  instancesList: (scope: ClusterScope) => ['ecs', 'instances', 'list', where(scope)] as const,
  taskDetail: (scope: TaskScope) =>
    ['ecs', 'tasks', 'detail', { ...where(scope), task: scope.task }] as const,
  /** A revision belongs to no cluster: its key has no cluster, so cluster-wide resets skip it. */
  taskDefinition: (scope: { region: string | undefined; family: string; revision: number }) =>
    [
      'ecs',
      'task-definitions',
      'detail',
      { region: scope.region ?? null, family: scope.family, revision: scope.revision },
    ] as const,
};

/** The scope object of an ECS key, when the key is one of a cluster's. */
export function keyScope(
  key: readonly unknown[],
): { region: string | null; cluster: string; [field: string]: unknown } | undefined {
  const scope = key[3];
  if (key[0] !== 'ecs' || typeof scope !== 'object' || scope === null) return undefined;
  const { region, cluster } = scope as Record<string, unknown>;
  if (typeof cluster !== 'string' || (region !== null && typeof region !== 'string'))
    return undefined;
  return { ...(scope as Record<string, unknown>), region, cluster };
}

/** Whether a query key holds data of the cluster in `scope`. */
export function isClusterKey(key: readonly unknown[], scope: ClusterScope): boolean {
  const found = keyScope(key);
  return (
    found !== undefined && found.cluster === scope.cluster && found.region === where(scope).region
  );
}

/** `/clusters/<cluster>` with the names encoded. */
export function clusterPath(scope: ClusterScope): string {
  return `/clusters/${encodeURIComponent(scope.cluster)}`;
}

export function servicePath(scope: ServiceScope): string {
  return `${clusterPath(scope)}/services/${encodeURIComponent(scope.service)}`;
}

/** `/clusters/<cluster>/tasks/<task>`: the task page, and its BFF route under `/api/v1`. */
export function taskPath(scope: TaskScope): string {
  return `${clusterPath(scope)}/tasks/${encodeURIComponent(scope.task)}`;
}
