import type { Input } from '../../protocol/input.js';
import type { RestContext } from '../../protocol/rest-json.js';
import { traceFacts, type AnnotationValue, type TraceFacts } from './analysis.js';
import { invalidRequest } from './errors.js';
import { compileFilter } from './filter.js';
import { decodeToken, encodeToken, optionalText, timeWindow } from './input.js';
import { serviceId } from './shapes.js';
import type { StoredTrace, TimeRangeType } from './store.js';

/** Summaries per page. AWS does not document its page size (unverified); 100 is typical. */
export const SUMMARY_PAGE_SIZE = 100;

const TIME_RANGE_TYPES = new Set<string>(['TraceId', 'Event', 'Service']);

function annotationValue(value: AnnotationValue) {
  if (typeof value === 'number') return { NumberValue: value };
  if (typeof value === 'boolean') return { BooleanValue: value };
  return { StringValue: value };
}

/** One TraceSummary, members as the service model names them. */
export function traceSummary(facts: TraceFacts, trace: StoredTrace, time: number, account: string) {
  const id = (ref: Parameters<typeof serviceId>[0]) => serviceId(ref, account);
  const annotations: Record<string, unknown[]> = {};
  for (const { key, value, services } of facts.annotations) {
    (annotations[key] ??= []).push({
      AnnotationValue: annotationValue(value),
      ServiceIds: services.map(id),
    });
  }
  const { http } = facts;
  return {
    Id: facts.id,
    StartTime: facts.startTime,
    ...(facts.duration === undefined ? {} : { Duration: facts.duration }),
    ...(facts.responseTime === undefined ? {} : { ResponseTime: facts.responseTime }),
    HasFault: facts.hasFault,
    HasError: facts.hasError,
    HasThrottle: facts.hasThrottle,
    IsPartial: facts.isPartial,
    Http: {
      ...(http.url === undefined ? {} : { HttpURL: http.url }),
      ...(http.status === undefined ? {} : { HttpStatus: http.status }),
      ...(http.method === undefined ? {} : { HttpMethod: http.method }),
      ...(http.userAgent === undefined ? {} : { UserAgent: http.userAgent }),
      ...(http.clientIp === undefined ? {} : { ClientIp: http.clientIp }),
    },
    Annotations: annotations,
    Users: facts.users.map((user) => ({ UserName: user.name, ServiceIds: user.services.map(id) })),
    ServiceIds: facts.services.map(id),
    ResourceARNs: facts.resourceArns.map((arn) => ({ ARN: arn })),
    InstanceIds: facts.instanceIds.map((instance) => ({ Id: instance })),
    AvailabilityZones: facts.zones.map((zone) => ({ Name: zone })),
    ...(facts.entry ? { EntryPoint: id(facts.entry) } : {}),
    Revision: trace.revision,
    MatchedEventTime: time,
  };
}

/**
 * GetTraceSummaries: traces in the window, newest first, filtered, a page at a time. The token
 * remembers the last trace scanned (not returned), so a page of a sparse filter moves on.
 */
export function getTraceSummaries({ body, state, clock }: RestContext & { body: Input }) {
  const { start, end } = timeWindow(body);
  const type = optionalText(body, 'TimeRangeType') ?? 'TraceId';
  if (!TIME_RANGE_TYPES.has(type))
    throw invalidRequest('TimeRangeType must be one of TraceId, Event, Service.');
  const filter = compileFilter(optionalText(body, 'FilterExpression'));
  const after = decodeToken(optionalText(body, 'NextToken'));
  const hits = state.traces.query(start, end, type as TimeRangeType, clock.now());

  let index = 0;
  if (after) {
    const time = typeof after.time === 'number' ? after.time : Infinity;
    const id = typeof after.id === 'string' ? after.id : '';
    index = hits.findIndex((hit) => hit.time < time || (hit.time === time && hit.trace.id < id));
    if (index === -1) index = hits.length;
  }
  const summaries = [];
  let processed = 0;
  for (; index < hits.length && summaries.length < SUMMARY_PAGE_SIZE; index += 1) {
    const hit = hits[index];
    if (!hit) break;
    processed += 1;
    const facts = traceFacts(hit.trace);
    if (filter(facts)) summaries.push(traceSummary(facts, hit.trace, hit.time, state.accountId));
  }
  const last = hits[index - 1];
  const more = index < hits.length && last !== undefined;
  return {
    TraceSummaries: summaries,
    // The page covers [ApproximateTime, EndTime]: scanning runs backwards from EndTime.
    ApproximateTime: more ? last.time : start,
    TracesProcessedCount: processed,
    ...(more ? { NextToken: encodeToken({ time: last.time, id: last.trace.id }) } : {}),
  };
}
