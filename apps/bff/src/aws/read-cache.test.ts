import { describe, expect, it, vi } from 'vitest';
import { loadSignal, requestSignal } from './abort-scope.js';
import { callPriority, inBackground, type PriorityScope } from './call-budget.js';
import { failureBackoffMs, ReadCache } from './read-cache.js';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ReadCache', () => {
  it('coalesces concurrent identical reads into one load', async () => {
    const cache = new ReadCache({ ttlMs: 1000 });
    const gate = deferred<number>();
    const load = vi.fn(() => gate.promise);
    const reads = Array.from({ length: 50 }, () => cache.get('k', load));
    gate.resolve(7);
    const results = await Promise.all(reads);
    expect(load).toHaveBeenCalledTimes(1);
    expect(results.every((result) => result.value === 7 && !result.stale)).toBe(true);
  });

  it('serves within the TTL without loading and reloads after it', async () => {
    let now = 0;
    const cache = new ReadCache({ ttlMs: 1000, now: () => now });
    const load = vi.fn(() => Promise.resolve(now));
    await cache.get('k', load);
    now = 999;
    expect((await cache.get('k', load)).value).toBe(0);
    expect(load).toHaveBeenCalledTimes(1);
    // Was: the read at the TTL waited for the reload. Stale-while-revalidate: it answers the
    // last value at once (not marked stale within 2 × TTL) and the reload runs behind it.
    now = 1000;
    expect(await cache.get('k', load)).toEqual({ value: 0, fetchedAt: 0, stale: false });
    expect(load).toHaveBeenCalledTimes(2);
    await Promise.resolve();
    expect(await cache.get('k', load)).toEqual({ value: 1000, fetchedAt: 1000, stale: false });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('revalidates in the background: one coalesced reload, the old value meanwhile, truthful age', async () => {
    let now = 0;
    const cache = new ReadCache({ ttlMs: 1000, now: () => now });
    await cache.get('k', () => Promise.resolve('v1'));
    const gate = deferred<string>();
    const load = vi.fn(() => gate.promise);
    now = 1500;
    const early = await Promise.all(Array.from({ length: 20 }, () => cache.get('k', load)));
    expect(load).toHaveBeenCalledTimes(1);
    expect(early.every((r) => r.value === 'v1' && r.fetchedAt === 0 && !r.stale)).toBe(true);
    // The reload takes long: past 2 × TTL the old value is marked stale, its asOf unchanged.
    now = 2001;
    expect(await cache.get('k', load)).toEqual({ value: 'v1', fetchedAt: 0, stale: true });
    expect(load).toHaveBeenCalledTimes(1);
    gate.resolve('v2');
    await gate.promise;
    await Promise.resolve();
    expect(await cache.get('k', load)).toEqual({ value: 'v2', fetchedAt: 2001, stale: false });
  });

  it('still waits on a cold key, and a reader leaving does not abandon a background reload', async () => {
    let now = 0;
    const cache = new ReadCache({ ttlMs: 1000, now: () => now });
    const cold = deferred<number>();
    const first = cache.get('k', () => cold.promise);
    let settled = false;
    void first.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    cold.resolve(1);
    expect((await first).value).toBe(1);
    now = 5000;
    let signal: AbortSignal | undefined;
    const gate = deferred<number>();
    const leaving = new AbortController();
    const answer = await requestSignal.run(leaving.signal, () =>
      cache.get('k', () => {
        signal = loadSignal.getStore();
        return gate.promise;
      }),
    );
    expect(answer).toEqual({ value: 1, fetchedAt: 0, stale: true });
    leaving.abort();
    expect(signal?.aborted).toBe(false);
    gate.resolve(2);
    await gate.promise;
    await Promise.resolve();
    expect((await cache.get('k', () => Promise.resolve(3))).value).toBe(2);
  });

  it('drops the value when a background reload meets an error it cannot stand in for', async () => {
    let now = 0;
    const cache = new ReadCache({ ttlMs: 1000, now: () => now, staleOnError: () => false });
    await cache.get('k', () => Promise.resolve('v'));
    now = 1000;
    const gone = Promise.reject(new Error('gone'));
    gone.catch(() => undefined);
    expect((await cache.get('k', () => gone)).value).toBe('v');
    await Promise.resolve();
    await Promise.resolve();
    await expect(cache.get('k', () => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
  });

  it('gives a reader asking for newer data a load (joined, not answered from the cache)', async () => {
    let now = 0;
    const cache = new ReadCache({ ttlMs: 1000, now: () => now });
    const first = await cache.get('k', () => Promise.resolve('v1'));
    now = 10;
    // Within the TTL, but not newer than what the reader saw: it waits for a load…
    const gate = deferred<string>();
    const load = vi.fn(() => gate.promise);
    const poll = cache.get('k', load, { fetchedAfter: first.fetchedAt });
    // …that a page read past the TTL joins instead of starting another.
    now = 1200;
    expect((await cache.get('k', load)).value).toBe('v1');
    gate.resolve('v2');
    expect(await poll).toEqual({ value: 'v2', fetchedAt: 1200, stale: false });
    expect(load).toHaveBeenCalledTimes(1);
    // Within the TTL and newer than what it saw: from the cache, no load.
    expect((await cache.get('k', load, { fetchedAfter: first.fetchedAt })).value).toBe('v2');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('raises a background load a request starts waiting on, and revalidates at refresh priority', async () => {
    let now = 0;
    const cache = new ReadCache({ ttlMs: 1000, now: () => now });
    const seen: PriorityScope[] = [];
    const gate = deferred<number>();
    const load = () => {
      const scope = callPriority.getStore();
      if (scope) seen.push(scope);
      return gate.promise;
    };
    const polled = inBackground(() => cache.get('k', load));
    expect(seen[0]?.priority).toBe('background');
    const page = cache.get('k', load);
    expect(seen[0]?.priority).toBe('interactive');
    gate.resolve(1);
    await Promise.all([polled, page]);
    now = 2000;
    await cache.get('k', () => {
      seen.push(callPriority.getStore() ?? { priority: 'interactive' });
      return Promise.resolve(2);
    });
    expect(seen[1]?.priority).toBe('refresh');
  });

  it('answers with the last good value, marked stale, when a refresh is throttled', async () => {
    let now = 0;
    const cache = new ReadCache({
      ttlMs: 10,
      now: () => now,
      staleOnError: (e) => (e as Error).name === 'Throttled',
    });
    await cache.get('k', () => Promise.resolve('good'));
    now = 50;
    const result = await cache.get('k', () =>
      Promise.reject(Object.assign(new Error('x'), { name: 'Throttled' })),
    );
    expect(result).toEqual({ value: 'good', fetchedAt: 0, stale: true });
  });

  it('passes errors on when there is no good value or the error is not a stale-able one', async () => {
    const cache = new ReadCache({ ttlMs: 10, staleOnError: () => true });
    await expect(cache.get('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const strict = new ReadCache({ ttlMs: 0, staleOnError: () => false });
    await strict.get('b', () => Promise.resolve(1));
    await expect(strict.get('b', () => Promise.reject(new Error('denied')))).rejects.toThrow(
      'denied',
    );
  });

  it('forgets by prefix and drops idle entries', async () => {
    let now = 0;
    const cache = new ReadCache({ ttlMs: 1000, maxIdleMs: 100, now: () => now });
    await cache.get('us-east-1:services:a', () => Promise.resolve(1));
    await cache.get('us-east-1:tasks:a', () => Promise.resolve(2));
    cache.invalidate('us-east-1:services:');
    expect(cache.size).toBe(1);
    now = 500;
    await cache.get('other', () => Promise.resolve(3));
    expect(cache.size).toBe(1);
  });

  it('abandons a shared load only when every request waiting on it has gone', async () => {
    const cache = new ReadCache({ ttlMs: 1000 });
    const gate = deferred<number>();
    let loadSignalSeen: AbortSignal | undefined;
    const load = () => {
      loadSignalSeen = loadSignal.getStore();
      return gate.promise;
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = requestSignal.run(first.signal, () => cache.get('k', load));
    const b = requestSignal.run(second.signal, () => cache.get('k', load));
    first.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect(loadSignalSeen?.aborted).toBe(false);
    second.abort();
    await expect(b).rejects.toMatchObject({ name: 'AbortError' });
    expect(loadSignalSeen?.aborted).toBe(true);
    gate.resolve(1);
  });

  it('keeps a load alive for a waiter that cannot abort', async () => {
    const cache = new ReadCache({ ttlMs: 1000 });
    const gate = deferred<number>();
    let loadSignalSeen: AbortSignal | undefined;
    const load = () => {
      loadSignalSeen = loadSignal.getStore();
      return gate.promise;
    };
    const leaving = new AbortController();
    const a = requestSignal.run(leaving.signal, () => cache.get('k', load));
    const b = cache.get('k', load);
    leaving.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    gate.resolve(5);
    expect((await b).value).toBe(5);
    expect(loadSignalSeen?.aborted).toBe(false);
  });

  it('rests a failing key, doubling up to the cap, serving the last good value without loads', async () => {
    let now = 0;
    const throttled = () => Promise.reject(Object.assign(new Error('x'), { name: 'Throttled' }));
    const cache = new ReadCache({
      ttlMs: 1000,
      failureBackoffMaxMs: 4000,
      now: () => now,
      staleOnError: (e) => (e as Error).name === 'Throttled',
    });
    await cache.get('k', () => Promise.resolve('good'));
    const load = vi.fn(throttled);
    // One simulated minute of throttling, a read every 500 ms. The first read past the TTL
    // answers at once (stale-while-revalidate: age 1 s ≤ 2 × TTL, so not marked) while its
    // reload fails in the background; every later one is marked (resting, or a key whose last
    // load failed: those wait for their load again, as before).
    for (now = 1000; now <= 61_000; now += 500) {
      const answer = await cache.get('k', load);
      await Promise.resolve();
      expect(answer).toEqual({ value: 'good', fetchedAt: 0, stale: now > 1000 });
    }
    // Loads at 1 s, then after rests of 1, 2, 4, 4, 4 … s: 17 instead of 121.
    expect(load).toHaveBeenCalledTimes(17);
    // Recovery: the first load after the rest that succeeds is fresh, and the rest is over.
    now += 4000;
    expect(await cache.get('k', () => Promise.resolve('new'))).toMatchObject({
      value: 'new',
      stale: false,
    });
    expect(failureBackoffMs(1000, 1)).toBe(1000);
    expect(failureBackoffMs(1000, 30)).toBe(30_000);
    expect(failureBackoffMs(0, 3)).toBe(0);
  });

  it('answers the last error while resting when there was never a good value', async () => {
    let now = 0;
    const cache = new ReadCache({ ttlMs: 1000, now: () => now, staleOnError: () => true });
    const load = vi.fn(() => Promise.reject(new Error('throttled')));
    await expect(cache.get('k', load)).rejects.toThrow('throttled');
    now = 500;
    await expect(cache.get('k', load)).rejects.toThrow('throttled');
    expect(load).toHaveBeenCalledTimes(1);
    now = 1000;
    await expect(cache.get('k', load)).rejects.toThrow('throttled');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never rests after errors that are not stale-able (denied, not found)', async () => {
    const cache = new ReadCache({ ttlMs: 1000, staleOnError: () => false });
    const load = vi.fn(() => Promise.reject(new Error('denied')));
    await expect(cache.get('k', load)).rejects.toThrow('denied');
    await expect(cache.get('k', load)).rejects.toThrow('denied');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
