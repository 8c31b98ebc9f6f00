import {
  ECS_THROTTLING_CATEGORIES,
  ecsThrottlingCategory,
  type BucketSpec,
} from '@deckhand/shared';

/**
 * A token bucket that hands out reservations: taking a token when none is left books the next
 * one and says how long to wait for it. Waiters are served in order, with no polling loop.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly spec: BucketSpec,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = spec.burst;
    this.updatedAt = now();
  }

  /** Takes one token; returns the milliseconds to wait before using it (0 when one was there). */
  take(): number {
    const now = this.now();
    this.tokens = Math.min(
      this.spec.burst,
      this.tokens + ((now - this.updatedAt) / 1000) * this.spec.rate,
    );
    this.updatedAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.spec.rate) * 1000);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Deckhand's own share of AWS's throttling buckets (DECKHAND_AWS_CALL_BUDGET): the account's
 * buckets are shared with the AWS console, CI and every other tool, so Deckhand keeps below them
 * by waiting instead of being throttled. One bucket per (region, service, category).
 */
export class CallBudget {
  private readonly buckets = new Map<string, TokenBucket>();
  readonly calls = new Map<string, number>();

  /** `share` undefined: calls are counted but never held back (a simulator that does not throttle). */
  constructor(
    private readonly share: number | undefined,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {}

  /** The bucket spec this budget applies to an ECS category: AWS's burst and rate times the share. */
  specFor(operation: string): BucketSpec {
    const aws = ECS_THROTTLING_CATEGORIES[ecsThrottlingCategory(operation)];
    const share = this.share ?? 1;
    return { burst: Math.max(1, Math.floor(aws.burst * share)), rate: aws.rate * share };
  }

  /** Waits until the call may be made. Services without a known bucket (ECR, X-Ray) are not held back. */
  async acquire(region: string, service: string, operation: string): Promise<void> {
    const key = `${service}:${operation}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    if (service !== 'ecs' || this.share === undefined) return;
    const category = ecsThrottlingCategory(operation);
    const bucketKey = `${region}:${service}:${category}`;
    let bucket = this.buckets.get(bucketKey);
    if (!bucket) {
      bucket = new TokenBucket(this.specFor(operation), this.now);
      this.buckets.set(bucketKey, bucket);
    }
    const delay = bucket.take();
    if (delay > 0) await this.wait(delay);
  }

  /** Calls made per `service:Operation` since start (or the last reset). */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.calls].sort(([a], [b]) => a.localeCompare(b)));
  }

  resetCounts(): void {
    this.calls.clear();
  }
}
