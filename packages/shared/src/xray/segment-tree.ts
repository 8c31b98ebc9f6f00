import type { SpanNamespace, TraceSpan } from '../schemas/traces.js';
import { ecsTaskLink } from './ecs-link.js';
import type { SegmentDocument } from './segment-document.js';

/**
 * Builds the span tree of one trace from its parsed segment documents:
 * - a segment's nested subsegments become its children;
 * - an independent subsegment (`type: "subsegment"`, sent on its own) and a downstream segment
 *   (whose `parent_id` is the calling subsegment) hang under the span their `parent_id` names;
 * - a document whose parent is not in the trace is an orphan, kept at the top level;
 * - times become ms relative to the trace's start; children are in start order.
 */
export interface SegmentTree {
  /** Root segments and orphans, in start order. */
  roots: TraceSpan[];
  orphans: TraceSpan[];
  /** Every span in depth-first order. */
  spans: TraceSpan[];
  /** Epoch seconds of the earliest start; undefined for an empty trace. */
  startTime: number | undefined;
  /** ms from the earliest start to the latest known time (in-progress spans count up to their start). */
  duration: number;
}

/** Rounded to the microsecond (X-Ray's precision) to keep float noise out. */
const round = (milliseconds: number) => Math.round(milliseconds * 1000) / 1000;
const ms = (seconds: number) => round(seconds * 1000);

/** The object without its undefined fields, or undefined when nothing is left. */
function defined<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}

function earliestStart(documents: readonly SegmentDocument[]): number | undefined {
  let earliest: number | undefined;
  const visit = (doc: SegmentDocument) => {
    if (earliest === undefined || doc.start_time < earliest) earliest = doc.start_time;
    doc.subsegments.forEach(visit);
  };
  documents.forEach(visit);
  return earliest;
}

function namespaceOf(doc: SegmentDocument): SpanNamespace {
  if (doc.namespace === 'aws' || doc.namespace === 'remote') return doc.namespace;
  // Inferred segments stand for a downstream the application did not trace itself.
  if (doc.inferred) return doc.origin?.startsWith('AWS::') ? 'aws' : 'remote';
  return 'local';
}

function causeOf(doc: SegmentDocument): TraceSpan['cause'] {
  const cause = doc.cause;
  if (!cause) return undefined;
  if ('exceptionId' in cause) return { exceptions: [], exceptionId: cause.exceptionId };
  return defined({
    workingDirectory: cause.working_directory,
    exceptions: (cause.exceptions ?? []).map((exception) => ({
      ...defined({
        id: exception.id,
        message: exception.message,
        type: exception.type,
        remote: exception.remote,
        cause: exception.cause,
        truncated: exception.truncated,
      }),
      stack: (exception.stack ?? []).map((frame) => defined(frame) ?? {}),
    })),
  });
}

function httpOf(doc: SegmentDocument): TraceSpan['http'] {
  const { request, response } = doc.http ?? {};
  const status = response?.status;
  const contentLength = response?.content_length;
  return defined({
    method: request?.method,
    url: request?.url,
    status: status !== undefined && Number.isInteger(status) ? status : undefined,
    contentLength: contentLength !== undefined && contentLength >= 0 ? contentLength : undefined,
    clientIp: request?.client_ip,
    userAgent: request?.user_agent,
    traced: request?.traced,
  });
}

function awsOf(doc: SegmentDocument): TraceSpan['aws'] {
  const aws = doc.aws;
  if (!aws) return undefined;
  return defined({
    operation: aws.operation,
    region: aws.region,
    requestId: aws.request_id,
    accountId: aws.account_id,
    tableName: aws.table_name,
    queueUrl: aws.queue_url,
    retries: aws.retries,
    ecs: aws.ecs ? defined(aws.ecs) : undefined,
    ec2: aws.ec2
      ? defined({ instanceId: aws.ec2.instance_id, availabilityZone: aws.ec2.availability_zone })
      : undefined,
  });
}

