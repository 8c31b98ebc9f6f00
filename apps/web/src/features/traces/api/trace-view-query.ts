import { ErrorBody } from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiUrl } from '../../../lib/api-client';
import type { TraceView } from '../lib/trace-model';
import {
  countSpans,
  parseTraceView,
  WORKER_SPANS,
  type ParsedTraceView,
} from '../lib/trace-view-parse';
import { traceKeys } from './traces-queries';

async function errorOf(response: Response): Promise<ApiError> {
  const parsed = ErrorBody.safeParse(await response.json().catch(() => undefined));
  if (parsed.success) {
    const { code, message, requestId } = parsed.data.error;
    return new ApiError(response.status, code, message, requestId);
  }
  return new ApiError(response.status, 'http_error', `The server answered ${response.status}.`);
}

/** Parses a big body in the trace worker; settles once, and stops the worker on abort. */
function inWorker(body: string, signal: AbortSignal): Promise<ParsedTraceView> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../lib/trace.worker.ts', import.meta.url), {
      type: 'module',
    });
    const stop = () => {
      worker.terminate();
      reject(new DOMException('The trace request was aborted.', 'AbortError'));
    };
    signal.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<ParsedTraceView>) => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = () => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      // A worker that cannot start (an old browser, a CSP) still leaves the main thread.
      resolve(parseTraceView(body));
    };
    worker.postMessage(body);
  });
}

/**
 * `GET /traces/:id` as the waterfall needs it. The body is read as text so that a big trace
 * (past ~2,000 spans) is parsed, validated and turned into rows in a Web Worker; jsdom and
 * browsers without workers do it on the main thread.
 */
export async function fetchTraceView(
  region: string | undefined,
  traceId: string,
  signal: AbortSignal,
): Promise<TraceView> {
  const path = `/traces/${encodeURIComponent(traceId)}`;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, { region }), {
      headers: { accept: 'application/json' },
      signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Deckhand’s server cannot be reached.');
  }
  if (!response.ok) throw await errorOf(response);
  const body = await response.text();
  const big = typeof Worker !== 'undefined' && countSpans(body) > WORKER_SPANS;
  const parsed = big ? await inWorker(body, signal) : parseTraceView(body);
  if (!parsed.ok) {
    throw new ApiError(
      response.status,
      'invalid_response',
      `The server’s answer to ${path} did not match the contract (${parsed.problem}).`,
    );
  }
  return parsed.view;
}

/** One trace as its row model. A complete trace no longer changes. */
export function traceViewQueryOptions(region: string | undefined, traceId: string) {
  return queryOptions({
    queryKey: [...traceKeys.detail(region, traceId), 'view'] as const,
    queryFn: ({ signal }) => fetchTraceView(region, traceId, signal),
    staleTime: 60_000,
  });
}
