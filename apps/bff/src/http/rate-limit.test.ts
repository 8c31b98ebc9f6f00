import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorMiddleware } from './error-middleware.js';
import {
  ADDRESS_SHARE,
  TokenBuckets,
  clientAddress,
  rateLimiter,
  type RateLimiterOptions,
} from './rate-limit.js';

function clock(start = 1_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('TokenBuckets', () => {
  it('allows the burst at once, then the sustained rate, and says how long to wait', () => {
    const time = clock();
    const buckets = new TokenBuckets(time.now);
    const limit = { rate: 2, burst: 3 };
    expect([1, 2, 3].map(() => buckets.take('a', limit))).toEqual([0, 0, 0]);
    expect(buckets.take('a', limit)).toBeCloseTo(0.5);
    time.advance(250);
    // Half a token back: another half a token (0.25 s) to wait.
    expect(buckets.take('a', limit)).toBeCloseTo(0.25);
    time.advance(250);
    expect(buckets.take('a', limit)).toBe(0);
    expect(buckets.take('a', limit)).toBeCloseTo(0.5);
    // A long pause refills to the burst, never beyond it.
    time.advance(60_000);
    expect([1, 2, 3, 4].map(() => buckets.take('a', limit) === 0)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('keeps one bucket per key', () => {
    const buckets = new TokenBuckets(clock().now);
    const limit = { rate: 1, burst: 1 };
    expect(buckets.take('a', limit)).toBe(0);
    expect(buckets.take('a', limit)).toBeGreaterThan(0);
    expect(buckets.take('b', limit)).toBe(0);
  });

  it('forgets buckets that have refilled, so idle clients cost no memory', () => {
    const time = clock();
    const buckets = new TokenBuckets(time.now);
    for (let i = 0; i < 500; i += 1) buckets.take(`client-${i}`, { rate: 10, burst: 10 });
    expect(buckets.size).toBe(500);
    // 0.1 s refills them; the sweep runs at most every 10 s.
    time.advance(10_000);
    buckets.take('another', { rate: 10, burst: 10 });
    expect(buckets.size).toBe(1);
  });

  it('keeps a bucket that has not refilled through a sweep', () => {
    const time = clock();
    const buckets = new TokenBuckets(time.now);
    const slow = { rate: 0.01, burst: 1 };
    buckets.take('slow', slow);
    time.advance(10_000);
    buckets.take('other', slow);
    expect(buckets.size).toBe(2);
    expect(buckets.take('slow', slow)).toBeGreaterThan(0);
  });

  it('holds at most maxBuckets, dropping the least recently used', () => {
    const buckets = new TokenBuckets(clock().now, 3);
    const limit = { rate: 1, burst: 1 };
    for (const key of ['a', 'b', 'c']) buckets.take(key, limit);
    // 'a' used again: 'b' is now the least recently used.
    buckets.take('a', limit);
    buckets.take('d', limit);
    expect(buckets.size).toBe(3);
    expect(buckets.take('a', limit)).toBeGreaterThan(0);
    expect(buckets.take('c', limit)).toBeGreaterThan(0);
    // 'b' was forgotten: a full bucket again.
    expect(buckets.take('b', limit)).toBe(0);
  });
});

describe('clientAddress', () => {
  it('keys IPv4 as is, also when mapped into IPv6', () => {
    expect(clientAddress('127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddress('::FFFF:10.1.2.3')).toBe('10.1.2.3');
  });

  it('keys IPv6 by its /64, so hopping through a prefix buys no new bucket', () => {
    expect(clientAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientAddress('::1')).toBe('0:0:0:0::/64');
    expect(clientAddress('2001:db8:1:2::')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:db8:1:2:3:4:5:6')).not.toBe(clientAddress('2001:db8:1:3::1'));
  });

  it('has a key for a socket without an address', () => {
    expect(clientAddress(undefined)).toBe('unknown');
  });
});

function limitedApp(options: RateLimiterOptions) {
  const app = express();
  app.use(rateLimiter(options));
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  // A long-lived answer (as an SSE stream is): open until the test ends it.
  app.get('/stream', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(':open\n\n');
  });
  app.use(errorMiddleware);
  return app;
}

describe('rateLimiter', () => {
  it('answers 429 throttled with an integer Retry-After once the burst is spent, and recovers', async () => {
    const time = clock();
    const app = limitedApp({ rate: 0.1 / ADDRESS_SHARE, burst: 1, now: time.now });
    // An address gets ADDRESS_SHARE clients' burst.
    for (let i = 0; i < ADDRESS_SHARE; i += 1) await request(app).get('/ok').expect(200);
    const refused = await request(app).get('/ok').expect(429);
    expect(refused.body).toMatchObject({ error: { code: 'throttled' } });
    // One token every 10 s.
    expect(refused.headers['retry-after']).toBe('10');
    time.advance(9_000);
    const again = await request(app).get('/ok').expect(429);
    expect(again.headers['retry-after']).toBe('1');
    time.advance(1_000);
    await request(app).get('/ok').expect(200);
  });

  it('never sends a Retry-After below 1 second', async () => {
    const time = clock();
    const app = limitedApp({ rate: 1000 / ADDRESS_SHARE, burst: 1, now: time.now });
    for (let i = 0; i < ADDRESS_SHARE; i += 1) await request(app).get('/ok').expect(200);
    const refused = await request(app).get('/ok').expect(429);
    expect(refused.headers['retry-after']).toBe('1');
  });

  it('gives a signed-in session its own bucket, apart from its address', async () => {
    const time = clock();
    const app = limitedApp({
      rate: 0.001,
      burst: 2,
      now: time.now,
      sessionOf: (req) => (req.headers.cookie === 'valid' ? 'session-1' : undefined),
    });
    for (let i = 0; i < 2 * ADDRESS_SHARE; i += 1) await request(app).get('/ok').expect(200);
    await request(app).get('/ok').expect(429);
    // The address is spent; the session is not.
    await request(app).get('/ok').set('cookie', 'valid').expect(200);
    await request(app).get('/ok').set('cookie', 'valid').expect(200);
    await request(app).get('/ok').set('cookie', 'valid').expect(429);
    // A cookie that names no valid session is the address.
    await request(app).get('/ok').set('cookie', 'made-up').expect(429);
  });

  it('counts a long-lived stream once, at connect', async () => {
    const time = clock();
    const app = limitedApp({ rate: 0.001, burst: 2 / ADDRESS_SHARE, now: time.now });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const controller = new AbortController();
    try {
      const { port } = server.address() as { port: number };
      const stream = await fetch(`http://127.0.0.1:${port}/stream`, {
        signal: controller.signal,
      });
      expect(stream.status).toBe(200);
      time.advance(1);
      // The open stream took one token of two, whatever it has sent since.
      await request(server).get('/ok').expect(200);
      await request(server).get('/ok').expect(429);
    } finally {
      controller.abort();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
