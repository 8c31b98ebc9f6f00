/**
 * The traces feature's query keys. The queries themselves sit with their views:
 * `trace-search-queries.ts` (search pages), `trace-view-query.ts` (one trace, parsed into rows),
 * `span-task-query.ts` and `service-map-queries.ts`.
 */
const where = (region: string | undefined) => ({ region: region ?? null });

export const traceKeys = {
  all: ['xray', 'traces'] as const,
  detail: (region: string | undefined, traceId: string) =>
    [...traceKeys.all, 'detail', { ...where(region), traceId }] as const,
};
