import { z } from 'zod';

/**
 * X-Ray segment documents as BatchGetTraces returns them: one JSON **string** per segment or
 * independent subsegment, with subsegments nested inside (REFERENCE.md §2). Documents come from
 * many SDKs, the daemon, OpenTelemetry exporters and X-Ray itself (inferred segments), so the
 * parser is lenient: required fields are `id`, `name` and `start_time`; every optional field that
 * is missing or malformed is simply absent, and one bad subsegment never loses its segment.
 */

/** A number that some SDKs send as a string (`"content_length": "1024"`). */
const looseNumber = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** An optional field that is dropped, not fatal, when it has the wrong shape. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

const Annotations = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

const StackFrame = z.object({
  path: optional(z.string()),
  line: optional(looseNumber),
  label: optional(z.string()),
});

const ExceptionDoc = z.object({
  id: optional(z.string()),
  message: optional(z.string()),
  type: optional(z.string()),
  remote: optional(z.boolean()),
  truncated: optional(looseNumber),
  skipped: optional(looseNumber),
  cause: optional(z.string()),
  stack: optional(z.array(StackFrame)),
});

const CauseDoc = z.union([
  // A cause may be just the id of an exception recorded on another (sub)segment.
  z.string().transform((exceptionId) => ({ exceptionId })),
  z.object({
    working_directory: optional(z.string()),
    paths: optional(z.array(z.string())),
    exceptions: optional(z.array(ExceptionDoc)),
  }),
]);

const HttpDoc = z.object({
  request: optional(
    z.object({
      method: optional(z.string()),
      url: optional(z.string()),
      user_agent: optional(z.string()),
      client_ip: optional(z.string()),
      x_forwarded_for: optional(z.boolean()),
      /** On subsegments: the downstream call went to another traced service. */
      traced: optional(z.boolean()),
    }),
  ),
  response: optional(
    z.object({
      status: optional(looseNumber),
      content_length: optional(looseNumber),
    }),
  ),
});

const SqlDoc = z.object({
  url: optional(z.string()),
  connection_string: optional(z.string()),
  sanitized_query: optional(z.string()),
  database_type: optional(z.string()),
  database_version: optional(z.string()),
  driver_version: optional(z.string()),
  user: optional(z.string()),
  preparation: optional(z.string()),
});

/** `aws.ecs`: the X-Ray SDK's ECS plugin sets the first three; OpenTelemetry exporters add the rest. */
const EcsDoc = z.object({
  container: optional(z.string()),
  container_id: optional(z.string()),
  container_arn: optional(z.string()),
  task_arn: optional(z.string()),
  task_family: optional(z.string()),
  cluster_arn: optional(z.string()),
  launch_type: optional(z.string()),
  availability_zone: optional(z.string()),
});

const AwsDoc = z.object({
  operation: optional(z.string()),
  region: optional(z.string()),
  request_id: optional(z.string()),
  account_id: optional(z.string()),
  table_name: optional(z.string()),
  queue_url: optional(z.string()),
  retries: optional(looseNumber),
  ecs: optional(EcsDoc),
  ec2: optional(
    z.object({ instance_id: optional(z.string()), availability_zone: optional(z.string()) }),
  ),
});

/** The fields of one segment or subsegment; `subsegments` are parsed one by one afterwards. */
const SpanDoc = z.object({
  id: z.string().min(1),
  name: z.string(),
  start_time: looseNumber,
  end_time: optional(looseNumber),
  in_progress: optional(z.boolean()),
  trace_id: optional(z.string()),
  parent_id: optional(z.string()),
  type: optional(z.string()),
  namespace: optional(z.string()),
  origin: optional(z.string()),
  inferred: optional(z.boolean()),
  error: optional(z.boolean()),
  fault: optional(z.boolean()),
  throttle: optional(z.boolean()),
  user: optional(z.string()),
  http: optional(HttpDoc),
  sql: optional(SqlDoc),
  aws: optional(AwsDoc),
  annotations: optional(Annotations),
  metadata: optional(z.record(z.string(), z.unknown())),
  cause: optional(CauseDoc),
  subsegments: optional(z.array(z.unknown())),
});

type SpanFields = Omit<z.infer<typeof SpanDoc>, 'subsegments'>;

/** One parsed segment or subsegment with its nested subsegments. */
export interface SegmentDocument extends SpanFields {
  subsegments: SegmentDocument[];
}

export type ParseResult =
  { ok: true; document: SegmentDocument; problems: string[] } | { ok: false; problem: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'document'}: ${issue.message}`)
    .join('; ');
}

/**
 * Subsegments deeper than this are left out (with a problem): no SDK nests anywhere near it, and
 * the bound keeps the recursion below (and the tree code that walks the result) off the end of
 * the stack, which a few thousand levels would otherwise reach.
 */
export const MAX_SUBSEGMENT_DEPTH = 64;

function parseSpan(
  raw: unknown,
  where: string,
  problems: string[],
  depth = 0,
): SegmentDocument | undefined {
  const parsed = SpanDoc.safeParse(raw);
  if (!parsed.success) {
    problems.push(`${where}: ${describeIssues(parsed.error)}`);
    return undefined;
  }
  const { subsegments: rawChildren, ...fields } = parsed.data;
  const subsegments: SegmentDocument[] = [];
  if (rawChildren?.length && depth >= MAX_SUBSEGMENT_DEPTH) {
    problems.push(
      `${where}: subsegments nested deeper than ${MAX_SUBSEGMENT_DEPTH} levels are left out`,
    );
    return { ...fields, subsegments };
  }
  (rawChildren ?? []).forEach((child, index) => {
    const span = parseSpan(child, `${where} › subsegment ${index + 1}`, problems, depth + 1);
    if (span) subsegments.push(span);
  });
  return { ...fields, subsegments };
}

/**
 * Parses one segment document (the JSON string of BatchGetTraces' `Segments[].Document`).
 * Malformed nested subsegments are left out and listed in `problems`.
 */
export function parseSegmentDocument(json: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
  const problems: string[] = [];
  const id =
    typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string'
      ? raw.id
      : 'segment';
  const document = parseSpan(raw, id, problems);
  if (!document) return { ok: false, problem: problems.join('; ') };
  return { ok: true, document, problems };
}
