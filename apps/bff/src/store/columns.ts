/** Column conversions shared by the stores (see schema.ts for why times are ISO text). */

/** A time as the stores keep it: ISO-8601 in UTC with milliseconds, so text order is time order. */
export function toIsoText(time: string | number | Date): string {
  return new Date(time).toISOString();
}

/** Parses a JSON column; undefined when the text is not JSON (a damaged row is skipped, not fatal). */
export function parseJsonColumn(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Every read takes a limit, so no caller can load a whole table by accident. */
export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`limit must be a non-negative integer, got ${String(limit)}`);
  }
  return limit;
}

/**
 * SQLite allows at most 32,766 bound parameters per statement (PostgreSQL 65,535); batches are
 * cut well below either so a large input never fails on the parameter limit.
 */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) {
    out.push(items.slice(index, index + size));
  }
  return out;
}
