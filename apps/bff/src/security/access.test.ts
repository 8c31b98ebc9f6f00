import { createServer, type Server } from 'node:http';
import * as crypto from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionStore } from '../http/auth.js';
import { apiRoutes, buildSecurityApp, concretePath, type SecurityApp } from './security-app.js';

// The access promises: with DECKHAND_AUTH_TOKEN set every API route (SSE included) needs it; the
// login cookie is HttpOnly, SameSite=Strict, Secure over HTTPS; logout ends the session on the
// server; a wrong token is compared in constant time; read-only mode refuses every mutation with
// no AWS call at all.

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const TOKEN = 'correct-horse-battery-staple';

/** DESIGN.md's API, as the router must serve it: a route added or removed fails here first. */
const DESIGN_ROUTES = [
  'DELETE /session',
  'GET /clusters',
  'GET /clusters/:cluster',
  'GET /clusters/:cluster/container-instances',
  'GET /clusters/:cluster/events',
  'GET /clusters/:cluster/port-map',
  'GET /clusters/:cluster/services',
  'GET /clusters/:cluster/services/:service',
  'GET /clusters/:cluster/services/:service/events',
  'GET /clusters/:cluster/tasks',
  'GET /clusters/:cluster/tasks/:task',
  'GET /eks/clusters',
  'GET /health',
  'GET /repositories',
  'GET /repositories/:name',
  'GET /repositories/:name/images',
  'GET /repositories/:name/images/:digest/findings',
  'GET /repositories/:name/lifecycle-policy',
  'GET /repositories/:name/policy',
  'GET /repositories/:name/push-commands',
  'GET /service-map',
  'GET /session',
  'GET /task-definitions/:family/:revision',
  'GET /task-definitions/:family/revisions',
  'GET /task-definitions/families',
  'GET /traces',
  'GET /traces/:traceId',
  'POST /clusters/:cluster/container-instances/:id/state',
  'POST /clusters/:cluster/services/:service/deploy',
  'POST /clusters/:cluster/services/:service/scale',
  'POST /clusters/:cluster/tasks/:task/stop',
  'POST /convert/dockerrun',
  'POST /convert/taskdef-to-dockerrun',
  'POST /session',
  'POST /task-definitions',
  'POST /task-definitions/validate',
];
const SSE_ROUTES = [
  'GET /clusters/:cluster/events',
  'GET /clusters/:cluster/services/:service/events',
];
/** Signing in and out and the AWS-free studio routes; every other non-GET route changes AWS. */
const NOT_AWS_MUTATIONS = new Set([
  'POST /session',
  'DELETE /session',
  'POST /task-definitions/validate',
  'POST /convert/dockerrun',
  'POST /convert/taskdef-to-dockerrun',
]);
/** A body each AWS mutation would carry out (actions.router.test.ts's valid ones). */
const VALID_BODIES: Record<string, object> = {
  'POST /clusters/:cluster/services/:service/scale': { desiredCount: 3 },
  'POST /clusters/:cluster/services/:service/deploy': { forceNewDeployment: true },
  'POST /clusters/:cluster/tasks/:task/stop': {
    reason: 'stuck',
    confirm: '0f1e2d3c4b5a49687766554433221100',
  },
  'POST /clusters/:cluster/container-instances/:id/state': { status: 'ACTIVE' },
  'POST /task-definitions': {
    taskDefinition: {
      family: 'web',
      containerDefinitions: [{ name: 'w', image: 'nginx:1.27', memory: 256 }],
    },
  },
};

let env: SecurityApp | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
  vi.mocked(crypto.timingSafeEqual).mockClear();
});

function setup(options: { token?: boolean; readOnly?: boolean } = {}): SecurityApp {
  env = buildSecurityApp({
    ...(options.token === false ? {} : { sessions: new SessionStore(TOKEN) }),
    info: {
      mode: 'aws',
      regions: ['us-east-1'],
      readOnly: options.readOnly ?? false,
      version: '1',
    },
  });
  return env;
}

const split = (route: string) => {
  const [method = '', pattern = ''] = route.split(' ');
  return { method: method.toLowerCase() as 'get' | 'post' | 'delete', pattern };
};

/** The request a route takes, as the SPA sends it (CSRF header, JSON body on mutations). */
function call(app: Express | Server, route: string) {
  const { method, pattern } = split(route);
  const url = concretePath(pattern);
  if (method === 'get') return request(app).get(url);
  const agent = request(app);
  return agent[method](url)
    .set('x-deckhand-request', '1')
    .set('content-type', 'application/json')
    .send(VALID_BODIES[route] ?? {});
}

function login(app: Express | Server, token = TOKEN) {
  return request(app)
    .post('/api/v1/session')
    .set('x-deckhand-request', '1')
    .set('content-type', 'application/json')
    .send({ token });
}

