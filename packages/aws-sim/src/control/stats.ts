export interface StatsSnapshot {
  /** Every call that reached an operation, throttled and faulted ones included. */
  total: number;
  operations: Record<string, number>;
  /** Calls answered the service's throttling error, by the buckets or by an injected fault. */
  throttled: Record<string, number>;
  /** Calls an injected fault acted on (throttle, error, latency or hang). */
  faults: Record<string, number>;
}

/** Counters kept elsewhere, shown beside the call counts (the X-Ray daemon's, under `xray`). */
export interface StatsSection {
  read(): unknown;
  reset(): void;
}

const sorted = (counts: Map<string, number>) =>
  Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));

const increment = (counts: Map<string, number>, key: string) =>
  counts.set(key, (counts.get(key) ?? 0) + 1);

/** Counts of AWS calls per operation, for `GET /_sim/stats` and the BFF's efficiency benchmarks. */
export class CallStats {
  private counts = new Map<string, number>();
  private throttledCounts = new Map<string, number>();
  private faultCounts = new Map<string, number>();
  private sections = new Map<string, StatsSection>();

  /** Shows a section's counters under `name` in every snapshot; reset() clears them too. */
  addSection(name: string, section: StatsSection): void {
    this.sections.set(name, section);
  }

  /** Counts a call; a throttled call is still a call, as AWS bills and throttles it. */
  record(service: string, operation: string): void {
    increment(this.counts, `${service}:${operation}`);
  }

  recordThrottled(service: string, operation: string): void {
    increment(this.throttledCounts, `${service}:${operation}`);
  }

  recordFault(service: string, operation: string): void {
    increment(this.faultCounts, `${service}:${operation}`);
  }

  reset(): void {
    this.counts.clear();
    this.throttledCounts.clear();
    this.faultCounts.clear();
    for (const section of this.sections.values()) section.reset();
  }

  total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  snapshot(): StatsSnapshot & Record<string, unknown> {
    return {
      total: this.total(),
      operations: sorted(this.counts),
      throttled: sorted(this.throttledCounts),
      faults: sorted(this.faultCounts),
      ...Object.fromEntries([...this.sections].map(([name, section]) => [name, section.read()])),
    };
  }
}
