import { describe, expect, it, vi } from 'vitest';
import { loadSignal, requestSignal } from './abort-scope.js';
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
    now = 1000;
    expect((await cache.get('k', load)).value).toBe(1000);
    expect(load).toHaveBeenCalledTimes(2);
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
    // One simulated minute of throttling, a read every 500 ms.
    for (now = 1000; now <= 61_000; now += 500) {
      expect(await cache.get('k', load)).toEqual({ value: 'good', fetchedAt: 0, stale: true });
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
