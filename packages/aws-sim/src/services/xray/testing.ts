import type { JsonObject } from './json.js';

// Segment document builders for tests: valid by default, any field overridable.

export const TRACE_EPOCH = 1_767_225_600; // 2026-01-01T00:00:00Z

let counter = 0;
/** A fresh 16-hex id. */
export const nextId = () => (counter += 1).toString(16).padStart(16, '0');

export const traceId = (seconds = TRACE_EPOCH, suffix = 1) =>
  `1-${seconds.toString(16)}-${suffix.toString(16).padStart(24, '0')}`;

export function buildSegment(overrides: JsonObject = {}): JsonObject {
  return {
    name: 'web',
    id: nextId(),
    trace_id: traceId(),
    start_time: TRACE_EPOCH + 0.1,
    end_time: TRACE_EPOCH + 0.35,
    origin: 'AWS::ECS::Container',
    ...overrides,
  };
}

export function buildSubsegment(overrides: JsonObject = {}): JsonObject {
  return {
    name: 'render',
    id: nextId(),
    start_time: TRACE_EPOCH + 0.2,
    end_time: TRACE_EPOCH + 0.25,
    ...overrides,
  };
}

/** A DynamoDB call as the SDK records it: namespace `aws`, X-Ray infers the table's segment. */
export const buildDynamoCall = (overrides: JsonObject = {}) =>
  buildSubsegment({
    name: 'DynamoDB',
    namespace: 'aws',
    http: { response: { status: 200, content_length: 61 } },
    aws: { operation: 'GetItem', table_name: 'products', resource_names: ['products'] },
    ...overrides,
  });
