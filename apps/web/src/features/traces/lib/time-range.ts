/**
 * The time ranges of the trace search. The longest is X-Ray's 6-hour cap on a trace-summary
 * window (REFERENCE.md §2; the BFF refuses more).
 */
export const TIME_RANGES = {
  '5m': { label: 'Last 5 minutes', words: 'the last 5 minutes', ms: 5 * 60_000 },
  '15m': { label: 'Last 15 minutes', words: 'the last 15 minutes', ms: 15 * 60_000 },
  '1h': { label: 'Last hour', words: 'the last hour', ms: 60 * 60_000 },
  '6h': { label: 'Last 6 hours', words: 'the last 6 hours', ms: 6 * 60 * 60_000 },
} as const;

export type TimeRange = keyof typeof TIME_RANGES;
export const DEFAULT_RANGE: TimeRange = '15m';

const isRange = (value: string): value is TimeRange => Object.hasOwn(TIME_RANGES, value);

/** `?range=` of the URL, or the default for a missing or unknown value. */
export function parseRange(value: string | null): TimeRange {
  return value !== null && isRange(value) ? value : DEFAULT_RANGE;
}

/** The window that ends now, as ISO times for `GET /api/v1/traces?start=&end=`. */
export function rangeWindow(range: TimeRange, now: Date): { start: string; end: string } {
  return {
    start: new Date(now.getTime() - TIME_RANGES[range].ms).toISOString(),
    end: now.toISOString(),
  };
}
