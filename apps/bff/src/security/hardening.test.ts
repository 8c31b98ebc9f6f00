import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Express } from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionStore } from '../http/auth.js';
import {
  apiRoutes,
  buildSecurityApp,
  concretePath,
  ecrMock,
  ecsMock,
  type SecurityApp,
} from './security-app.js';

// Browser-facing hardening: the CSP and the other headers, CSRF refusals, the body limit, the
// rate limit, and no CORS. Every refusal is checked to reach no AWS SDK client at all.

let env: SecurityApp | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await env?.close();
  env = undefined;
});

function setup(overrides: Parameters<typeof buildSecurityApp>[0] = {}): SecurityApp {
  env = buildSecurityApp(overrides);
  return env;
}

const TOKEN = 'correct-horse-battery-staple';
const SCALE = '/api/v1/clusters/prod-ec2/services/web/scale';

/** `request(app)[method](path)`, spelled so that no line starts with `[`. */
function send(app: Express, method: 'post' | 'put' | 'patch' | 'delete', path: string) {
  const agent = request(app);
  return agent[method](path);
}

/** Every route that is not a GET, from the router (a new one is covered without a word). */
function mutationRoutes(app: Express): { route: string; path: string }[] {
  return apiRoutes(app)
    .filter((route) => !route.startsWith('GET '))
    .map((route) => ({ route, path: concretePath(route.split(' ')[1] ?? '') }));
}

