import type { Cluster, EksCluster } from '@deckhand/shared';
import { reservedPercent } from '../../../lib/format';

export const SORT_KEYS = [
  'name',
  'flavor',
  'instances',
  'services',
  'tasks',
  'cpu',
  'memory',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export interface ClusterSort {
  key: SortKey;
  dir: SortDir;
}

const isSortKey = (value: string | null): value is SortKey =>
  SORT_KEYS.some((key) => key === value);

/** The sort of the URL (`?sort=cpu&dir=desc`); by name ascending when absent or unknown. */
export function parseSort(params: URLSearchParams): ClusterSort {
  const key = params.get('sort');
  const dir = params.get('dir');
  if (!isSortKey(key)) return { key: 'name', dir: dir === 'desc' ? 'desc' : 'asc' };
  return { key, dir: dir === 'desc' || dir === 'asc' ? dir : firstDir(key) };
}

/** Names read best A→Z; counts and reservations biggest first. */
export function firstDir(key: SortKey): SortDir {
  return key === 'name' || key === 'flavor' ? 'asc' : 'desc';
}

/** What a click on a column header sorts by: the other direction of the same column, or a new one. */
export function nextSort(current: ClusterSort, key: SortKey): ClusterSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: firstDir(key) };
}

/** A cluster's value in a column; a reservation of nothing registered sorts below 0 %. */
function value(cluster: Cluster, key: SortKey): string | number {
  switch (key) {
    case 'name':
      return cluster.name;
    case 'flavor':
      return cluster.flavor;
    case 'instances':
      return cluster.registeredContainerInstancesCount;
    case 'services':
      return cluster.activeServicesCount;
    case 'tasks':
      return cluster.runningTasksCount + cluster.pendingTasksCount;
    case 'cpu':
      return reservedPercent(cluster.cpu) ?? -1;
    case 'memory':
      return reservedPercent(cluster.memory) ?? -1;
  }
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** ECS clusters in the order asked for; ties broken by name so the order is stable. */
export function sortClusters(clusters: readonly Cluster[], { key, dir }: ClusterSort): Cluster[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...clusters].sort(
    (a, b) => sign * compare(value(a, key), value(b, key)) || compare(a.name, b.name),
  );
}

/** EKS clusters have no ECS counts: by name, in the direction asked for when sorting by name. */
export function sortEksClusters(clusters: readonly EksCluster[], sort: ClusterSort): EksCluster[] {
  const sign = sort.key === 'name' && sort.dir === 'desc' ? -1 : 1;
  return [...clusters].sort((a, b) => sign * compare(a.name, b.name));
}