const cookieOf = (setCookie: unknown) => String(setCookie).split(';')[0] ?? '';

describe('the routes under test', () => {
  it('are those DESIGN.md documents, read from the router', () => {
    expect(apiRoutes(setup().app)).toEqual(DESIGN_ROUTES);
  });
});

describe('with DECKHAND_AUTH_TOKEN set', () => {
  const guarded = DESIGN_ROUTES.filter((route) => !route.endsWith(' /session'));

  it.each(guarded)('%s answers 401 without the token, before any AWS call', async (route) => {
    const { app, awsCalls } = setup();
    const response = await call(app, route).expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      error: {
        code: 'unauthorized',
        message: 'Sign in with the access token to use this console.',
        requestId: response.headers['x-request-id'],
      },
    });
    expect(awsCalls()).toBe(0);
  });

  it.each(guarded)(
    '%s refuses a wrong bearer, a made-up cookie, a malformed one',
    async (route) => {
      const { app, awsCalls } = setup();
      await call(app, route).set('authorization', 'Bearer wrong-token').expect(401);
      await call(app, route).set('authorization', `Bearer ${TOKEN}x`).expect(401);
      await call(app, route).set('authorization', `bearer ${TOKEN}`).expect(401);
      await call(app, route).set('cookie', 'deckhand_session=made-up-session-id').expect(401);
      // A broken escape once made the cookie parser throw: a 500 instead of a 401.
      await call(app, route).set('cookie', 'deckhand_session=%E0%A4%A').expect(401);
      // The token itself is no cookie.
      await call(app, route).set('cookie', `deckhand_session=${TOKEN}`).expect(401);
      expect(awsCalls()).toBe(0);
    },
  );

  it.each(guarded.filter((route) => route.startsWith('GET ')))(
    '%s lets the token through (so the 401s above are the token check)',
    async (route) => {
      const { app } = setup();
      // HEAD: an SSE route then answers its headers rather than an endless stream.
      const { pattern } = split(route);
      const response = await request(app)
        .head(concretePath(pattern))
        .set('authorization', `Bearer ${TOKEN}`);
      expect(response.status).not.toBe(401);
    },
  );

  it.each(SSE_ROUTES)('%s (SSE) refuses a stream without the token', async (route) => {
    const { app } = setup();
    const response = await call(app, route).set('accept', 'text/event-stream').expect(401);
    expect(response.headers['content-type']).not.toMatch(/event-stream/);
  });

  it('answers GET /session without a token: it is how the login page asks', async () => {
    const { app } = setup();
    expect((await request(app).get('/api/v1/session').expect(200)).body).toEqual({
      required: true,
      authenticated: false,
    });
  });
});