describe('headers', () => {
  const CSP = [
    "default-src 'self'",
    "script-src 'self'",
    /^style-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='$/,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ];

  function expectHardened(headers: Record<string, string | undefined>) {
    const directives = String(headers['content-security-policy']).split(';');
    expect(directives).toHaveLength(CSP.length);
    CSP.forEach((expected, i) => {
      if (typeof expected === 'string') expect(directives[i]).toBe(expected);
      else expect(directives[i]).toMatch(expected);
    });
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(headers['x-powered-by']).toBeUndefined();
    expect(headers['access-control-allow-origin']).toBeUndefined();
  }

  it('hardens a JSON answer, an error, a refusal, a 404 and the health probes alike', async () => {
    const { app } = setup({ sessions: new SessionStore(TOKEN) });
    const answers = [
      await request(app).get('/api/v1/health').set('authorization', `Bearer ${TOKEN}`).expect(200),
      await request(app).get('/api/v1/health').expect(401),
      await request(app).post(SCALE).send({}).expect(401),
      await request(app).get('/api/v1/nothing').set('authorization', `Bearer ${TOKEN}`).expect(404),
      await request(app).get('/api/elsewhere').expect(404),
      await request(app).get('/healthz').expect(200),
      await request(app).get('/readyz').expect(200),
    ];
    for (const answer of answers) expectHardened(answer.headers);
  });

  it('hardens the SPA, whose index.html carries no inline script', async () => {
    const webDist = mkdtempSync(join(tmpdir(), 'deckhand-web-'));
    writeFileSync(
      join(webDist, 'index.html'),
      '<html><head><meta name="csp-nonce" content="__CSP_NONCE__" /><script type="module" src="/assets/app.js"></script></head></html>',
    );
    try {
      const { app } = setup({ webDist });
      const page = await request(app).get('/clusters/prod-ec2').expect(200);
      expectHardened(page.headers);
      expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    } finally {
      rmSync(webDist, { recursive: true, force: true });
    }
  });
});

describe('CSRF', () => {
  async function expectRefused(
    app: Express,
    awsCalls: () => number,
    send: (app: Express) => request.Test,
    message: RegExp,
  ) {
    const response = await send(app).expect(403);
    expect(response.body.error.code).toBe('forbidden');
    expect(response.body.error.message).toMatch(message);
    expect(awsCalls()).toBe(0);
  }

  it('covers every non-GET route', () => {
    expect(mutationRoutes(setup().app).map((m) => m.route)).toEqual([
      'DELETE /session',
      'POST /clusters/:cluster/container-instances/:id/state',
      'POST /clusters/:cluster/services/:service/deploy',
      'POST /clusters/:cluster/services/:service/scale',
      'POST /clusters/:cluster/tasks/:task/stop',
      'POST /convert/dockerrun',
      'POST /convert/taskdef-to-dockerrun',
      'POST /session',
      'POST /task-definitions',
      'POST /task-definitions/validate',
    ]);
  });

  describe.each(mutationRoutes(buildSecurityApp().app))('$route', ({ route, path }) => {
    const method = (route.split(' ')[0] ?? '').toLowerCase() as 'post' | 'delete';
    const json = (app: Express) =>
      request(app)[method](path).set('content-type', 'application/json').send('{}');
    const guarded = (app: Express) => json(app).set('x-deckhand-request', '1');

    it('403 without the x-deckhand-request header, or with another value', async () => {
      const { app, awsCalls } = setup();
      await expectRefused(app, awsCalls, json, /x-deckhand-request/);
      for (const value of ['0', 'true', '1, 1', ' 2'])
        await expectRefused(
          app,
          awsCalls,
          (a) => json(a).set('x-deckhand-request', value),
          /x-deckhand-request/,
        );
    });

    it('403 from a foreign Origin, an opaque one, or another port or scheme', async () => {
      const { app, awsCalls } = setup();
      for (const origin of [
        'https://evil.example',
        'http://127.0.0.1.evil.example',
        'http://evil.example:80',
        'http://localhost:1',
        'garbage',
      ])
        await expectRefused(app, awsCalls, (a) => guarded(a).set('origin', origin), /origin/);
      await expectRefused(app, awsCalls, (a) => guarded(a).set('origin', 'null'), /opaque origin/);
    });

    it('403 for a cross-site fetch', async () => {
      const { app, awsCalls } = setup();
      await expectRefused(
        app,
        awsCalls,
        (a) => guarded(a).set('sec-fetch-site', 'cross-site'),
        /Cross-site/,
      );
    });

    it('403 for the content types a form or a simple request can send, and for none', async () => {
      const { app, awsCalls } = setup();
      const bodies: [string, string][] = [
        ['text/plain', '{"desiredCount":0}'],
        ['text/plain;charset=UTF-8', '{}'],
        ['application/x-www-form-urlencoded', 'desiredCount=0'],
        [
          'multipart/form-data; boundary=x',
          '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
        ],
        ['application/jsonx', '{}'],
        ['text/json', '{}'],
      ];
      for (const [type, body] of bodies)
        await expectRefused(
          app,
          awsCalls,
          (a) =>
            send(a, method, path)
              .set('x-deckhand-request', '1')
              .set('content-type', type)
              .send(body),
          /application\/json/,
        );
    });

    it('lets the same request through from its own origin (so the 403s above are CSRF)', async () => {
      const { app } = setup();
      const response = await guarded(app)
        .set('origin', 'http://127.0.0.1')
        .set('host', '127.0.0.1')
        .set('sec-fetch-site', 'same-origin');
      expect(response.status).not.toBe(403);
    });
  });

  it('answers a wrong method on a mutation route 404, not 500, and calls no AWS', async () => {
    const { app, awsCalls } = setup();
    for (const { route, path } of mutationRoutes(app)) {
      const methods = ['put', 'patch', 'delete', 'post'].filter(
        (m) => m !== route.split(' ')[0]?.toLowerCase(),
      ) as ('put' | 'patch' | 'delete' | 'post')[];
      for (const method of methods) {
        if (path.endsWith('/session')) continue;
        const response = await send(app, method, path)
          .set('x-deckhand-request', '1')
          .set('content-type', 'application/json')
          .send('{}');
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.body.error.code).toBe('not_found');
      }
    }
    // Methods no route has: refused by the CSRF guard first (Node itself refuses a TRACE with a
    // body, 400), never a 500.
    for (const method of ['TRACE', 'PROPFIND', 'MKCOL', 'LOCK']) {
      const status = await rawStatus(app, method, SCALE);
      expect([400, 403], method).toContain(status);
    }
    expect(awsCalls()).toBe(0);
  });

  it('never changes AWS on a GET or HEAD, not even on a mutation route', async () => {
    const { app } = setup();
    const writes = () =>
      [...ecsMock.calls(), ...ecrMock.calls()]
        .map((call) => (call.args[0] as { constructor: { name: string } }).constructor.name)
        .filter((name) => !/^(Describe|List|Get|BatchGet|BatchCheck)/.test(name));
    for (const { path } of mutationRoutes(app)) {
      if (path.endsWith('/session')) continue;
      await request(app).get(path).expect(404);
      await request(app).head(path).expect(404);
    }
    for (const route of apiRoutes(app).filter((r) => r.startsWith('GET '))) {
      const path = concretePath(route.split(' ')[1] ?? '');
      // HEAD for all: an SSE route then ends at its headers.
      await request(app).head(path).set('x-deckhand-request', '1');
      if (!route.endsWith('/events')) await request(app).get(path);
    }
    expect(ecsMock.calls().length).toBeGreaterThan(0);
    expect(writes()).toEqual([]);
  });
});

