import { loadSignal, requestSignal, untilAborted } from './abort-scope.js';
import { toHttpError } from './errors.js';

/**
 * A short-TTL cache with single-flight coalescing and stale-while-error, per key.
 *
 * - Identical reads in flight share one upstream call (N browsers → 1 AWS call).
 * - Within the TTL an entry is served without any call.
 * - When a refresh fails with an error that the last good value can stand in for (throttling,
 *   timeouts, AWS unavailable), the last good value is served, marked stale with its time.
 * - After such a failure the key rests: for a TTL, doubling with each failure in a row up to
 *   `failureBackoffMaxMs`, reads get the last good value (or the last error) without an AWS
 *   call. A minute of throttling then costs a handful of loads per key, not one per request;
 *   the first load after the rest that succeeds ends it (recovery needs no restart).
 */
export interface CachedValue<T> {
  value: T;
  /** Epoch ms the value was fetched. */
  fetchedAt: number;
  stale: boolean;
}

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Requests waiting on this load; when the last one leaves early, the load is abandoned. */
  waiters: number;
}

interface Entry<T> {
  value?: T;
  fetchedAt?: number;
  inFlight?: Flight<T>;
  /** Stale-able failures in a row, and until when the key rests after the last one. */
  failures?: number;
  restUntil?: number;
  lastError?: Error;
}

export interface ReadCacheOptions {
  ttlMs: number;
  /** Entries not read for this long are dropped (bounded memory). */
  maxIdleMs?: number;
  /** Whether a failure may be answered with the last good value. */
  staleOnError?: (error: unknown) => boolean;
  /** The longest rest after failures in a row (default 30 s); a TTL of 0 never rests. */
  failureBackoffMaxMs?: number;
  now?: () => number;
}

/** How long a key rests after its `failures`-th stale-able failure in a row. */
export function failureBackoffMs(ttlMs: number, failures: number, maxMs = 30_000): number {
  if (ttlMs <= 0 || failures <= 0) return 0;
  return Math.min(Math.max(maxMs, ttlMs), ttlMs * 2 ** Math.min(failures - 1, 20));
}

export class ReadCache {
  private readonly entries = new Map<string, Entry<unknown> & { lastReadAt: number }>();
  private readonly now: () => number;

  constructor(private readonly options: ReadCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  async get<T>(key: string, load: () => Promise<T>): Promise<CachedValue<T>> {
    const now = this.now();
    this.sweep(now);
    let entry = this.entries.get(key) as (Entry<T> & { lastReadAt: number }) | undefined;
    if (!entry) {
      entry = { lastReadAt: now };
      this.entries.set(key, entry);
    }
    entry.lastReadAt = now;
    if (
      entry.fetchedAt !== undefined &&
      entry.value !== undefined &&
      now - entry.fetchedAt < this.options.ttlMs
    ) {
      return { value: entry.value, fetchedAt: entry.fetchedAt, stale: false };
    }
    const current = entry;
    if (!current.inFlight && current.restUntil !== undefined && now < current.restUntil) {
      // Resting after a failure: no AWS call until the rest is over.
      if (current.value !== undefined && current.fetchedAt !== undefined)
        return { value: current.value, fetchedAt: current.fetchedAt, stale: true };
      if (current.lastError) throw current.lastError;
    }
    if (!current.inFlight) {
      const controller = new AbortController();
      const promise = loadSignal
        .run(controller.signal, load)
        .then(
          (value) => {
            current.failures = 0;
            current.restUntil = undefined;
            current.lastError = undefined;
            return value;
          },
          (error: unknown) => {
            if (!controller.signal.aborted && (this.options.staleOnError?.(error) ?? false)) {
              current.failures = (current.failures ?? 0) + 1;
              current.lastError = error instanceof Error ? error : new Error(String(error));
              current.restUntil =
                this.now() +
                failureBackoffMs(
                  this.options.ttlMs,
                  current.failures,
                  this.options.failureBackoffMaxMs,
                );
            }
            throw error;
          },
        )
        .finally(() => {
          current.inFlight = undefined;
        });
      // Nobody may be waiting when an abandoned load rejects: that must not be an unhandled rejection.
      promise.catch(() => undefined);
      current.inFlight = { promise, controller, waiters: 0 };
    }
    const flight = current.inFlight;
    const signal = requestSignal.getStore();
    flight.waiters += 1;
    try {
      const value = await untilAborted(flight.promise, signal);
      if (current.fetchedAt === undefined || current.fetchedAt < now) {
        current.value = value;
        current.fetchedAt = this.now();
      }
      return { value, fetchedAt: current.fetchedAt, stale: false };
    } catch (error) {
      if (signal?.aborted) throw error;
      const mayServeStale = this.options.staleOnError?.(error) ?? false;
      if (mayServeStale && current.value !== undefined && current.fetchedAt !== undefined) {
        return { value: current.value, fetchedAt: current.fetchedAt, stale: true };
      }
      throw error;
    } finally {
      flight.waiters -= 1;
      if (flight.waiters === 0 && signal?.aborted && current.inFlight === flight)
        flight.controller.abort();
    }
  }

  /** Drops every entry whose key starts with the prefix (after a mutation). */
  invalidate(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private lastSweep = Number.NEGATIVE_INFINITY;

  /** Drops idle entries; at most once per tenth of the idle limit, so a read is not a full scan. */
  private sweep(now: number): void {
    const maxIdle = this.options.maxIdleMs ?? 10 * 60_000;
    if (now - this.lastSweep < maxIdle / 10) return;
    this.lastSweep = now;
    for (const [key, entry] of this.entries) {
      if (!entry.inFlight && now - entry.lastReadAt > maxIdle) this.entries.delete(key);
    }
  }
}

/** A cached read whose AWS failures become the BFF's named errors, saying what was being read. */
export function cachedRead<T>(
  cache: ReadCache,
  key: string,
  what: string,
  load: () => Promise<T>,
): Promise<CachedValue<T>> {
  return cache.get(key, async () => {
    try {
      return await load();
    } catch (error) {
      throw toHttpError(error, what);
    }
  });
}
