import { NotFoundError } from '../http/errors.js';
import type { TracesService } from '../modules/traces/traces.service.js';

const fresh = () => ({ stale: false, asOf: new Date(0).toISOString() });

/** A region without traces: searches and the service map are empty, any trace id is a 404. */
export function emptyTraces(overrides: Partial<TracesService> = {}): TracesService {
  return {
    listTraces: (_region, search) =>
      Promise.resolve({
        traces: [],
        scanned: 0,
        start: search.window.start.toISOString(),
        end: search.window.end.toISOString(),
        ...fresh(),
      }),
    getTrace: (_region, traceId) =>
      Promise.reject(new NotFoundError(`Trace ${traceId} was not found in this region.`)),
    serviceMap: (_region, window) =>
      Promise.resolve({
        nodes: [],
        edges: [],
        start: window.start.toISOString(),
        end: window.end.toISOString(),
        ...fresh(),
      }),
    ...overrides,
  };
}