/** A raw request, with any method (even one supertest does not know) and any bytes as its body. */
function raw(
  app: Express,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer,
): Promise<{ status: number; text: string }> {
  const server = app.listen(0, '127.0.0.1');
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    server.once('listening', () => {
      const { port } = server.address() as { port: number };
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }).finally(() => {
    server.closeAllConnections();
    server.close();
  });
}

const rawStatus = async (app: Express, method: string, path: string) =>
  (
    await raw(
      app,
      method,
      path,
      { 'content-type': 'application/json', 'x-deckhand-request': 'no' },
      '{}',
    )
  ).status;

describe('body size', () => {
  const big = JSON.stringify({ desiredCount: 1, padding: 'x'.repeat(1024 * 1024) });

  it.each([
    SCALE,
    '/api/v1/task-definitions',
    '/api/v1/task-definitions/validate',
    '/api/v1/session',
  ])('answers 413 for a body over 1 MB to %s, before any AWS call', async (path) => {
    const { app, awsCalls } = setup();
    const response = await request(app)
      .post(path)
      .set('x-deckhand-request', '1')
      .set('content-type', 'application/json')
      .send(big)
      .expect(413);
    expect(response.body.error).toMatchObject({ code: 'payload_too_large' });
    expect(awsCalls()).toBe(0);
  });

  it('answers 413 for a chunked body that grows over 1 MB (no Content-Length)', async () => {
    const { app, awsCalls } = setup();
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as { port: number };
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: SCALE,
            headers: {
              'content-type': 'application/json',
              'x-deckhand-request': '1',
              'transfer-encoding': 'chunked',
            },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => {
          // The server may answer and close before the whole body is written.
          if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
        });
        req.write('{"padding":"');
        for (let i = 0; i < 20; i += 1) req.write('x'.repeat(64 * 1024));
        req.end('"}');
      });
      expect(status).toBe(413);
      expect(awsCalls()).toBe(0);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('takes a body just under the limit (so the 413s are the limit)', async () => {
    const { app } = setup();
    const response = await request(app)
      .post('/api/v1/task-definitions/validate')
      .set('x-deckhand-request', '1')
      .set('content-type', 'application/json')
      .send(
        JSON.stringify({ taskDefinition: { family: 'web', padding: 'x'.repeat(1000 * 1000) } }),
      );
    expect(response.status).not.toBe(413);
  });
});

