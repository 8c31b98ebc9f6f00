import type {
  AnnotationValue as SdkAnnotationValue,
  Trace as SdkTrace,
  TraceSummary as SdkTraceSummary,
  ValueWithServiceIds,
} from '@aws-sdk/client-xray';
import {
  buildTrace,
  ecsTaskLinksFromArns,
  traceIdTime,
  type TraceAnnotationValue,
  type TraceDetail,
  type TraceSummary,
} from '@deckhand/shared';

/** X-Ray speaks seconds; the contract speaks ms (rounded to the microsecond). */
export function secondsToMs(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return 0;
  return Math.round(seconds * 1_000_000) / 1000;
}

function annotationValue(value: SdkAnnotationValue | undefined): TraceAnnotationValue | undefined {
  if (!value) return undefined;
  if (value.StringValue !== undefined) return value.StringValue;
  if (value.NumberValue !== undefined) return value.NumberValue;
  if (value.BooleanValue !== undefined) return value.BooleanValue;
  return undefined;
}

function annotationsOf(
  annotations: Record<string, ValueWithServiceIds[]> | undefined,
): Record<string, TraceAnnotationValue[]> {
  const record: Record<string, TraceAnnotationValue[]> = {};
  for (const [key, values] of Object.entries(annotations ?? {})) {
    const mapped = values
      .map((entry) => annotationValue(entry.AnnotationValue))
      .filter((value) => value !== undefined);
    if (mapped.length > 0) record[key] = mapped;
  }
  return record;
}

/** The names of the services a trace went through, each once, in X-Ray's order. */
function servicesOf(summary: SdkTraceSummary): string[] {
  const names = (summary.ServiceIds ?? [])
    .map((service) => service.Name ?? service.Names?.[0])
    .filter((name): name is string => Boolean(name));
  return [...new Set(names)];
}

/** GetTraceSummaries' TraceSummary → the shared summary; undefined for one without an id. */
export function toTraceSummary(summary: SdkTraceSummary): TraceSummary | undefined {
  const id = summary.Id;
  if (!id) return undefined;
  const startTime = summary.StartTime ?? traceIdTime(id);
  const status = summary.Http?.HttpStatus;
  const links = ecsTaskLinksFromArns(
    (summary.ResourceARNs ?? [])
      .map((resource) => resource.ARN)
      .filter((arn): arn is string => Boolean(arn)),
  );
  return {
    id,
    ...(startTime ? { startTime: startTime.toISOString() } : {}),
    duration: secondsToMs(summary.Duration),
    responseTime: secondsToMs(summary.ResponseTime),
    http: {
      ...(summary.Http?.HttpMethod ? { method: summary.Http.HttpMethod } : {}),
      ...(summary.Http?.HttpURL ? { url: summary.Http.HttpURL } : {}),
      ...(status !== undefined && Number.isInteger(status) ? { status } : {}),
    },
    hasError: summary.HasError === true,
    hasFault: summary.HasFault === true,
    hasThrottle: summary.HasThrottle === true,
    isPartial: summary.IsPartial === true,
    services: servicesOf(summary),
    annotations: annotationsOf(summary.Annotations),
    ...(links.length > 0 ? { ecs: links } : {}),
  };
}

/** BatchGetTraces' Trace → the shared trace with its span tree, hints and critical path. */
export function toTraceDetail(trace: SdkTrace, id: string): TraceDetail {
  return buildTrace({
    id: trace.Id ?? id,
    documents: (trace.Segments ?? [])
      .map((segment) => segment.Document)
      .filter((document): document is string => typeof document === 'string'),
    limitExceeded: trace.LimitExceeded === true,
    ...(trace.Duration === undefined ? {} : { duration: trace.Duration }),
  });
}
