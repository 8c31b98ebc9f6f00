import { serializationError } from '../../protocol/errors.js';
import type { Input } from '../../protocol/input.js';
import { invalidRequest } from './errors.js';
import { isObject } from './json.js';

/** restJson1 timestamps in a body are epoch seconds (fractions allowed). Returns seconds. */
export function requiredTimestamp(input: Input, field: string): number {
  const value = input[field];
  if (value === undefined || value === null) throw invalidRequest(`${field} is required.`);
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw serializationError(`Expected epoch seconds for ${field}`);
  return value;
}

/** StartTime before EndTime, both required: every X-Ray time-window query. */
export function timeWindow(input: Input): { start: number; end: number } {
  const start = requiredTimestamp(input, 'StartTime');
  const end = requiredTimestamp(input, 'EndTime');
  if (end <= start) throw invalidRequest('EndTime must be after StartTime.');
  return { start, end };
}

/** BatchGetTraces and GetTraceGraph take 1–5 trace ids (duplicates count once). */
export function traceIdList(input: Input): string[] {
  const value = input.TraceIds;
  if (value === undefined || value === null) throw invalidRequest('TraceIds is required.');
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string'))
    throw serializationError('Expected a list of strings for TraceIds');
  const ids = [...new Set(value as string[])];
  if (ids.length < 1 || ids.length > 5)
    throw invalidRequest('TraceIds must contain between 1 and 5 trace IDs.');
  return ids;
}

export function optionalText(input: Input, field: string): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw serializationError(`Expected a string for ${field}`);
  return value;
}

/** Opaque page tokens: base64 of a small JSON object, refused when not ours. */
export function encodeToken(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify({ v: 1, ...value })).toString('base64');
}

export function decodeToken(token: string | undefined): Record<string, unknown> | undefined {
  if (token === undefined || token === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (isObject(parsed) && 'v' in parsed) return parsed;
  } catch {
    // reported below
  }
  throw invalidRequest('Invalid NextToken.');
}
