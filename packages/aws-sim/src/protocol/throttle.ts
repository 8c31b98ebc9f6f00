import { ECS_THROTTLING } from './throttle-ecs.js';

/** A token bucket's size: `burst` calls at once, then `refillPerSecond` a second. */
export interface BucketSpec {
  burst: number;
  refillPerSecond: number;
}

/** How a service throttles: each operation draws from its category's bucket. */
export interface ThrottlePolicy {
  buckets: Record<string, BucketSpec>;
  categories: Record<string, string>;
  /** Categories whose numbers AWS does not publish: guesses, hence settable. */
  unverified: readonly string[];
}

/** Throttling policies by SigV4 signing name. A service without one is never throttled. */
export const THROTTLE_POLICIES: Record<string, ThrottlePolicy> = { ecs: ECS_THROTTLING };

export type ThrottlingMode = 'aws' | 'off';

export const isThrottlingMode = (value: unknown): value is ThrottlingMode =>
  value === 'aws' || value === 'off';

const SECOND = 1000;

/**
 * One bucket. AWS documents the refill as a set number of tokens added every second (not a
 * continuous trickle), so a burst of `burst + 1` calls inside one second always throttles the last.
 */
export class TokenBucket {
  private tokens: number;
  private lastRefill: number;

  constructor(
    private readonly spec: BucketSpec,
    now: number,
  ) {
    this.tokens = spec.burst;
    this.lastRefill = now;
  }

  /** Takes a token; false when the bucket is empty (the call is throttled). */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    // The refill ticks are counted from the first call that dips into a full bucket.
    if (this.tokens >= this.spec.burst) this.lastRefill = now;
    this.tokens -= 1;
    return true;
  }

  /** Tokens left right now (whole calls that would pass). */
  available(now: number): number {
    this.refill(now);
    return Math.floor(this.tokens);
  }

  private refill(now: number): void {
    const ticks = Math.floor((now - this.lastRefill) / SECOND);
    if (ticks <= 0) return;
    this.tokens = Math.min(this.spec.burst, this.tokens + ticks * this.spec.refillPerSecond);
    this.lastRefill += ticks * SECOND;
  }
}

/** A call as the throttler sees it: AWS throttles per account and Region, never per client. */
export interface ThrottledCall {
  accountId: string;
  region: string;
  service: string;
  operation: string;
}

/**
 * AWS's request throttling: one bucket per account, Region and action category, shared by every
 * client. Refills by wall-clock time, not simulated time: a faster simulated clock must not let
 * a client poll faster than AWS would. `now` is injectable for unit tests.
 */
export class Throttler {
  private readonly buckets = new Map<string, TokenBucket>();
  private overrides: Record<string, Record<string, BucketSpec>> = {};

  constructor(
    private currentMode: ThrottlingMode = 'aws',
    private readonly now: () => number = () => performance.now(),
    private readonly policies: Record<string, ThrottlePolicy> = THROTTLE_POLICIES,
  ) {}

  get mode(): ThrottlingMode {
    return this.currentMode;
  }

  /** Switches mode; either way every bucket starts full again. */
  setMode(mode: ThrottlingMode): void {
    this.currentMode = mode;
    this.buckets.clear();
  }

  /** Replaces bucket sizes of a service's categories (the unverified ones are settings). */
  setBuckets(service: string, buckets: Record<string, BucketSpec>): void {
    this.overrides[service] = { ...this.overrides[service], ...buckets };
    this.buckets.clear();
  }

  /** Refills every bucket, keeping the mode. */
  reset(): void {
    this.buckets.clear();
  }

  /** The category an operation draws from, or undefined when it is never throttled. */
  categoryOf(service: string, operation: string): string | undefined {
    return this.policies[service]?.categories[operation];
  }

  /** The effective bucket sizes of a service, for `GET /_sim/throttling`. */
  bucketsOf(service: string): Record<string, BucketSpec> {
    return { ...this.policies[service]?.buckets, ...this.overrides[service] };
  }

  /** Takes a token for the call; false means answer ThrottlingException. */
  take(call: ThrottledCall): boolean {
    if (this.currentMode === 'off') return true;
    const category = this.categoryOf(call.service, call.operation);
    const spec = category === undefined ? undefined : this.bucketsOf(call.service)[category];
    if (category === undefined || !spec) return true;
    const key = `${call.accountId}/${call.region}/${call.service}/${category}`;
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(spec, now);
      this.buckets.set(key, bucket);
    }
    return bucket.take(now);
  }
}
