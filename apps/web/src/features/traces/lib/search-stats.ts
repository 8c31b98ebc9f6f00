import { traceIdTime, type TraceSummary } from '@deckhand/shared';

/**
 * The pure side of the search charts: duration buckets, percentiles, the duration range chosen
 * on the histogram (`?minDuration=&maxDuration=`, in seconds like X-Ray's `duration` keyword)
 * and the points of the duration-over-time scatter. Durations in here are milliseconds.
 */

export interface DurationBucket {
  /** ms, inclusive. */
  start: number;
  /** ms, exclusive. */
  end: number;
  count: number;
}

/** The smallest 1-2-5 step (1 ms, 2 ms, 5 ms, 10 ms, …) that is at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((value) => value >= raw);
  return step ?? 10 * magnitude;
}

/**
 * Durations in equal buckets of a round width, from 0 to past the slowest, at most about
 * `target` of them; empty for no durations.
 */
export function durationBuckets(durations: readonly number[], target = 20): DurationBucket[] {
  if (durations.length === 0) return [];
  const slowest = Math.max(...durations);
  const width = niceStep(slowest / target);
  const count = Math.floor(slowest / width) + 1;
  const buckets = Array.from({ length: count }, (_, index) => ({
    start: index * width,
    end: (index + 1) * width,
    count: 0,
  }));
  for (const duration of durations) {
    const bucket = buckets[Math.min(count - 1, Math.floor(duration / width))];
    if (bucket) bucket.count += 1;
  }
  return buckets;
}

/** The nearest-rank percentile (`p` in 0–100); undefined for no values. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export interface DurationStats {
  count: number;
  p50: number | undefined;
  p95: number | undefined;
  max: number | undefined;
}

export function durationStats(durations: readonly number[]): DurationStats {
  return {
    count: durations.length,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    max: durations.length ? Math.max(...durations) : undefined,
  };
}

/** A duration range in ms: from `min` (inclusive) up to `max` (exclusive); either may be open. */
export interface DurationRange {
  min?: number | undefined;
  max?: number | undefined;
}

function seconds(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number * 1000 : undefined;
}

/** `?minDuration=&maxDuration=` (seconds) as a range in ms; undefined when neither is set. */
export function parseDurationRange(params: URLSearchParams): DurationRange | undefined {
  const min = seconds(params.get('minDuration'));
  const max = seconds(params.get('maxDuration'));
  if (min === undefined && max === undefined) return undefined;
  return { min, max };
}

/** The URL parameters (seconds, without float noise) of a range; empty removes them. */
export function durationRangeParams(range: DurationRange | undefined): {
  minDuration: string;
  maxDuration: string;
} {
  const text = (ms: number | undefined) =>
    ms === undefined ? '' : String(Number((ms / 1000).toFixed(6)));
  return { minDuration: text(range?.min), maxDuration: text(range?.max) };
}

export function inDurationRange(duration: number, range: DurationRange | undefined): boolean {
  if (!range) return true;
  return (
    (range.min === undefined || duration >= range.min) &&
    (range.max === undefined || duration < range.max)
  );
}

/** The range covered by buckets `a` to `b` (either order) of a histogram. */
export function bucketsRange(
  buckets: readonly DurationBucket[],
  a: number,
  b: number,
): DurationRange | undefined {
  const first = buckets[Math.min(a, b)];
  const last = buckets[Math.max(a, b)];
  return first && last ? { min: first.start, max: last.end } : undefined;
}

/** Whether a bucket lies inside the chosen range (to highlight the selected bars). */
export function bucketSelected(bucket: DurationBucket, range: DurationRange | undefined): boolean {
  if (!range) return false;
  return (
    (range.min === undefined || bucket.end > range.min) &&
    (range.max === undefined || bucket.start < range.max)
  );
}

export type TraceOutcome = 'fault' | 'throttle' | 'error' | 'ok';

/** X-Ray's precedence: a fault (5xx) outranks a throttle (429), which outranks an error (4xx). */
export function traceOutcome(
  trace: Pick<TraceSummary, 'hasFault' | 'hasThrottle' | 'hasError'>,
): TraceOutcome {
  if (trace.hasFault) return 'fault';
  if (trace.hasThrottle) return 'throttle';
  if (trace.hasError) return 'error';
  return 'ok';
}

export interface ScatterPoint {
  id: string;
  /** Epoch ms of the trace's start. */
  time: number;
  duration: number;
  outcome: TraceOutcome;
}

/** Epoch ms of a trace's start: the summary's, else the id's epoch seconds. */
export function traceStartMs(trace: Pick<TraceSummary, 'id' | 'startTime'>): number | undefined {
  const time = trace.startTime ? Date.parse(trace.startTime) : traceIdTime(trace.id)?.getTime();
  return time === undefined || Number.isNaN(time) ? undefined : time;
}

/** The list under the charts: the traces in the chosen duration range, newest first. */
export function listedTraces(
  traces: readonly TraceSummary[],
  range: DurationRange | undefined,
): TraceSummary[] {
  return traces
    .filter((trace) => inDurationRange(trace.duration, range))
    .map((trace) => ({ trace, time: traceStartMs(trace) ?? 0 }))
    .sort((a, b) => b.time - a.time)
    .map(({ trace }) => trace);
}

/** One point per trace with a known start. */
export function scatterPoints(traces: readonly TraceSummary[]): ScatterPoint[] {
  return traces.flatMap((trace) => {
    const time = traceStartMs(trace);
    if (time === undefined) return [];
    return [{ id: trace.id, time, duration: trace.duration, outcome: traceOutcome(trace) }];
  });
}
