import { MAX_WINDOW_MS, parseTimeWindow } from '@deckhand/shared';

/**
 * The time ranges of the trace search. The longest is X-Ray's 6-hour cap on a trace-summary
 * window (REFERENCE.md §2; the BFF refuses more, and so does an absolute range here).
 */
export const TIME_RANGES = {
  '5m': { label: 'Last 5 minutes', words: 'the last 5 minutes', ms: 5 * 60_000 },
  '15m': { label: 'Last 15 minutes', words: 'the last 15 minutes', ms: 15 * 60_000 },
  '1h': { label: 'Last hour', words: 'the last hour', ms: 60 * 60_000 },
  '3h': { label: 'Last 3 hours', words: 'the last 3 hours', ms: 3 * 60 * 60_000 },
  '6h': { label: 'Last 6 hours', words: 'the last 6 hours', ms: MAX_WINDOW_MS },
} as const;

export type TimeRange = keyof typeof TIME_RANGES;
export const DEFAULT_RANGE: TimeRange = '15m';

/** `?range=` (a window ending now) or `?from=&to=` (a fixed window, ISO times). */
export type TimeSpan =
  { kind: 'relative'; range: TimeRange } | { kind: 'absolute'; from: string; to: string };

const isRange = (value: string): value is TimeRange => Object.hasOwn(TIME_RANGES, value);

/** `?range=` of the URL, or the default for a missing or unknown value. */
export function parseRange(value: string | null): TimeRange {
  return value !== null && isRange(value) ? value : DEFAULT_RANGE;
}

const isIsoTime = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

/** The span of the URL: `from` and `to` when both are readable times, else `range`. */
export function parseTimeSpan(params: URLSearchParams): TimeSpan {
  const from = params.get('from');
  const to = params.get('to');
  if (isIsoTime(from) && isIsoTime(to)) return { kind: 'absolute', from, to };
  return { kind: 'relative', range: parseRange(params.get('range')) };
}

/** The URL parameters of a span; the other kind's parameters are removed (empty). */
export function spanParams(span: TimeSpan): { range: string; from: string; to: string } {
  return span.kind === 'relative'
    ? { range: span.range, from: '', to: '' }
    : { range: '', from: span.from, to: span.to };
}

/** The window that ends now, as ISO times for `GET /api/v1/traces?start=&end=`. */
export function rangeWindow(range: TimeRange, now: Date): { start: string; end: string } {
  return {
    start: new Date(now.getTime() - TIME_RANGES[range].ms).toISOString(),
    end: now.toISOString(),
  };
}

/** The window a span searches, resolved against `now` when relative. */
export function spanWindow(span: TimeSpan, now: Date): { start: string; end: string } {
  if (span.kind === 'relative') return rangeWindow(span.range, now);
  return { start: new Date(span.from).toISOString(), end: new Date(span.to).toISOString() };
}

/**
 * Why X-Ray (and the BFF) would refuse an absolute span — end before start, over 6 hours — in
 * the BFF's own words; undefined when it is fine. Checked before asking, so no doomed request.
 */
export function spanProblem(span: TimeSpan): string | undefined {
  if (span.kind === 'relative') return undefined;
  const result = parseTimeWindow({ start: span.from, end: span.to }, { maxMs: MAX_WINDOW_MS });
  return result.ok ? undefined : result.message;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO time as a `datetime-local` input value (local time, to the minute). */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (local time) as an ISO time; undefined when empty or unreadable. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  // Without a zone designator, Date reads a date-time string as local time.
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** "the last 15 minutes", or "14:05:00 – 15:05:00" for an absolute span. */
export function spanWords(span: TimeSpan, format: (iso: string) => string): string {
  return span.kind === 'relative'
    ? TIME_RANGES[span.range].words
    : `${format(span.from)} – ${format(span.to)}`;
}
