import { TraceResponse } from '@deckhand/shared';
import { buildTraceModel, type TraceView } from './trace-model';

export type ParsedTraceView = { ok: true; view: TraceView } | { ok: false; problem: string };

/**
 * The BFF's `GET /traces/:id` body → the trace view: JSON parse, the shared zod contract, the
 * row model. Runs in the trace worker for big traces and on the main thread for the others.
 */
export function parseTraceView(body: string): ParsedTraceView {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const parsed = TraceResponse.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'does not match the contract' };
  const { trace, ...freshness } = parsed.data;
  const { segments, ...detail } = trace;
  return {
    ok: true,
    view: {
      ...freshness,
      trace: detail,
      model: buildTraceModel({ segments, criticalPath: detail.criticalPath }),
    },
  };
}

/** Past this many spans the parse and the row building move to a Web Worker. */
export const WORKER_SPANS = 2_000;

/**
 * Spans in a body, counted without parsing it, up to `limit`: every span carries one `"depth":`
 * key (a metadata key of that name may add a few: the threshold is approximate anyway).
 */
export function countSpans(body: string, limit = WORKER_SPANS + 1): number {
  let count = 0;
  for (let at = body.indexOf('"depth":'); at !== -1 && count < limit; count += 1)
    at = body.indexOf('"depth":', at + 8);
  return count;
}