describe('compressed bodies', () => {
  // 16 MB of JSON in a few KB on the wire: the 1 MB limit holds for what it inflates to.
  const bomb = Buffer.from(
    JSON.stringify({ desiredCount: 1, padding: ' '.repeat(16 * 1024 * 1024) }),
  );

  it.each([
    ['gzip', gzipSync(bomb)],
    ['br', brotliCompressSync(bomb)],
  ])(
    'answers 413 for a %s body that inflates past 1 MB, before any AWS call',
    async (encoding, body) => {
      expect(body.length).toBeLessThan(100_000);
      const { app, awsCalls } = setup();
      const response = await raw(
        app,
        'POST',
        SCALE,
        {
          'x-deckhand-request': '1',
          'content-type': 'application/json',
          'content-encoding': encoding,
        },
        body,
      );
      expect(response.status).toBe(413);
      expect(JSON.parse(response.text)).toMatchObject({ error: { code: 'payload_too_large' } });
      expect(awsCalls()).toBe(0);
    },
  );

  it('answers 415 for an encoding it does not know, not 500', async () => {
    const { app, awsCalls } = setup();
    const response = await request(app)
      .post(SCALE)
      .set('x-deckhand-request', '1')
      .set('content-type', 'application/json')
      .set('content-encoding', 'x-unknown')
      .send('{}')
      .expect(415);
    expect(response.body.error.code).toBe('bad_request');
    expect(awsCalls()).toBe(0);
  });
});

describe('DNS rebinding', () => {
  // A page at http://rebind.evil.example:8080 whose name now resolves to 127.0.0.1: to the
  // browser it is same-origin with itself, so Origin and Host agree and CSRF checks pass.
  const rebound = (app: Express, path: string) =>
    request(app).get(path).set('host', 'rebind.evil.example:8080');

  it('serves only loopback Host names without a token, API, SPA and probes alike', async () => {
    const { app, awsCalls } = setup();
    for (const path of ['/api/v1/health', '/api/v1/clusters', '/healthz', '/clusters']) {
      const response = await rebound(app, path).expect(403);
      expect(response.body.error.code).toBe('forbidden');
      expect(response.body.error.message).toContain('DECKHAND_AUTH_TOKEN');
    }
    const mutation = await request(app)
      .post(SCALE)
      .set('host', 'rebind.evil.example:8080')
      .set('origin', 'http://rebind.evil.example:8080')
      .set('sec-fetch-site', 'same-origin')
      .set('x-deckhand-request', '1')
      .set('content-type', 'application/json')
      .send({ desiredCount: 0, confirm: 'web' })
      .expect(403);
    expect(mutation.body.error.message).toContain('loopback names only');
    for (const host of [
      '192.168.1.20:8080',
      '0.0.0.0:8080',
      'localhost.evil.example',
      '[fe80::1]:80',
    ])
      await request(app).get('/api/v1/health').set('host', host).expect(403);
    expect(awsCalls()).toBe(0);
  });

  it('serves every loopback spelling', async () => {
    const { app } = setup();
    for (const host of [
      '127.0.0.1:8080',
      '127.0.0.1',
      'localhost:8080',
      'LOCALHOST:5173',
      '[::1]:8080',
      '127.1.2.3:1',
    ])
      await request(app).get('/api/v1/health').set('host', host).expect(200);
  });

  it('serves any name when a token guards the console (a rebound page has no session)', async () => {
    const { app } = setup({ sessions: new SessionStore(TOKEN) });
    await rebound(app, '/api/v1/health').expect(401);
    await rebound(app, '/api/v1/health').set('authorization', `Bearer ${TOKEN}`).expect(200);
  });
});

