/**
 * X-Ray trace ids and the other forms a user pastes them in (REFERENCE.md §2):
 * `1-5f84c3a5-0123456789abcdef01234567` (X-Ray), a W3C / OpenTelemetry 32-hex trace id, an
 * `X-Amzn-Trace-Id` header (`Root=1-…;Parent=…;Sampled=1`) or a W3C `traceparent` header.
 */

/** `1-` + 8 hex (epoch seconds) + `-` + 24 hex: 35 characters, X-Ray's maximum. */
const XRAY_TRACE_ID = /^1-[0-9a-f]{8}-[0-9a-f]{24}$/;
const W3C_TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
/** `version-traceid-parentid-flags`, e.g. `00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01`. */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Whether the value is a trace id in X-Ray's own form (lower-case hex). */
export function isXrayTraceId(value: string): boolean {
  return XRAY_TRACE_ID.test(value);
}

/** Whether the value is a segment or subsegment id (16 hex). */
export function isSegmentId(value: string): boolean {
  return SPAN_ID.test(value);
}

/** A W3C 32-hex trace id in X-Ray form: the first 8 hex digits are the epoch-seconds part. */
export function w3cToXrayTraceId(w3c: string): string | undefined {
  const hex = w3c.toLowerCase();
  // W3C forbids the all-zero id; it names no trace.
  if (!W3C_TRACE_ID.test(hex) || /^0+$/.test(hex)) return undefined;
  return `1-${hex.slice(0, 8)}-${hex.slice(8)}`;
}

/** The W3C form of an X-Ray trace id (what OpenTelemetry tools show). */
export function xrayToW3cTraceId(xray: string): string | undefined {
  const id = xray.toLowerCase();
  return XRAY_TRACE_ID.test(id) ? id.slice(2).replace('-', '') : undefined;
}

/** The `Root=` value of an `X-Amzn-Trace-Id` header, whatever the order and spacing of its fields. */
function rootOfTraceHeader(header: string): string | undefined {
  for (const field of header.split(';')) {
    const [key, value] = field.split('=', 2).map((part) => part.trim());
    if (key?.toLowerCase() === 'root' && value) return value;
  }
  return undefined;
}

/**
 * Normalises anything that names a trace to X-Ray's trace id, or `undefined` when it names none.
 * Accepts the X-Ray id, a W3C trace id, an `X-Amzn-Trace-Id` header or a `traceparent` header
 * (with or without the `Name:` prefix), in any letter case, with surrounding spaces.
 */
export function normalizeTraceId(input: string): string | undefined {
  let value = input.trim();
  const header = /^(x-amzn-trace-id|traceparent)\s*:\s*/i.exec(value);
  if (header) value = value.slice(header[0].length);
  if (value.includes('=')) {
    const root = rootOfTraceHeader(value);
    return root === undefined ? undefined : normalizeTraceId(root);
  }
  const lower = value.toLowerCase();
  if (XRAY_TRACE_ID.test(lower)) return lower;
  const traceparent = TRACEPARENT.exec(lower);
  if (traceparent?.[1]) return w3cToXrayTraceId(traceparent[1]);
  return w3cToXrayTraceId(lower);
}

/** When the trace started, to the second, from the id's epoch part (X-Ray ids carry it). */
export function traceIdTime(traceId: string): Date | undefined {
  const id = traceId.toLowerCase();
  if (!XRAY_TRACE_ID.test(id)) return undefined;
  return new Date(Number.parseInt(id.slice(2, 10), 16) * 1000);
}
