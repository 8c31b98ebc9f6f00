import { z } from 'zod';
import { freshness } from './freshness.js';

/**
 * The X-Ray routes' contract. Durations and times inside a trace are **milliseconds** (X-Ray's
 * API speaks seconds); span times are relative to the trace's start.
 */

export const TraceAnnotationValue = z.union([z.string(), z.number(), z.boolean()]);
export type TraceAnnotationValue = z.infer<typeof TraceAnnotationValue>;

/** Where a span's `aws.ecs` fields (or a summary's resource ARNs) point: the ECS task page. */
export const EcsTaskLink = z.object({ cluster: z.string(), taskId: z.string() });
export type EcsTaskLink = z.infer<typeof EcsTaskLink>;

// ---- GET /api/v1/traces ----------------------------------------------------------------------

export const TraceSummary = z.object({
  id: z.string(),
  /** ISO time of the earliest segment's start. */
  startTime: z.iso.datetime().optional(),
  /** ms from the first segment's start to the last segment's end. */
  duration: z.number().nonnegative(),
  /** ms from the root segment's start to its end (before asynchronous work finishes). */
  responseTime: z.number().nonnegative(),
  http: z.object({
    method: z.string().optional(),
    url: z.string().optional(),
    status: z.number().int().optional(),
  }),
  hasError: z.boolean(),
  hasFault: z.boolean(),
  hasThrottle: z.boolean(),
  /** Some segment is still in progress. */
  isPartial: z.boolean(),
  services: z.array(z.string()),
  annotations: z.record(z.string(), z.array(TraceAnnotationValue)),
  ecs: z.array(EcsTaskLink).optional(),
});
export type TraceSummary = z.infer<typeof TraceSummary>;

export const TracesResponse = z.object({
  traces: z.array(TraceSummary),
  /** Traces X-Ray looked at, matching the filter or not. */
  scanned: z.number().int().nonnegative(),
  /** Pass back with the same `start`/`end`/`filter` to load the next (older) page. */
  nextToken: z.string().optional(),
  /** X-Ray's start time of this page of results. */
  approximateTime: z.iso.datetime().optional(),
  /** The window that was searched (the default one resolved), for "load more". */
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  ...freshness,
});
export type TracesResponse = z.infer<typeof TracesResponse>;

// ---- GET /api/v1/traces/:traceId -------------------------------------------------------------

export const SpanNamespace = z.enum(['aws', 'remote', 'local']);
export type SpanNamespace = z.infer<typeof SpanNamespace>;

export const SpanHttp = z.object({
  method: z.string().optional(),
  url: z.string().optional(),
  status: z.number().int().optional(),
  contentLength: z.number().nonnegative().optional(),
  clientIp: z.string().optional(),
  userAgent: z.string().optional(),
  /** The downstream call went to a traced service (whose segment should then be in the trace). */
  traced: z.boolean().optional(),
});

export const SpanSql = z.object({
  url: z.string().optional(),
  connectionString: z.string().optional(),
  sanitizedQuery: z.string().optional(),
  databaseType: z.string().optional(),
  databaseVersion: z.string().optional(),
  driverVersion: z.string().optional(),
  user: z.string().optional(),
  preparation: z.string().optional(),
});

/** `aws.ecs` as the segment document carries it (snake_case kept: these are X-Ray's field names). */
export const SpanEcs = z.object({
  container: z.string().optional(),
  container_id: z.string().optional(),
  container_arn: z.string().optional(),
  task_arn: z.string().optional(),
  task_family: z.string().optional(),
  cluster_arn: z.string().optional(),
  launch_type: z.string().optional(),
  availability_zone: z.string().optional(),
});
export type SpanEcs = z.infer<typeof SpanEcs>;

export const SpanAws = z.object({
  operation: z.string().optional(),
  region: z.string().optional(),
  requestId: z.string().optional(),
  accountId: z.string().optional(),
  tableName: z.string().optional(),
  queueUrl: z.string().optional(),
  retries: z.number().optional(),
  ecs: SpanEcs.optional(),
  ec2: z
    .object({ instanceId: z.string().optional(), availabilityZone: z.string().optional() })
    .optional(),
});

export const SpanException = z.object({
  id: z.string().optional(),
  message: z.string().optional(),
  type: z.string().optional(),
  remote: z.boolean().optional(),
  /** The id of the exception that caused this one. */
  cause: z.string().optional(),
  stack: z.array(
    z.object({
      path: z.string().optional(),
      line: z.number().optional(),
      label: z.string().optional(),
    }),
  ),
  /** Stack frames the SDK left out. */
  truncated: z.number().optional(),
});

export const SpanCause = z.object({
  workingDirectory: z.string().optional(),
  exceptions: z.array(SpanException),
  /** The cause is an exception recorded on another span (X-Ray's `cause: "<exception id>"`). */
  exceptionId: z.string().optional(),
});

