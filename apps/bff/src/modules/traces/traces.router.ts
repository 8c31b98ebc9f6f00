import {
  MAX_WINDOW_MS,
  normalizeTraceId,
  parseTimeWindow,
  ServiceMapQuery,
  ServiceMapResponse,
  TraceResponse,
  TracesQuery,
  TracesResponse,
  type TimeWindow,
} from '@deckhand/shared';
import { Router } from 'express';
import type { z } from 'zod';
import { InputError } from '../../http/errors.js';
import { sendRead } from '../../http/read-response.js';
import type { RegionResolver } from '../../http/region.js';
import type { TracesService } from './traces.service.js';

/** Parses a query with its shared schema; a failure is a 400 naming the parameter. */
function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const result = schema.safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join('.') || 'query';
    throw new InputError(`${name}: ${issue?.message ?? 'is invalid'}`);
  }
  return result.data;
}

function windowOf(query: { start?: string | undefined; end?: string | undefined }): TimeWindow {
  const result = parseTimeWindow(query, { maxMs: MAX_WINDOW_MS });
  if (!result.ok) throw new InputError(result.message);
  return result.window;
}

/** X-Ray routes: trace search, one trace, the service map. */
export function createTracesRouter(deps: {
  traces: TracesService;
  region: RegionResolver;
}): Router {
  const router = Router();

  router.get('/traces', async (req, res) => {
    const region = deps.region(req);
    const query = parseQuery(TracesQuery, req.query);
    const window = windowOf(query);
    // A token belongs to the window it was issued for; "the last 15 minutes" moves on.
    if (query.nextToken && window.relative) {
      throw new InputError(
        'nextToken needs the start and end of the page it came from (that answer’s start and end).',
      );
    }
    const answer = await deps.traces.listTraces(region, {
      window,
      filter: query.filter?.trim() || undefined,
      nextToken: query.nextToken || undefined,
      all: query.all === 'true',
    });
    sendRead(res, TracesResponse, answer);
  });

  router.get('/traces/:traceId', async (req, res) => {
    const region = deps.region(req);
    const traceId = normalizeTraceId(req.params.traceId);
    if (!traceId) {
      throw new InputError(
        'traceId must be an X-Ray trace id (1-5f84c3a5-…, 35 characters), a W3C trace id (32 hex) or an X-Amzn-Trace-Id header (Root=1-…).',
      );
    }
    sendRead(res, TraceResponse, await deps.traces.getTrace(region, traceId));
  });

  router.get('/service-map', async (req, res) => {
    const region = deps.region(req);
    const window = windowOf(parseQuery(ServiceMapQuery, req.query));
    sendRead(res, ServiceMapResponse, await deps.traces.serviceMap(region, window));
  });

  return router;
}