/** One document (and its nested subsegments) as spans; times relative to `t0` (epoch s). */
function toSpan(doc: SegmentDocument, kind: TraceSpan['kind'], t0: number): TraceSpan {
  const inProgress = doc.in_progress === true || doc.end_time === undefined;
  const start = ms(doc.start_time - t0);
  // Clock skew can put an end before its start; a span never has a negative duration.
  const end =
    inProgress || doc.end_time === undefined ? undefined : Math.max(start, ms(doc.end_time - t0));
  const sql = doc.sql
    ? defined({
        url: doc.sql.url,
        connectionString: doc.sql.connection_string,
        sanitizedQuery: doc.sql.sanitized_query,
        databaseType: doc.sql.database_type,
        databaseVersion: doc.sql.database_version,
        driverVersion: doc.sql.driver_version,
        user: doc.sql.user,
        preparation: doc.sql.preparation,
      })
    : undefined;
  const aws = awsOf(doc);
  const span: TraceSpan = {
    id: doc.id,
    kind,
    name: doc.name,
    namespace: namespaceOf(doc),
    start,
    inProgress,
    inferred: doc.inferred === true,
    orphan: false,
    error: doc.error === true,
    fault: doc.fault === true,
    throttle: doc.throttle === true,
    annotations: doc.annotations ?? {},
    depth: 0,
    children: doc.subsegments.map((child) => ({
      ...toSpan(child, 'subsegment', t0),
      parentId: doc.id,
    })),
  };
  const optionalFields = defined({
    parentId: doc.parent_id,
    origin: doc.origin,
    end,
    duration: end === undefined ? undefined : round(end - start),
    http: httpOf(doc),
    sql,
    aws,
    ecsTask: ecsTaskLink(aws?.ecs),
    metadata: doc.metadata,
    cause: causeOf(doc),
    user: doc.user,
  });
  return { ...span, ...optionalFields };
}

/** Of two documents with one id (an in-progress one and its completion), the completed one wins. */
function dedupe(documents: readonly SegmentDocument[]): SegmentDocument[] {
  const byId = new Map<string, SegmentDocument>();
  for (const doc of documents) {
    const seen = byId.get(doc.id);
    if (!seen || (seen.end_time === undefined && doc.end_time !== undefined)) byId.set(doc.id, doc);
  }
  return [...byId.values()];
}

function byStart(a: TraceSpan, b: TraceSpan): number {
  return a.start - b.start || a.name.localeCompare(b.name);
}

/** Builds the tree; see {@link SegmentTree}. */
export function buildSegmentTree(documents: readonly SegmentDocument[]): SegmentTree {
  const docs = dedupe(documents);
  const t0 = earliestStart(docs);
  if (t0 === undefined)
    return { roots: [], orphans: [], spans: [], startTime: undefined, duration: 0 };

  const topLevel = docs.map((doc) =>
    toSpan(doc, doc.type === 'subsegment' ? 'subsegment' : 'segment', t0),
  );
  const byId = new Map<string, TraceSpan>();
  const index = (span: TraceSpan) => {
    if (!byId.has(span.id)) byId.set(span.id, span);
    span.children.forEach(index);
  };
  topLevel.forEach(index);

  const roots: TraceSpan[] = [];
  const orphans: TraceSpan[] = [];
  for (const span of topLevel) {
    const parent = span.parentId === undefined ? undefined : byId.get(span.parentId);
    if (parent && parent !== span) parent.children.push(span);
    else roots.push(span);
  }
  for (const span of roots) {
    if (span.parentId !== undefined) {
      span.orphan = true;
      orphans.push(span);
    }
  }

  // Walk from the roots: depth, owning service, child order. A parent_id cycle leaves its
  // members unreachable; they are cut loose and shown as orphans.
  const visited = new Set<TraceSpan>();
  const spans: TraceSpan[] = [];
  const walk = (span: TraceSpan, depth: number, service: string | undefined) => {
    visited.add(span);
    spans.push(span);
    span.depth = depth;
    const owner = span.kind === 'segment' ? span.name : service;
    if (owner !== undefined) span.service = owner;
    span.children.sort(byStart);
    for (const child of span.children) if (!visited.has(child)) walk(child, depth + 1, owner);
  };
  roots.sort(byStart).forEach((root) => walk(root, 0, undefined));
  for (const span of topLevel) {
    if (visited.has(span)) continue;
    const parent = span.parentId === undefined ? undefined : byId.get(span.parentId);
    if (parent) parent.children = parent.children.filter((child) => child !== span);
    span.orphan = true;
    orphans.push(span);
    roots.push(span);
    walk(span, 0, undefined);
  }

  let latest = 0;
  for (const span of spans) latest = Math.max(latest, span.end ?? span.start);
  return { roots, orphans, spans, startTime: t0, duration: latest };
}
