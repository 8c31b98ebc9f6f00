import { isIP } from 'node:net';
import type { Request, RequestHandler } from 'express';
import { ThrottledError } from './errors.js';

/** A token bucket's shape: `rate` requests a second sustained, `burst` at once. */
export interface RateLimit {
  rate: number;
  burst: number;
}

/** DECKHAND_RATE_LIMIT's default: far above what one console tab asks (a few requests a minute, a burst at page load). */
export const DEFAULT_RATE_LIMIT: RateLimit = { rate: 50, burst: 200 };

/**
 * What a client known only by its address gets, in clients: everyone behind one NAT or proxy,
 * every browser of a local load test and every script shares an address, so its bucket is this
 * many clients' worth (1,000/s and a burst of 4,000 by default). Signed-in sessions get one each.
 */
export const ADDRESS_SHARE = 20;

/** A bucket: its tokens at `at`, and when it will be full again (an idle full bucket says nothing). */
interface Bucket {
  tokens: number;
  at: number;
  fullAt: number;
}

const SWEEP_INTERVAL_MS = 10_000;

/**
 * Token buckets by key, in bounded memory: a bucket that has refilled is the same as no bucket,
 * so it is dropped at the next sweep; past `maxBuckets` (a flood of distinct addresses) the least
 * recently used goes, which only ever gives its client a full bucket back.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly maxBuckets = 10_000,
  ) {
    this.lastSweep = now();
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token from `key`'s bucket: 0 when there was one, else the seconds until there will be. */
  take(key: string, { rate, burst }: RateLimit): number {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key);
    let tokens = burst;
    if (bucket) {
      tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
      // Re-inserted below: the Map's order is then least recently used first.
      this.buckets.delete(key);
    } else if (this.buckets.size >= this.maxBuckets) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    const allowed = tokens >= 1;
    if (allowed) tokens -= 1;
    this.buckets.set(key, { tokens, at: now, fullAt: now + ((burst - tokens) / rate) * 1000 });
    return allowed ? 0 : (1 - tokens) / rate;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (bucket.fullAt <= now) this.buckets.delete(key);
  }
}

/** The groups of an IPv6 address, or undefined when it is not one. */
function ipv6Groups(address: string): string[] | undefined {
  if (isIP(address) !== 6) return undefined;
  const groupsOf = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => (group.includes('.') ? ['v4', 'v4'] : [group]));
  const [head = '', tail] = address.split('::');
  const before = groupsOf(head);
  if (tail === undefined) return before;
  const after = groupsOf(tail);
  return [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
}

/**
 * The address a client is known by: IPv4 as is (also when mapped into IPv6), IPv6 by its /64,
 * which is what one host or one home gets, so that hopping through a prefix buys no new bucket.
 */
export function clientAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  const bare = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  const groups = ipv6Groups(bare);
  if (!groups) return bare;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

export interface RateLimiterOptions extends RateLimit {
  /**
   * The signed-in session a request belongs to, when it carries a valid one. Only a valid one:
   * a made-up cookie must not buy a fresh bucket.
   */
  sessionOf?: (req: Request) => string | undefined;
  /** Milliseconds, monotonic; injectable for tests. */
  now?: () => number;
  maxBuckets?: number;
}

/**
 * Per-client rate limit for the API, ahead of authentication, the body parser and every route:
 * a flood, signed in or not, is answered 429 with `Retry-After` before it costs a body parse or
 * an AWS call. A client is its session when signed in, else its address (loopback included),
 * with ADDRESS_SHARE times the budget. An SSE stream is one request: it counts once, at connect.
 */
export function rateLimiter(options: RateLimiterOptions): RequestHandler {
  const buckets = new TokenBuckets(options.now, options.maxBuckets);
  const perSession: RateLimit = { rate: options.rate, burst: options.burst };
  const perAddress: RateLimit = {
    rate: options.rate * ADDRESS_SHARE,
    burst: options.burst * ADDRESS_SHARE,
  };
  return (req, _res, next) => {
    const session = options.sessionOf?.(req);
    const wait = session
      ? buckets.take(`session:${session}`, perSession)
      : buckets.take(`address:${clientAddress(req.ip ?? req.socket.remoteAddress)}`, perAddress);
    if (wait > 0) {
      next(new ThrottledError('Too many requests from this client; try again shortly.', wait));
      return;
    }
    next();
  };
}
