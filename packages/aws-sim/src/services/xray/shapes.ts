import type { Outcome, ServiceRef } from './analysis.js';
import { seconds } from './json.js';

// Output shapes shared by the summary, graph and time-series operations, with X-Ray's
// PascalCase member names from the service model.

/** Nodes nobody in the account sent segments for carry no account. */
const FOREIGN_TYPES = new Set(['remote', 'Database::SQL', 'client']);

export function serviceId(ref: ServiceRef, accountId: string) {
  return {
    ...(ref.name === undefined ? {} : { Name: ref.name, Names: [ref.name] }),
    ...(ref.type !== undefined && FOREIGN_TYPES.has(ref.type) ? {} : { AccountId: accountId }),
    ...(ref.type === undefined ? {} : { Type: ref.type }),
  };
}

/** Counts of calls by outcome plus their total time: a node's or an edge's SummaryStatistics. */
export class Statistics {
  ok = 0;
  error = 0;
  throttle = 0;
  fault = 0;
  totalTime = 0;
  private readonly histogram = new Map<number, number>();

  add(outcome: Outcome, responseTime: number): void {
    this[outcome] += 1;
    this.totalTime += responseTime;
    const bucket = histogramBucket(responseTime);
    this.histogram.set(bucket, (this.histogram.get(bucket) ?? 0) + 1);
  }

  get total(): number {
    return this.ok + this.error + this.throttle + this.fault;
  }

  summary() {
    return {
      OkCount: this.ok,
      ErrorStatistics: {
        ThrottleCount: this.throttle,
        OtherCount: this.error,
        TotalCount: this.error + this.throttle,
      },
      FaultStatistics: { OtherCount: this.fault, TotalCount: this.fault },
      TotalCount: this.total,
      TotalResponseTime: seconds(this.totalTime),
    };
  }

  histogramEntries() {
    return [...this.histogram]
      .sort(([a], [b]) => a - b)
      .map(([value, count]) => ({ Value: value, Count: count }));
  }
}

/**
 * Histogram values: milliseconds below a second, then two significant digits, which keeps a
 * long tail to a few dozen entries however many calls there are.
 */
export function histogramBucket(value: number): number {
  if (value < 1) return Math.round(value * 1000) / 1000;
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(Math.round(value / magnitude) * magnitude * 1000) / 1000;
}
