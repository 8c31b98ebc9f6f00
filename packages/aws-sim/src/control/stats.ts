/** Counts of AWS calls per operation, for `GET /_sim/stats` and the BFF's efficiency benchmarks. */
export class CallStats {
  private counts = new Map<string, number>();

  record(service: string, operation: string): void {
    const key = `${service}:${operation}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  reset(): void {
    this.counts.clear();
  }

  total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  snapshot(): { total: number; operations: Record<string, number> } {
    return {
      total: this.total(),
      operations: Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}
