import type {
  ServiceMapResponse,
  TimeWindow,
  TraceResponse,
  TraceSummary,
  TracesResponse,
} from '@deckhand/shared';
import { NotFoundError } from '../../http/errors.js';
import { freshnessOf } from '../../http/read-response.js';
import type { XrayReads } from '../../aws/xray-reads.js';
import { toServiceMap } from './service-map.mapper.js';
import { toTraceDetail, toTraceSummary } from './traces.mapper.js';

export interface TraceSearch {
  window: TimeWindow;
  /** An X-Ray filter expression, passed through (X-Ray's own errors come back as 400). */
  filter?: string | undefined;
  /** From the previous page, with that page's window. */
  nextToken?: string | undefined;
  /** Read every page instead of one. */
  all?: boolean;
}

export interface TracesService {
  /** One page of trace summaries, newest first, with a token for the next (older) page. */
  listTraces(region: string, search: TraceSearch): Promise<TracesResponse>;
  /** One trace as a span tree; NotFoundError when X-Ray does not know it. */
  getTrace(region: string, traceId: string): Promise<TraceResponse>;
  /** The service graph of a window, every page merged. */
  serviceMap(region: string, window: TimeWindow): Promise<ServiceMapResponse>;
}

/** X-Ray reads: trace search, one trace's span tree, the service map. */
export function createTracesService(reads: XrayReads): TracesService {
  return {
    async listTraces(region, search) {
      const answer = await reads.summaries(region, {
        start: search.window.start,
        end: search.window.end,
        relative: search.window.relative,
        filter: search.filter,
        nextToken: search.nextToken,
        all: search.all === true,
      });
      const page = answer.value;
      return {
        traces: page.summaries
          .map(toTraceSummary)
          .filter((summary): summary is TraceSummary => summary !== undefined),
        scanned: page.scanned,
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
        ...(page.approximateTime ? { approximateTime: page.approximateTime.toISOString() } : {}),
        start: page.start.toISOString(),
        end: page.end.toISOString(),
        ...freshnessOf(answer),
      };
    },

    async getTrace(region, traceId) {
      const answer = await reads.traces(region, [traceId]);
      const found = answer.value.traces.find((trace) => trace.Id?.toLowerCase() === traceId);
      // X-Ray lists an id it does not know in UnprocessedTraceIds, or just returns nothing.
      if (!found || (found.Segments ?? []).length === 0) {
        throw new NotFoundError(
          `Trace ${traceId} was not found in this region (X-Ray keeps traces for 30 days).`,
        );
      }
      return { trace: toTraceDetail(found, traceId), ...freshnessOf(answer) };
    },

    async serviceMap(region, window) {
      const answer = await reads.serviceGraph(region, window);
      return {
        ...toServiceMap(answer.value.services),
        start: answer.value.start.toISOString(),
        end: answer.value.end.toISOString(),
        ...freshnessOf(answer),
      };
    },
  };
}
