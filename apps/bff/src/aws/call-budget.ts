import { AsyncLocalStorage } from 'node:async_hooks';
import {
  ECS_THROTTLING_CATEGORIES,
  ecsThrottlingCategory,
  type BucketSpec,
} from '@deckhand/shared';

/**
 * A token bucket that hands out reservations: taking a token when none is left books the next
 * one and says how long to wait for it. CallBudget decides who gets each booked token.
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

  /** Gives back a token taken but not used (its waiter left). */
  refund(): void {
    this.tokens = Math.min(this.spec.burst, this.tokens + 1);
  }
}

/**
 * Whom an AWS call is made for, most urgent first:
 * - `interactive`: a browser request waits on it (the default: no scope set);
 * - `refresh`: a stale-while-revalidate reload (read-cache.ts); the page already got an answer;
 * - `background`: the live pollers, pre-fetches and scans nobody waits on.
 * It travels as async context (like abort-scope.ts's signals), so readers need no parameter.
 * The scope is mutable: a shared load started in the background is raised when a browser
 * request starts waiting on it, and its calls already queued move up with it.
 */
export type CallPriority = 'interactive' | 'refresh' | 'background';
export interface PriorityScope {
  priority: CallPriority;
}
const RANK: Record<CallPriority, number> = { interactive: 0, refresh: 1, background: 2 };

export const callPriority = new AsyncLocalStorage<PriorityScope>();

export function currentPriority(): CallPriority {
  return callPriority.getStore()?.priority ?? 'interactive';
}

/** The less urgent of two priorities. */
export function lesserPriority(a: CallPriority, b: CallPriority): CallPriority {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Raises a scope to `to` when that is more urgent. */
export function raisePriority(scope: PriorityScope, to: CallPriority): void {
  if (RANK[to] < RANK[scope.priority]) scope.priority = to;
}

/** Runs `fn` with its AWS calls (and the cache loads it starts) at background priority. */
export function inBackground<T>(fn: () => T): T {
  return callPriority.run({ priority: 'background' }, fn);
}

/**
 * Of every `FAIR_EVERY` grants while calls wait, one goes to the call that has waited longest
 * whatever its priority: background work slows down under load but never stops.
 */
export const FAIR_EVERY = 4;

interface Waiter {
  scope: PriorityScope;
  /** The next page of a listing under way: first within its priority (see acquire). */
  continuation: boolean;
  seq: number;
  resolve: () => void;
}

export interface AcquireOptions {
  /** Overrides the async context's priority. */
  priority?: CallPriority;
  /** A call with a `nextToken`: the next page of a listing under way. */
  continuation?: boolean;
}

/** One bucket and the calls waiting for its tokens. */
interface Lane {
  bucket: TokenBucket;
  queue: Waiter[];
  pumping: boolean;
  /** Grants by priority since the last one that went to the longest waiter. */
  sinceFair: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Deckhand's own share of AWS's throttling buckets (DECKHAND_AWS_CALL_BUDGET): the account's
 * buckets are shared with the AWS console, CI and every other tool, so Deckhand keeps below them
 * by waiting instead of being throttled. One bucket per (region, service, category).
 */
export class CallBudget {
  private readonly lanes = new Map<string, Lane>();
  private seq = 0;
  readonly calls = new Map<string, number>();
  /** Grants per priority since start (or the last reset), for tests and diagnostics. */
  readonly grants = new Map<CallPriority, number>();

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

  /**
   * Waits until the call may be made. Services without a known bucket (ECR, X-Ray) are not held
   * back. Calls that must wait are served by priority (`priority`, else the async context's, else
   * interactive), first-come-first-served within one, one in FAIR_EVERY to the longest waiter.
   * Within a priority the next page of a listing goes first: a listing is a chain of calls, one
   * waiting at a time, so a 200-page ListTasks does not queue behind everything at every page
   * (and can never hold more than one place ahead of the others).
   */
  async acquire(
    region: string,
    service: string,
    operation: string,
    options: AcquireOptions = {},
  ): Promise<void> {
    const { priority, continuation = false } = options;
    const key = `${service}:${operation}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    if (service !== 'ecs' || this.share === undefined) return;
    const category = ecsThrottlingCategory(operation);
    const laneKey = `${region}:${service}:${category}`;
    let lane = this.lanes.get(laneKey);
    if (!lane) {
      lane = {
        bucket: new TokenBucket(this.specFor(operation), this.now),
        queue: [],
        pumping: false,
        sinceFair: 0,
      };
      this.lanes.set(laneKey, lane);
    }
    const scope = priority
      ? { priority }
      : (callPriority.getStore() ?? { priority: 'interactive' });
    if (!lane.pumping && lane.queue.length === 0) {
      const delay = lane.bucket.take();
      if (delay === 0) {
        this.count(scope.priority);
        return;
      }
      const granted = this.enqueue(lane, scope, continuation);
      void this.pump(lane, delay);
      return granted;
    }
    return this.enqueue(lane, scope, continuation);
  }

  /** Calls waiting for a token, across buckets. */
  get waiting(): number {
    let total = 0;
    for (const lane of this.lanes.values()) total += lane.queue.length;
    return total;
  }

  private enqueue(lane: Lane, scope: PriorityScope, continuation: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      this.seq += 1;
      lane.queue.push({ scope, continuation, seq: this.seq, resolve });
    });
  }

  /**
   * Hands the lane's tokens out one by one as they come: books the next token, waits for it, and
   * only then picks who gets it, so a browser request that arrived meanwhile goes first.
   */
  private async pump(lane: Lane, firstDelay: number): Promise<void> {
    lane.pumping = true;
    try {
      let delay = firstDelay;
      for (;;) {
        if (delay > 0) await this.wait(delay);
        const next = this.pick(lane);
        if (next) {
          this.count(next.scope.priority);
          next.resolve();
        } else lane.bucket.refund();
        if (lane.queue.length === 0) break;
        delay = lane.bucket.take();
      }
    } finally {
      lane.pumping = false;
    }
  }

  /** Removes and returns the waiter the next token goes to. */
  private pick(lane: Lane): Waiter | undefined {
    const { queue } = lane;
    if (queue.length === 0) return undefined;
    // The queue is in arrival order: the first of the most urgent priority present.
    // Rank: priority, then a listing's next page before other calls (2 × priority + 1 - page).
    const rankOf = (waiter: Waiter) =>
      2 * RANK[waiter.scope.priority] + (waiter.continuation ? 0 : 1);
    let best = 0;
    let bestRank = rankOf(queue[0] as Waiter);
    for (let i = 1; i < queue.length && bestRank > 0; i += 1) {
      const rank = rankOf(queue[i] as Waiter);
      if (rank < bestRank) {
        best = i;
        bestRank = rank;
      }
    }
    if (best !== 0) {
      lane.sinceFair += 1;
      // Every FAIR_EVERY-th grant that jumped the line goes to the longest waiter instead.
      if (lane.sinceFair >= FAIR_EVERY) {
        lane.sinceFair = 0;
        best = 0;
      }
    }
    return queue.splice(best, 1)[0];
  }

  private count(priority: CallPriority): void {
    this.grants.set(priority, (this.grants.get(priority) ?? 0) + 1);
  }

  /** Calls made per `service:Operation` since start (or the last reset). */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.calls].sort(([a], [b]) => a.localeCompare(b)));
  }

  resetCounts(): void {
    this.calls.clear();
    this.grants.clear();
  }
}
