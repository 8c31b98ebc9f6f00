/**
 * X-Ray's response-time histogram (one entry per distinct value, often hundreds) in a dozen
 * buckets on a roughly logarithmic scale, so the chart shows the shape: the body and the tail.
 */

/** Upper bounds (exclusive) in ms; the last bucket is everything from 10 s on. */
const BOUNDS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000] as const;

export interface LatencyBucket {
  label: string;
  count: number;
}

const ms = (value: number) => (value >= 1000 ? `${value / 1000} s` : `${value} ms`);
const bare = (value: number) => (value >= 1000 ? `${value / 1000}` : `${value}`);

function label(index: number): string {
  const upper = BOUNDS[index];
  const lower = index === 0 ? undefined : BOUNDS[index - 1];
  if (upper === undefined) return `≥ ${ms(lower ?? 0)}`;
  if (lower === undefined) return `< ${ms(upper)}`;
  // "5–10 ms", "500 ms–1 s", "1–2.5 s"
  const sameUnit = lower >= 1000 === upper >= 1000;
  return `${sameUnit ? bare(lower) : ms(lower)}–${ms(upper)}`;
}

/** Buckets from the first to the last one with requests; none for an empty histogram. */
export function latencyBuckets(
  histogram: readonly { value: number; count: number }[] | undefined,
): LatencyBucket[] {
  const counts = new Array<number>(BOUNDS.length + 1).fill(0);
  for (const { value, count } of histogram ?? []) {
    const found = BOUNDS.findIndex((bound) => value < bound);
    const index = found === -1 ? BOUNDS.length : found;
    counts[index] = (counts[index] ?? 0) + count;
  }
  const first = counts.findIndex((count) => count > 0);
  if (first === -1) return [];
  const last = counts.findLastIndex((count) => count > 0);
  return counts
    .slice(first, last + 1)
    .map((count, offset) => ({ label: label(first + offset), count }));
}
