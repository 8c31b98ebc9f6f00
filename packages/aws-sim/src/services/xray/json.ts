/** A decoded JSON object: segment documents are open-ended, so fields are read with the guards below. */
export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function str(object: JsonObject | undefined, field: string): string | undefined {
  const value = object?.[field];
  return typeof value === 'string' ? value : undefined;
}

export function num(object: JsonObject | undefined, field: string): number | undefined {
  const value = object?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** X-Ray SDKs send some numbers as strings (`content_length`), so both are accepted. */
export function numeric(object: JsonObject | undefined, field: string): number | undefined {
  const value = object?.[field];
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return num(object, field);
}

export const flag = (object: JsonObject | undefined, field: string): boolean =>
  object?.[field] === true;

export function obj(object: JsonObject | undefined, field: string): JsonObject | undefined {
  const value = object?.[field];
  return isObject(value) ? value : undefined;
}

export function objects(object: JsonObject | undefined, field: string): JsonObject[] {
  const value = object?.[field];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** Seconds with microsecond precision, as X-Ray reports durations and timestamps. */
export const seconds = (value: number): number => Math.round(value * 1e6) / 1e6;
