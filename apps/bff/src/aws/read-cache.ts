import { loadSignal, requestSignal, untilAborted } from './abort-scope.js';
import {
  callPriority,
  currentPriority,
  lesserPriority,
  raisePriority,
  type PriorityScope,
} from './call-budget.js';
import { toHttpError } from './errors.js';

/**
 * A short-TTL cache with single-flight coalescing and stale-while-error, per key.
 *
 * - Identical reads in flight share one upstream call (N browsers → 1 AWS call).
 * - Within the TTL an entry is served without any call.
 * - Stale-while-revalidate: once a key has a good value and its last load succeeded, a read after
 *   the TTL answers that value at once and starts ONE reload in the background (coalesced with
 *   any other; at 'refresh' priority in the call budget, below reads someone waits for). The
 *   answer keeps its true `fetchedAt` (asOf) and is marked `stale` only once its age exceeds
 *   `staleAfterMs` (default 2 × TTL): a reload that takes longer than a TTL, or keeps failing,
 *   shows; the usual sub-second refresh of a small list does not flicker the stale banner.
 *   Cold keys (no value yet) and keys whose last load failed still wait for the load, as before;
 *   a TTL of 0 (no cache) always waits. Readers that must see data newer than a point in time
 *   (the live pollers) pass `fetchedAfter` and wait for a load instead.
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
  /** When the load started (epoch ms, the cache's clock). */
  startedAt: number;
  /** The load's call-budget priority; raised when a more urgent reader joins it. */
  priority: PriorityScope;
  /** Requests waiting on this load; when the last one leaves early, the load is abandoned… */
  waiters: number;
  /** …unless it is a background revalidation, which readers answered from the cache expect. */
  detached: boolean;
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
  /**
   * Past this age a value answered while it is being reloaded is marked stale (default 2 × TTL).
   */
  staleAfterMs?: number;
  now?: () => number;
}

export interface ReadOptions {
  /**
   * The reader needs a value fetched after this (epoch ms, the cache's clock): an older one is
   * not answered from the cache; the reader joins the load in flight or starts one and waits.
   * Used by the live pollers, whose every cycle must look again, so their loads fill the cache
   * the pages read (and their waits join the pages' reloads) instead of reading ECS twice.
   */
  fetchedAfter?: number;
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

  async get<T>(
    key: string,
    load: () => Promise<T>,
    options: ReadOptions = {},
  ): Promise<CachedValue<T>> {
    const now = this.now();
    this.sweep(now);
    let entry = this.entries.get(key) as (Entry<T> & { lastReadAt: number }) | undefined;
    if (!entry) {
      entry = { lastReadAt: now };
      this.entries.set(key, entry);
    }
    entry.lastReadAt = now;
    const current = entry;
    const { fetchedAfter } = options;
    const good =
      current.fetchedAt !== undefined &&
      current.value !== undefined &&
      (fetchedAfter === undefined || current.fetchedAt > fetchedAfter)
        ? { value: current.value, fetchedAt: current.fetchedAt }
        : undefined;
    if (good && now - good.fetchedAt < this.options.ttlMs) return { ...good, stale: false };
    if (!current.inFlight && current.restUntil !== undefined && now < current.restUntil) {
      // Resting after a failure: no AWS call until the rest is over. A reader that needs newer
      // data than it has seen (fetchedAfter) gets the error: the old value is no news to it.
      if (fetchedAfter !== undefined && current.lastError) throw current.lastError;
      if (current.value !== undefined && current.fetchedAt !== undefined)
        return { value: current.value, fetchedAt: current.fetchedAt, stale: true };
      if (current.lastError) throw current.lastError;
    }
    // Stale-while-revalidate: the last good value now, one reload in the background.
    const revalidate =
      fetchedAfter === undefined &&
      good !== undefined &&
      this.options.ttlMs > 0 &&
      (current.failures ?? 0) === 0;
    if (!current.inFlight) this.startLoad(current, load, now, revalidate ? 'refresh' : undefined);
    const flight = current.inFlight;
    if (!flight) throw new Error('read-cache: no load in flight'); // cannot happen: started above
    if (revalidate) {
      const staleAfter = this.options.staleAfterMs ?? 2 * this.options.ttlMs;
      return { ...good, stale: now - good.fetchedAt > staleAfter };
    }
    // Someone waits on this load now: it goes at least at the waiter's priority.
    raisePriority(flight.priority, currentPriority());
    const signal = requestSignal.getStore();
    flight.waiters += 1;
    try {
      const value = await untilAborted(flight.promise, signal);
      return { value, fetchedAt: current.fetchedAt ?? this.now(), stale: false };
    } catch (error) {
      if (signal?.aborted) throw error;
      const mayServeStale = this.options.staleOnError?.(error) ?? false;
      if (
        mayServeStale &&
        fetchedAfter === undefined &&
        current.value !== undefined &&
        current.fetchedAt !== undefined
      ) {
        return { value: current.value, fetchedAt: current.fetchedAt, stale: true };
      }
      throw error;
    } finally {
      flight.waiters -= 1;
      if (
        flight.waiters === 0 &&
        !flight.detached &&
        signal?.aborted &&
        current.inFlight === flight
      )
        flight.controller.abort();
    }
  }

  /**
   * Starts the entry's one load; its value is stored when it arrives (waited for or not). A
   * `detached` load (a background revalidation) is never abandoned by a leaving reader.
   */
  private startLoad<T>(
    current: Entry<T>,
    load: () => Promise<T>,
    startedAt: number,
    detachedPriority: 'refresh' | undefined,
  ): void {
    const controller = new AbortController();
    const priority: PriorityScope = {
      priority: detachedPriority
        ? lesserPriority(detachedPriority, currentPriority())
        : currentPriority(),
    };
    const promise = loadSignal
      .run(controller.signal, () => callPriority.run(priority, load))
      .then(
        (value) => {
          current.failures = 0;
          current.restUntil = undefined;
          current.lastError = undefined;
          if (current.fetchedAt === undefined || current.fetchedAt < startedAt) {
            current.value = value;
            current.fetchedAt = this.now();
          }
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
          } else if (!controller.signal.aborted && detachedPriority) {
            // A background reload met an error the old value cannot stand in for (denied, gone):
            // the value is dropped, so the next read loads again and answers that error.
            current.value = undefined;
            current.fetchedAt = undefined;
          }
          throw error;
        },
      )
      .finally(() => {
        current.inFlight = undefined;
      });
    // Nobody may be waiting when an abandoned load rejects: that must not be an unhandled rejection.
    promise.catch(() => undefined);
    current.inFlight = {
      promise,
      controller,
      startedAt,
      priority,
      waiters: 0,
      detached: detachedPriority !== undefined,
    };
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
  options?: ReadOptions,
): Promise<CachedValue<T>> {
  return cache.get(
    key,
    async () => {
      try {
        return await load();
      } catch (error) {
        const converted = toHttpError(error, what);
        // The AWS error stays reachable (the live poller tells a vanished cluster by its name).
        if (converted !== error && error instanceof Error && !('cause' in converted))
          Object.defineProperty(converted, 'cause', { value: error, configurable: true });
        throw converted;
      }
    },
    options,
  );
}