describe('rate limit', () => {
  // performance.now() only, so supertest's sockets keep their real timers.
  const fakeClock = () => vi.useFakeTimers({ toFake: ['performance'] });

  it('answers 429 throttled with Retry-After before auth, the parser or AWS, and recovers', async () => {
    fakeClock();
    // 20 requests a second, 40 at once for an address (ADDRESS_SHARE = 20 clients).
    const { app, awsCalls } = setup({
      rateLimit: { rate: 1, burst: 2 },
      sessions: new SessionStore(TOKEN),
    });
    for (let i = 0; i < 40; i += 1)
      await request(app)
        .get('/api/v1/clusters')
        .set('authorization', `Bearer ${TOKEN}`)
        .expect(200);
    const calls = awsCalls();
    const refused = await request(app)
      .get('/api/v1/clusters')
      .set('authorization', `Bearer ${TOKEN}`)
      .expect(429);
    expect(refused.body).toEqual({
      error: {
        code: 'throttled',
        message: 'Too many requests from this client; try again shortly.',
        requestId: refused.headers['x-request-id'],
      },
    });
    expect(refused.headers['retry-after']).toBe('1');
    // Unauthenticated floods, oversized bodies and mutations are counted as well.
    await request(app).get('/api/v1/clusters').expect(429);
    await request(app)
      .post(SCALE)
      .set('x-deckhand-request', '1')
      .set('content-type', 'application/json')
      .send('x'.repeat(2 * 1024 * 1024))
      .expect(429);
    expect(awsCalls()).toBe(calls);

    // 60 ms at 20 a second: one request's worth.
    vi.advanceTimersByTime(60);
    await request(app).get('/api/v1/clusters').set('authorization', `Bearer ${TOKEN}`).expect(200);
    await request(app).get('/api/v1/clusters').set('authorization', `Bearer ${TOKEN}`).expect(429);
  });

  it('limits a signed-in session apart from its address', async () => {
    fakeClock();
    const { app } = setup({ rateLimit: { rate: 1, burst: 2 }, sessions: new SessionStore(TOKEN) });
    const login = await request(app)
      .post('/api/v1/session')
      .set('x-deckhand-request', '1')
      .send({ token: TOKEN })
      .expect(200);
    const session = String(login.headers['set-cookie']).split(';')[0] ?? '';
    for (let i = 0; i < 39; i += 1) await request(app).get('/api/v1/health').expect(401);
    await request(app).get('/api/v1/health').expect(429);
    await request(app).get('/api/v1/health').set('cookie', session).expect(200);
    await request(app).get('/api/v1/health').set('cookie', session).expect(200);
    await request(app).get('/api/v1/health').set('cookie', session).expect(429);
  });

  it('does not limit what is outside the API: the SPA and the health probes', async () => {
    fakeClock();
    const { app } = setup({ rateLimit: { rate: 1, burst: 1 } });
    for (let i = 0; i < 20; i += 1) await request(app).get('/api/v1/health').expect(200);
    await request(app).get('/api/v1/health').expect(429);
    await request(app).get('/healthz').expect(200);
    await request(app).get('/readyz').expect(200);
  });
});

describe('CORS', () => {
  const noCors = (headers: Record<string, string | undefined>) => {
    expect(Object.keys(headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  };

  it('reflects no Origin on a GET', async () => {
    const { app } = setup();
    const response = await request(app)
      .get('/api/v1/health')
      .set('origin', 'https://evil.example')
      .expect(200);
    noCors(response.headers);
  });

  it.each(mutationRoutes(buildSecurityApp().app))(
    'answers a preflight to $route without CORS headers',
    async ({ path }) => {
      const { app, awsCalls } = setup();
      const response = await request(app)
        .options(path)
        .set('origin', 'https://evil.example')
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'content-type, x-deckhand-request');
      expect(response.status).toBeLessThan(500);
      noCors(response.headers);
      expect(awsCalls()).toBe(0);
    },
  );

  it('answers a credentialed cross-origin GET with no CORS headers either', async () => {
    const { app } = setup({ sessions: new SessionStore(TOKEN) });
    const response = await request(app)
      .get('/api/v1/clusters')
      .set('origin', 'https://evil.example')
      .set('authorization', `Bearer ${TOKEN}`)
      .expect(200);
    noCors(response.headers);
  });
});
