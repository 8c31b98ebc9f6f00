/**
 * A path inside the console that keeps the region the user is looking at: every view reads
 * `?region=`, so moving between views must carry it.
 */
export function withRegion(path: string, search: URLSearchParams | string): string {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const region = params.get('region');
  return region ? `${path}?region=${encodeURIComponent(region)}` : path;
}
