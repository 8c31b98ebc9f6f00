/** `?region=…` to keep the region in links, or nothing for the home region. */
export function regionSearch(region: string | undefined): string {
  return region ? `?region=${encodeURIComponent(region)}` : '';
}
