import {
  BatchGetTracesCommand,
  GetServiceGraphCommand,
  GetTraceSummariesCommand,
  type Service,
  type Trace,
  type TraceSummary,
} from '@aws-sdk/client-xray';
import { chunk, collectPages, mapLimit } from './batch.js';
import type { AwsClients } from './clients.js';
import { cachedRead, type CachedValue, type ReadCache } from './read-cache.js';

/** API maxima (REFERENCE.md §2). */
export const XRAY_LIMITS = {
  /** BatchGetTraces takes 1–5 trace ids. */
  batchGetTraces: 5,
} as const;

/** BatchGetTraces calls in flight at once per read. */
const CONCURRENCY = 4;

export interface SummariesQuery {
  start: Date;
  end: Date;
  filter?: string | undefined;
  nextToken?: string | undefined;
  /** Follow NextToken to the end instead of stopping after one page. */
  all?: boolean;
  /**
   * "The last N minutes" rather than fixed times: such reads share one cache entry, so identical
   * requests coalesce and the last good answer can stand in while X-Ray throttles.
   */
  relative?: boolean;
}

export interface SummariesPage {
  summaries: TraceSummary[];
  /** TracesProcessedCount, summed over the pages read. */
  scanned: number;
  nextToken?: string;
  approximateTime?: Date;
  /** The window this answer searched (a relative window resolved when it was read). */
  start: Date;
  end: Date;
}

export interface TracesRead {
  traces: Trace[];
  /** Ids X-Ray did not return (unknown, expired, or not processed). */
  unprocessed: string[];
}

export interface ServiceGraphRead {
  services: Service[];
  start: Date;
  end: Date;
}

/**
 * Every X-Ray read, in the style of EcsReads: trace summaries a page at a time (a trace search
 * can be long, so the route offers "load more") or to the end when asked; BatchGetTraces in
 * batches of 5; the service graph paginated to the end. Each answer is cached briefly, shared by
 * identical concurrent requests, and served stale while X-Ray throttles or is down.
 */
export class XrayReads {
  constructor(
    private readonly clients: AwsClients,
    private readonly cache: ReadCache,
  ) {}

  summaries(region: string, query: SummariesQuery): Promise<CachedValue<SummariesPage>> {
    const windowKey = query.relative
      ? `last:${query.end.getTime() - query.start.getTime()}`
      : `${query.start.getTime()}-${query.end.getTime()}`;
    const key = `${region}:xray:summaries:${JSON.stringify([windowKey, query.filter ?? '', query.nextToken ?? '', query.all === true])}`;
    return this.cached(key, 'Searching traces', async () => {
      const xray = this.clients.xray(region);
      const page: SummariesPage = {
        summaries: [],
        scanned: 0,
        start: query.start,
        end: query.end,
      };
      let token = query.nextToken;
      do {
        const answer = await xray.send(
          new GetTraceSummariesCommand({
            StartTime: query.start,
            EndTime: query.end,
            FilterExpression: query.filter || undefined,
            NextToken: token,
          }),
        );
        page.summaries.push(...(answer.TraceSummaries ?? []));
        page.scanned += answer.TracesProcessedCount ?? 0;
        if (answer.ApproximateTime) page.approximateTime = answer.ApproximateTime;
        token = answer.NextToken || undefined;
      } while (query.all && token);
      if (token) page.nextToken = token;
      return page;
    });
  }

  /** Full traces by id (deduplicated), fetched in batches of 5, each batch's pages followed. */
  traces(region: string, ids: readonly string[]): Promise<CachedValue<TracesRead>> {
    const unique = [...new Set(ids)];
    const key = `${region}:xray:traces:${[...unique].sort().join(',')}`;
    const what = unique.length === 1 ? `Reading trace ${unique[0] ?? ''}` : 'Reading traces';
    return this.cached(key, what, async () => {
      const xray = this.clients.xray(region);
      const batches = await mapLimit(
        chunk(unique, XRAY_LIMITS.batchGetTraces),
        CONCURRENCY,
        async (batch) => {
          const unprocessed: string[] = [];
          const traces = await collectPages(async (nextToken) => {
            const answer = await xray.send(
              new BatchGetTracesCommand({ TraceIds: batch, NextToken: nextToken }),
            );
            unprocessed.push(...(answer.UnprocessedTraceIds ?? []));
            return { items: answer.Traces, nextToken: answer.NextToken || undefined };
          });
          return { traces, unprocessed };
        },
      );
      return {
        traces: batches.flatMap((batch) => batch.traces),
        unprocessed: batches.flatMap((batch) => batch.unprocessed),
      };
    });
  }

  serviceGraph(
    region: string,
    window: { start: Date; end: Date; relative?: boolean },
  ): Promise<CachedValue<ServiceGraphRead>> {
    const windowKey = window.relative
      ? `last:${window.end.getTime() - window.start.getTime()}`
      : `${window.start.getTime()}-${window.end.getTime()}`;
    return this.cached(`${region}:xray:graph:${windowKey}`, 'Reading the service map', async () => {
      const xray = this.clients.xray(region);
      const services = await collectPages(async (nextToken) => {
        const answer = await xray.send(
          new GetServiceGraphCommand({
            StartTime: window.start,
            EndTime: window.end,
            NextToken: nextToken,
          }),
        );
        return { items: answer.Services, nextToken: answer.NextToken || undefined };
      });
      return { services, start: window.start, end: window.end };
    });
  }

  private cached<T>(key: string, what: string, load: () => Promise<T>): Promise<CachedValue<T>> {
    return cachedRead(this.cache, key, what, load);
  }
}
