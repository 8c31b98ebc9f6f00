import { createHash } from 'node:crypto';
import { num, objects, seconds, str, type JsonObject } from './json.js';
import type { StoredTrace } from './store.js';

/** A trace as X-Ray hands it out: what BatchGetTraces, summaries and graphs are built from. */
export interface AssembledTrace {
  id: string;
  /** Top-level segments, independent subsegments merged in, inferred segments added. */
  segments: JsonObject[];
  /** From the earliest start to the latest completed end, seconds; none until something ends. */
  duration?: number;
  limitExceeded: boolean;
  /** Independent subsegments whose parent has not arrived (yet): left out of `segments`. */
  orphans: number;
}

/** AWS services X-Ray draws as their own node, by the name the SDKs give their subsegments. */
const INFERRED_ORIGINS: Record<string, string> = {
  DynamoDB: 'AWS::DynamoDB::Table',
  S3: 'AWS::S3::Bucket',
  SQS: 'AWS::SQS::Queue',
  SNS: 'AWS::SNS',
  Lambda: 'AWS::Lambda',
  Kinesis: 'AWS::Kinesis::Stream',
};

export const inferredOrigin = (name: string) => INFERRED_ORIGINS[name] ?? `AWS::${name}`;

const startOf = (node: JsonObject) => num(node, 'start_time') ?? 0;
const byStart = (a: JsonObject, b: JsonObject) =>
  startOf(a) - startOf(b) || ((str(a, 'id') ?? '') < (str(b, 'id') ?? '') ? -1 : 1);

/** Every node of a segment tree by id, the segment included: where subsegments can attach. */
function indexTree(node: JsonObject, index: Map<string, JsonObject>): void {
  const id = str(node, 'id');
  if (id !== undefined) index.set(id, node);
  for (const child of objects(node, 'subsegments')) indexTree(child, index);
}

function attach(parent: JsonObject, child: JsonObject): void {
  const id = str(child, 'id');
  // A subsegment sent both nested and on its own appears once, as the independent copy.
  const siblings = objects(parent, 'subsegments').filter((item) => str(item, 'id') !== id);
  parent.subsegments = [...siblings, child].sort(byStart);
}

/** Stable per subsegment, so repeated reads of a trace give the inferred segment the same id. */
const inferredId = (subsegmentId: string) =>
  createHash('sha1').update(`inferred:${subsegmentId}`).digest('hex').slice(0, 16);

function inferredSegment(subsegment: JsonObject, subsegmentId: string, traceId: string) {
  const name = str(subsegment, 'name') ?? 'AWS';
  const segment: JsonObject = {
    id: inferredId(subsegmentId),
    name,
    start_time: subsegment.start_time,
    end_time: subsegment.end_time,
    parent_id: subsegmentId,
    inferred: true,
  };
  for (const field of ['http', 'aws', 'error', 'fault', 'throttle'])
    if (subsegment[field] !== undefined) segment[field] = subsegment[field];
  segment.trace_id = traceId;
  segment.origin = inferredOrigin(name);
  return segment;
}

/** Adds an inferred segment for each completed `aws` subsegment whose callee sent no segment. */
function inferSegments(segments: readonly JsonObject[], traceId: string): JsonObject[] {
  const calledFrom = new Set(segments.map((segment) => str(segment, 'parent_id')));
  const inferred: JsonObject[] = [];
  const walk = (node: JsonObject) => {
    for (const child of objects(node, 'subsegments')) {
      const id = str(child, 'id');
      if (
        id !== undefined &&
        child.namespace === 'aws' &&
        child.in_progress !== true &&
        !calledFrom.has(id)
      )
        inferred.push(inferredSegment(child, id, traceId));
      walk(child);
    }
  };
  segments.forEach(walk);
  return inferred;
}

/**
 * Builds the trace X-Ray serves from the documents received: independent subsegments go into
 * their parents (at any depth, in any arrival order), AWS downstream calls get inferred segments.
 */
export function assembleTrace(trace: StoredTrace): AssembledTrace {
  const documents = [...trace.segments.values()].map((stored) => ({
    stored,
    node: JSON.parse(stored.text) as JsonObject,
  }));
  const segments = documents.filter((d) => !d.stored.independent).map((d) => d.node);
  const index = new Map<string, JsonObject>();
  segments.forEach((segment) => indexTree(segment, index));

  let waiting = documents
    .filter((d) => d.stored.independent)
    .map(({ stored, node }) => {
      // Nested subsegments carry none of these; X-Ray drops them when it merges.
      delete node.type;
      delete node.trace_id;
      delete node.parent_id;
      return { parentId: stored.parentId ?? '', node };
    });
  // A pass attaches whatever has its parent placed; chains of independents need several passes,
  // and a cycle (malformed input) simply never attaches.
  for (let placed = true; placed && waiting.length > 0;) {
    placed = false;
    const next: typeof waiting = [];
    for (const item of waiting) {
      const parent = index.get(item.parentId);
      if (!parent) {
        next.push(item);
        continue;
      }
      attach(parent, item.node);
      indexTree(item.node, index);
      placed = true;
    }
    waiting = next;
  }

  const all = [...segments, ...inferSegments(segments, trace.id)].sort(byStart);
  const starts = all.map(startOf);
  const ends = all.flatMap((segment) => {
    const end = num(segment, 'end_time');
    return segment.in_progress === true || end === undefined ? [] : [end];
  });
  return {
    id: trace.id,
    segments: all,
    ...(ends.length > 0 && starts.length > 0
      ? { duration: seconds(Math.max(...ends) - Math.min(...starts)) }
      : {}),
    limitExceeded: trace.limitExceeded,
    orphans: waiting.length,
  };
}
