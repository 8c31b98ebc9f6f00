/** A revision number from the URL: a positive integer, or undefined. */
export function parseRevisionNumber(value: string | null | undefined): number | undefined {
  return value && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : undefined;
}

/**
 * The revisions to compare: `to` from the URL or the newest; `from` from the URL or the revision
 * before `to` (the highest listed one below it, else `to - 1`).
 */
export function compareDefaults(
  params: { from: string | null; to: string | null },
  revisions: readonly { revision: number }[] | undefined,
): { from: number | undefined; to: number | undefined } {
  const newest = revisions?.reduce<number | undefined>(
    (max, { revision }) => (max === undefined || revision > max ? revision : max),
    undefined,
  );
  const to = parseRevisionNumber(params.to) ?? newest;
  const explicitFrom = parseRevisionNumber(params.from);
  if (explicitFrom !== undefined || to === undefined) return { from: explicitFrom, to };
  const below = revisions
    ?.map(({ revision }) => revision)
    .filter((revision) => revision < to)
    .sort((x, y) => y - x)[0];
  return { from: below ?? (to > 1 ? to - 1 : undefined), to };
}