describe('signing in', () => {
  it('sets exactly an HttpOnly, SameSite=Strict, not Secure, cookie over plain HTTP', async () => {
    const { app } = setup();
    const response = await login(app).expect(200);
    const cookies = response.headers['set-cookie'] as unknown as string[];
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(
      /^deckhand_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/,
    );
    expect(response.body).toEqual({ required: true, authenticated: true });
  });

  it('does not trust X-Forwarded-Proto: there is no trusted proxy', async () => {
    const { app } = setup();
    const response = await login(app).set('x-forwarded-proto', 'https').expect(200);
    expect(String(response.headers['set-cookie'])).not.toContain('Secure');
  });

  it('sets Secure when the request came over TLS', async () => {
    const { app } = setup();
    // The socket as a TLS server's (what `req.secure` reads); no certificate needed.
    const server = createServer((req, res) => {
      Object.defineProperty(req.socket, 'encrypted', { value: true });
      app(req, res);
    });
    const response = await login(server).expect(200);
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('sets Secure behind a proxy the operator trusts that says https', async () => {
    const { app } = setup();
    app.set('trust proxy', 'loopback');
    const secure = await login(app).set('x-forwarded-proto', 'https').expect(200);
    expect(String(secure.headers['set-cookie'])).toMatch(/; Secure$/);
    const plain = await login(app).set('x-forwarded-proto', 'http').expect(200);
    expect(String(plain.headers['set-cookie'])).not.toContain('Secure');
  });

  it('refuses a wrong token: 401, no cookie, no session', async () => {
    const { app } = setup();
    for (const token of ['wrong', `${TOKEN} `, TOKEN.toUpperCase(), TOKEN.slice(0, -1), '']) {
      const response = await login(app, token);
      expect([400, 401]).toContain(response.status);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('compares the token in constant time, on digests of equal length', async () => {
    const { app } = setup();
    const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);
    await login(app, 'short').expect(401);
    await request(app).get('/api/v1/clusters').set('authorization', 'Bearer x').expect(401);
    await login(app, TOKEN).expect(200);
    expect(timingSafeEqual).toHaveBeenCalledTimes(3);
    for (const [a, b] of timingSafeEqual.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
  });

  it('gives each sign-in its own session', async () => {
    const { app } = setup();
    const first = cookieOf((await login(app).expect(200)).headers['set-cookie']);
    const second = cookieOf((await login(app).expect(200)).headers['set-cookie']);
    expect(first).not.toBe(second);
  });
});

describe('the session store', () => {
  it('forgets expired sessions at the next sign-in, so they cannot pile up', () => {
    let now = 0;
    const store = new SessionStore(TOKEN, () => now);
    for (let i = 0; i < 100; i += 1) store.create();
    expect(store.size).toBe(100);
    now += 12 * 60 * 60 * 1000;
    const fresh = store.create();
    expect(store.size).toBe(1);
    expect(store.valid(fresh)).toBe(true);
  });
});

describe('signing out', () => {
  it('ends the session on the server: the old cookie gets 401 everywhere', async () => {
    const { app, awsCalls } = setup();
    const session = cookieOf((await login(app).expect(200)).headers['set-cookie']);
    await request(app).get('/api/v1/clusters').set('cookie', session).expect(200);
    await request(app)
      .head(concretePath(SSE_ROUTES[0]?.split(' ')[1] ?? ''))
      .set('cookie', session);

    const out = await request(app)
      .delete('/api/v1/session')
      .set('cookie', session)
      .set('x-deckhand-request', '1')
      .set('content-type', 'application/json')
      .send({})
      .expect(200);
    expect(out.body).toEqual({ required: true, authenticated: false });
    expect(String(out.headers['set-cookie'])).toMatch(
      /^deckhand_session=; HttpOnly; SameSite=Strict; Path=\/; Max-Age=0$/,
    );

    const calls = awsCalls();
    // Replayed by someone who kept it: refused, for reads, streams and mutations alike.
    for (const route of [
      'GET /clusters',
      ...SSE_ROUTES,
      'POST /clusters/:cluster/services/:service/scale',
    ])
      await call(app, route).set('cookie', session).expect(401);
    expect(awsCalls()).toBe(calls);
    expect(
      (await request(app).get('/api/v1/session').set('cookie', session).expect(200)).body,
    ).toEqual({ required: true, authenticated: false });
  });

  it('needs the CSRF header: a cross-site page cannot sign the user out', async () => {
    const { app } = setup();
    const session = cookieOf((await login(app).expect(200)).headers['set-cookie']);
    await request(app).delete('/api/v1/session').set('cookie', session).expect(403);
    await request(app).get('/api/v1/clusters').set('cookie', session).expect(200);
  });
});

describe('read-only mode', () => {
  function mutations(app: Express) {
    return apiRoutes(app).filter(
      (route) => !route.startsWith('GET ') && !NOT_AWS_MUTATIONS.has(route),
    );
  }

  it('knows a valid body for every mutation route', () => {
    const found = mutations(setup({ token: false }).app);
    expect(found.length).toBeGreaterThanOrEqual(5);
    expect(found.filter((route) => !(route in VALID_BODIES))).toEqual([]);
  });

  it.each(Object.keys(VALID_BODIES))('%s: 403 and not one AWS call', async (route) => {
    const { app, awsCalls } = setup({ token: false, readOnly: true });
    const response = await call(app, route).set('idempotency-key', 'k-1').expect(403);
    expect(response.body.error).toMatchObject({
      code: 'forbidden',
      message: 'Deckhand is in read-only mode (DECKHAND_READ_ONLY).',
    });
    expect(awsCalls()).toBe(0);
  });

  it.each(Object.keys(VALID_BODIES))(
    '%s: the same request does reach AWS when writable',
    async (route) => {
      const { app, awsCalls } = setup({ token: false });
      await call(app, route);
      expect(awsCalls()).toBeGreaterThan(0);
    },
  );

  it.each(Object.keys(VALID_BODIES))('%s: refused in any spelling of its path', async (route) => {
    const { app, awsCalls } = setup({ token: false, readOnly: true });
    const { pattern } = split(route);
    const path = concretePath(pattern);
    for (const variant of [
      `${path}/`,
      path.toUpperCase().replace('/API/V1', '/api/v1'),
      `${path}?x=1`,
    ])
      await request(app)
        .post(variant)
        .set('x-deckhand-request', '1')
        .set('content-type', 'application/json')
        .send(VALID_BODIES[route] ?? {})
        .expect(403);
    expect(awsCalls()).toBe(0);
  });

  it('still signs in and out, lints and converts, none of which calls AWS', async () => {
    const { app, awsCalls } = setup({ readOnly: true });
    const session = cookieOf((await login(app).expect(200)).headers['set-cookie']);
    await request(app)
      .post('/api/v1/task-definitions/validate')
      .set('cookie', session)
      .set('x-deckhand-request', '1')
      .send({ taskDefinition: VALID_BODIES['POST /task-definitions'] })
      .expect(200);
    expect(awsCalls()).toBe(0);
  });
});
