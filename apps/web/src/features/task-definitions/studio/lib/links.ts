/** Links into the studio and the compare page, keeping `?region=`. */

const familyPath = (family: string) => `/task-definitions/${encodeURIComponent(family)}`;

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The studio on a new revision from `family:revision`. */
export function editRevisionPath(family: string, revision: number, region: string | undefined) {
  return withQuery(`${familyPath(family)}/${revision}/edit`, { region });
}

/** The studio on a new task definition. */
export function newTaskDefinitionPath(region: string | undefined) {
  return withQuery('/task-definitions/new', { region });
}

/** Two revisions of a family compared (either end may be left to the page's defaults). */
export function comparePath(
  family: string,
  { from, to }: { from?: number | undefined; to?: number | undefined },
  region: string | undefined,
) {
  return withQuery(`${familyPath(family)}/compare`, { from, to, region });
}
