/*
 * The view state of the cluster page's tables lives in the URL (a reload or a shared link keeps
 * the view): `?tasks=STOPPED&tq=…&tsort=started&tdir=desc` for tasks, `?sq=…&ssort=…&sdir=…`
 * for services. These helpers read it with fallbacks and write it leaving defaults out.
 */

export type SortDirection = 'asc' | 'desc';

export interface SortState<K extends string> {
  column: K;
  direction: SortDirection;
}

export interface SortParams {
  sort: string;
  dir: string;
}

export const TASK_PARAMS = { status: 'tasks', filter: 'tq', sort: 'tsort', dir: 'tdir' } as const;
export const SERVICE_PARAMS = { filter: 'sq', sort: 'ssort', dir: 'sdir' } as const;

/** The sort the URL asks for, when it names a known column; else `fallback`. */
export function readSort<K extends string>(
  params: URLSearchParams,
  names: SortParams,
  columns: readonly K[],
  fallback: SortState<K>,
): SortState<K> {
  const asked = params.get(names.sort);
  const column = columns.find((candidate) => candidate === asked);
  if (column === undefined) return fallback;
  const dir = params.get(names.dir);
  if (dir === 'asc' || dir === 'desc') return { column, direction: dir };
  return { column, direction: column === fallback.column ? fallback.direction : 'asc' };
}

/** A click on a header: the same column flips; another starts in its natural direction. */
export function nextSort<K extends string>(
  current: SortState<K>,
  column: K,
  firstDirection: SortDirection = 'asc',
): SortState<K> {
  if (current.column === column)
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: firstDirection };
}

/** A copy of `params` with `updates` applied; undefined or empty values are removed. */
export function withParams(
  params: URLSearchParams,
  updates: Record<string, string | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(updates)) {
    if (value === undefined || value === '') next.delete(name);
    else next.set(name, value);
  }
  return next;
}

/** The URL form of a sort. */
export function sortParams<K extends string>(
  names: SortParams,
  sort: SortState<K>,
): Record<string, string> {
  return { [names.sort]: sort.column, [names.dir]: sort.direction };
}

/** Which task list the cluster page shows: `?tasks=STOPPED` (any case), else RUNNING. */
export function readTaskStatus(params: URLSearchParams): 'RUNNING' | 'STOPPED' {
  return params.get(TASK_PARAMS.status)?.toUpperCase() === 'STOPPED' ? 'STOPPED' : 'RUNNING';
}

/** `aria-sort` of a header. */
export function ariaSort<K extends string>(
  sort: SortState<K>,
  column: K,
): 'ascending' | 'descending' | undefined {
  if (sort.column !== column) return undefined;
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}
