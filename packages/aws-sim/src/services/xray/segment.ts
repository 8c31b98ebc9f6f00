import { isObject, num, objects, str, type JsonObject } from './json.js';

/** REFERENCE §2: a segment document is at most 64 kB; AWS's quota pages mean KiB. */
export const SEGMENT_DOCUMENT_MAX_BYTES = 64 * 1024;

/** `1-` + 8 hex digits of epoch seconds + `-` + 24 hex digits. */
export const TRACE_ID = /^1-[0-9a-f]{8}-[0-9a-f]{24}$/;
export const SEGMENT_ID = /^[0-9a-f]{16}$/;
/** Unicode letters, numbers and whitespace, and `_ . : / % & # = + \ - @`, at most 200 characters. */
const NAME = /^[\p{L}\p{N}\s_.:/%&#=+\\\-@]{1,200}$/u;
/** Deeper nesting than any SDK produces; the bound keeps validation's recursion safe. */
const MAX_DEPTH = 64;

/** What the store keeps beside a document's text, so queries need not parse it. */
export interface SegmentMeta {
  id: string;
  traceId: string;
  parentId?: string;
  /** Sent on its own with `"type": "subsegment"`; merged into its parent when a trace is read. */
  independent: boolean;
  inProgress: boolean;
  /** Epoch seconds. */
  startTime: number;
  endTime?: number;
}

export interface ValidSegment {
  ok: true;
  meta: SegmentMeta;
  document: JsonObject;
}

/** Mirrors an entry of PutTraceSegments' `UnprocessedTraceSegments`. */
export interface InvalidSegment {
  ok: false;
  id?: string;
  code: string;
  message: string;
}

/** The epoch second a trace id carries (when its first segment started). */
export function traceIdTime(traceId: string): number {
  return Number.parseInt(traceId.slice(2, 10), 16);
}

const invalid = (kind: string, code: string, id?: string): InvalidSegment => ({
  ok: false,
  ...(id === undefined ? {} : { id }),
  code,
  // X-Ray's own wording, e.g. "Invalid segment. ErrorCode: MissingId".
  message: `Invalid ${kind}. ErrorCode: ${code}`,
});

/** The fields every segment and subsegment needs: id, name, start and (end or in progress). */
function checkCommon(document: JsonObject, kind: string): InvalidSegment | undefined {
  const id = str(document, 'id');
  if (document.id === undefined) return invalid(kind, 'MissingId');
  if (id === undefined || !SEGMENT_ID.test(id)) return invalid(kind, 'InvalidId');
  const name = document.name;
  if (name === undefined) return invalid(kind, 'MissingName', id);
  if (typeof name !== 'string' || !NAME.test(name)) return invalid(kind, 'InvalidName', id);
  const parent = document.parent_id;
  if (parent !== undefined && (typeof parent !== 'string' || !SEGMENT_ID.test(parent)))
    return invalid(kind, 'InvalidParentId', id);
  if (document.start_time === undefined) return invalid(kind, 'MissingStartTime', id);
  const start = num(document, 'start_time');
  if (start === undefined || start <= 0) return invalid(kind, 'InvalidStartTime', id);
  if (document.in_progress === true) return undefined;
  if (document.end_time === undefined) return invalid(kind, 'MissingEndTime', id);
  const end = num(document, 'end_time');
  if (end === undefined || end < start) return invalid(kind, 'InvalidEndTime', id);
  return undefined;
}

function checkSubsegments(document: JsonObject, depth: number): InvalidSegment | undefined {
  const list = document.subsegments;
  if (list === undefined) return undefined;
  if (!Array.isArray(list) || list.some((item) => !isObject(item)))
    return invalid('subsegment', 'InvalidSubsegments', str(document, 'id'));
  if (depth > MAX_DEPTH) return invalid('subsegment', 'TooDeep', str(document, 'id'));
  for (const subsegment of objects(document, 'subsegments')) {
    const problem =
      checkCommon(subsegment, 'subsegment') ?? checkSubsegments(subsegment, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/** Validates a parsed document as X-Ray does on PutTraceSegments. */
export function validateSegment(document: unknown): ValidSegment | InvalidSegment {
  if (!isObject(document)) return invalid('segment', 'InvalidSegment');
  const independent = document.type === 'subsegment';
  const kind = independent ? 'subsegment' : 'segment';
  const problem = checkCommon(document, kind);
  if (problem) return problem;
  const id = str(document, 'id') ?? '';
  const traceId = document.trace_id;
  if (traceId === undefined) return invalid(kind, 'MissingTraceId', id);
  if (typeof traceId !== 'string' || !TRACE_ID.test(traceId))
    return invalid(kind, 'InvalidTraceId', id);
  const parentId = str(document, 'parent_id');
  // An independent subsegment is only placeable under its parent.
  if (independent && parentId === undefined) return invalid(kind, 'MissingParentId', id);
  const nested = checkSubsegments(document, 1);
  if (nested) return nested;
  const inProgress = document.in_progress === true;
  const endTime = inProgress ? undefined : num(document, 'end_time');
  return {
    ok: true,
    document,
    meta: {
      id,
      traceId,
      ...(parentId === undefined ? {} : { parentId }),
      independent,
      inProgress,
      startTime: num(document, 'start_time') ?? 0,
      ...(endTime === undefined ? {} : { endTime }),
    },
  };
}

/** Parses and validates one document as sent (PutTraceSegments or a daemon datagram). */
export function parseSegment(text: string): ValidSegment | InvalidSegment {
  if (Buffer.byteLength(text, 'utf8') > SEGMENT_DOCUMENT_MAX_BYTES)
    return invalid('segment', 'SegmentTooLarge', peekId(text));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid('segment', 'InvalidJson', peekId(text));
  }
  return validateSegment(parsed);
}

/** The `"id"` of a document too broken to parse, so the caller can still tell which one failed. */
function peekId(text: string): string | undefined {
  return /"id"\s*:\s*"([0-9a-f]{16})"/.exec(text.slice(0, 4096))?.[1];
}
