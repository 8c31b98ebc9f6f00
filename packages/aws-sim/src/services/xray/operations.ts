import { serializationError } from '../../protocol/errors.js';
import type { RestContext } from '../../protocol/rest-json.js';
import { traceFacts } from './analysis.js';
import { assembleTrace } from './assemble.js';
import { invalidRequest } from './errors.js';
import { buildServices } from './graph.js';
import { optionalText, timeWindow, traceIdList } from './input.js';
import { samplingRules, samplingTargets } from './sampling.js';
import type { StoredTrace } from './store.js';

/** PutTraceSegments takes at most 50 documents per call (REFERENCE §2). */
export const MAX_DOCUMENTS_PER_PUT = 50;

/** PutTraceSegments: every valid document is stored; the others come back as unprocessed. */
export function putTraceSegments({ body, state, clock }: RestContext) {
  const documents = body.TraceSegmentDocuments;
  if (documents === undefined || documents === null)
    throw invalidRequest('TraceSegmentDocuments is required.');
  if (!Array.isArray(documents) || documents.some((item) => typeof item !== 'string'))
    throw serializationError('Expected a list of strings for TraceSegmentDocuments');
  if (documents.length > MAX_DOCUMENTS_PER_PUT)
    throw invalidRequest(
      `TraceSegmentDocuments holds at most ${MAX_DOCUMENTS_PER_PUT} documents per call.`,
    );
  const now = clock.now();
  const unprocessed = [];
  for (const document of documents as string[]) {
    const outcome = state.traces.put(document, now);
    if (!outcome.ok)
      unprocessed.push({
        ...(outcome.id === undefined ? {} : { Id: outcome.id }),
        ErrorCode: outcome.code,
        Message: outcome.message,
      });
  }
  return { UnprocessedTraceSegments: unprocessed };
}

function lookup({ body, state, clock }: RestContext) {
  const now = clock.now();
  const found: StoredTrace[] = [];
  const missing: string[] = [];
  for (const id of traceIdList(body)) {
    const trace = state.traces.get(id, now);
    if (trace) found.push(trace);
    else missing.push(id);
  }
  return { found, missing };
}

/** BatchGetTraces: the assembled documents, each a JSON string as the API returns them. */
export function batchGetTraces(context: RestContext) {
  const { found, missing } = lookup(context);
  return {
    Traces: found.map((trace) => {
      const assembled = assembleTrace(trace);
      return {
        Id: assembled.id,
        ...(assembled.duration === undefined ? {} : { Duration: assembled.duration }),
        LimitExceeded: assembled.limitExceeded,
        Segments: assembled.segments.map((segment) => ({
          Id: segment.id,
          Document: JSON.stringify(segment),
        })),
      };
    }),
    UnprocessedTraceIds: missing,
  };
}

/** GetTraceGraph: the service graph of up to five traces, over their whole lifetime. */
export function getTraceGraph(context: RestContext) {
  const { found } = lookup(context);
  return { Services: buildServices(found.map(traceFacts), context.state.accountId) };
}

/** GetServiceGraph: every service seen in the window, with the calls that ended inside it. */
export function getServiceGraph({ body, state, clock }: RestContext) {
  const window = timeWindow(body);
  const group = optionalText(body, 'GroupName');
  // Only the Default group exists: the simulator has no CreateGroup.
  if (group !== undefined && group !== 'Default')
    throw invalidRequest(`Group ${group} does not exist.`);
  const traces = state.traces.overlapping(window.start, window.end, clock.now());
  return {
    StartTime: window.start,
    EndTime: window.end,
    Services: buildServices(traces.map(traceFacts), state.accountId, window),
    ContainsOldGroupVersions: false,
  };
}

export function getSamplingRules({ state }: RestContext) {
  return samplingRules(state);
}

export function getSamplingTargets({ body, clock }: RestContext) {
  return samplingTargets(body, clock.now() / 1000);
}