const spanFields = {
  id: z.string(),
  parentId: z.string().optional(),
  kind: z.enum(['segment', 'subsegment']),
  name: z.string(),
  /** The owning segment's name; absent for an orphaned subsegment whose segment is missing. */
  service: z.string().optional(),
  namespace: SpanNamespace,
  origin: z.string().optional(),
  /** ms after the trace's start. `end`/`duration` are absent while the span is in progress. */
  start: z.number(),
  end: z.number().optional(),
  duration: z.number().nonnegative().optional(),
  inProgress: z.boolean(),
  /** Added by X-Ray for an AWS downstream, not sent by an application. */
  inferred: z.boolean(),
  /** Its parent is not in the trace; shown at the top level. */
  orphan: z.boolean(),
  error: z.boolean(),
  fault: z.boolean(),
  throttle: z.boolean(),
  http: SpanHttp.optional(),
  sql: SpanSql.optional(),
  aws: SpanAws.optional(),
  ecsTask: EcsTaskLink.optional(),
  annotations: z.record(z.string(), TraceAnnotationValue),
  metadata: z.record(z.string(), z.unknown()).optional(),
  cause: SpanCause.optional(),
  user: z.string().optional(),
  depth: z.number().int().nonnegative(),
};

/** One segment or subsegment with its children (nested subsegments, downstream segments). */
export interface TraceSpan extends z.infer<z.ZodObject<typeof spanFields>> {
  children: TraceSpan[];
}
export const TraceSpan: z.ZodType<TraceSpan, TraceSpan> = z.object({
  ...spanFields,
  get children() {
    return z.array(TraceSpan);
  },
});

export const TraceHint = z.object({
  kind: z.enum(['orphan', 'limit-exceeded', 'broken-hop', 'in-progress', 'unparseable']),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  spanId: z.string().optional(),
});
export type TraceHint = z.infer<typeof TraceHint>;

export const TraceDetail = z.object({
  id: z.string(),
  startTime: z.iso.datetime().optional(),
  /** ms from the first span's start to the last span's end. */
  duration: z.number().nonnegative(),
  /** X-Ray dropped segments because the trace passed its size limit. */
  limitExceeded: z.boolean(),
  /** Top-level spans: root segments and orphans, each with its subtree. */
  segments: z.array(TraceSpan),
  hints: z.array(TraceHint),
  /** Ids of the spans that determine the end-to-end duration, in time order. */
  criticalPath: z.array(z.string()),
});
export type TraceDetail = z.infer<typeof TraceDetail>;

export const TraceResponse = z.object({ trace: TraceDetail, ...freshness });
export type TraceResponse = z.infer<typeof TraceResponse>;

// ---- GET /api/v1/service-map -----------------------------------------------------------------

/** ok + error + throttle + fault = total; error counts 4xx other than 429. */
export const ServiceMapStats = z.object({
  ok: z.number().int().nonnegative(),
  error: z.number().int().nonnegative(),
  fault: z.number().int().nonnegative(),
  throttle: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** ms. */
  avgResponseTime: z.number().nonnegative(),
});
export type ServiceMapStats = z.infer<typeof ServiceMapStats>;

/** Response-time buckets: `value` ms, `count` requests. */
export const ResponseTimeHistogram = z.array(
  z.object({ value: z.number().nonnegative(), count: z.number().int().nonnegative() }),
);

export const ServiceMapNode = z.object({
  /** X-Ray's reference id, unique within the map. */
  id: z.number().int(),
  name: z.string(),
  names: z.array(z.string()),
  /** e.g. `AWS::ECS::Container`, `AWS::DynamoDB::Table`, `client`, `remote`. */
  type: z.string(),
  root: z.boolean(),
  stats: ServiceMapStats,
  histogram: ResponseTimeHistogram.optional(),
});
export type ServiceMapNode = z.infer<typeof ServiceMapNode>;

export const ServiceMapEdge = z.object({
  source: z.number().int(),
  target: z.number().int(),
  stats: ServiceMapStats,
  histogram: ResponseTimeHistogram.optional(),
});
export type ServiceMapEdge = z.infer<typeof ServiceMapEdge>;

export const ServiceMapResponse = z.object({
  nodes: z.array(ServiceMapNode),
  edges: z.array(ServiceMapEdge),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  ...freshness,
});
export type ServiceMapResponse = z.infer<typeof ServiceMapResponse>;

// ---- query strings ---------------------------------------------------------------------------

export const TracesQuery = z.object({
  start: z.string().optional(),
  end: z.string().optional(),
  filter: z.string().max(2000, 'filter is longer than 2000 characters').optional(),
  nextToken: z.string().max(4096).optional(),
  /** `true`: follow X-Ray's NextToken to the end instead of answering one page. */
  all: z.enum(['true', 'false']).optional(),
});
export type TracesQuery = z.infer<typeof TracesQuery>;

export const ServiceMapQuery = z.object({
  start: z.string().optional(),
  end: z.string().optional(),
});
export type ServiceMapQuery = z.infer<typeof ServiceMapQuery>;
