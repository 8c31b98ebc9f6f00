/** `?region=…` to keep the region in links, or nothing for the home region. */
export function regionSearch(region: string | undefined): string {
  return region ? `?region=${encodeURIComponent(region)}` : '';
}

/** A copy of the search params with `key` set to `value`, or removed when `value` is empty. */
export function withParam(params: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

export interface SortState<K extends string> {
  key: K;
  descending: boolean;
}

/** `?sort=name` (ascending) or `?sort=-name` (descending); unknown keys fall back. */
export function parseSort<K extends string>(
  value: string | null,
  keys: readonly K[],
  fallback: SortState<K>,
): SortState<K> {
  if (!value) return fallback;
  const descending = value.startsWith('-');
  const key = keys.find((candidate) => candidate === (descending ? value.slice(1) : value));
  return key ? { key, descending } : fallback;
}

export function formatSort<K extends string>(sort: SortState<K>): string {
  return `${sort.descending ? '-' : ''}${sort.key}`;
}

/** Clicking a column: the same column flips direction, another starts ascending. */
export function toggleSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  return current.key === key
    ? { key, descending: !current.descending }
    : { key, descending: false };
}
