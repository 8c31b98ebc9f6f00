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
