import type { Server } from 'node:http';
import { ErrorBody } from '@deckhand/shared';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionStore } from '../http/auth.js';
import { buildTestApp } from '../testing/test-app.js';
import {
  BAD_BODIES,
  BAD_BODIES_BY_ROUTE,
  BAD_QUERIES,
  BAD_REGIONS,
  badValuesFor,
  type BadBody,
} from './bad-inputs.js';
import { buildFuzzApp, stubAws, type FuzzApp } from './fuzz-app.js';
import { routesOf } from '../testing/route-stack.js';
import { ROUTES, urlOf, validParams, type FuzzRoute } from './routes.js';

// Issue 12: bad input on every route is a clear 4xx with the shared error body, never a 500,
// never a hang. The app runs the real service layer over stubbed AWS SDK clients, so that input
// the routers let through reaches a service and an AWS answer.

/** Every request must be answered within this (a hang fails the test rather than the run). */
const DEADLINE_MS = 10_000;
const RUNS = 25;

let fuzz: FuzzApp;
let server: Server;
let restoreAws: () => void;

beforeAll(async () => {
  restoreAws = stubAws();
  fuzz = buildFuzzApp();
  server = fuzz.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await fuzz.close();
  restoreAws();
});

const key = (route: FuzzRoute) => `${route.method} ${route.path}`;

/** Sends a request; `body` is the raw JSON text of a POST. */
function send(
  route: FuzzRoute,
  url: string,
  body?: string | Buffer,
  target: Parameters<typeof request>[0] = server,
) {
  const agent = request(target);
  // A mutation as the SPA sends it: JSON, the CSRF header, a body (`{}` for DELETE).
  const call =
    route.method === 'GET'
      ? agent.get(url)
      : (route.method === 'DELETE' ? agent.delete(url) : agent.post(url))
          .set('content-type', 'application/json')
          .set('x-deckhand-request', '1')
          .send(body ?? JSON.stringify(route.body ?? {}));
  return call.timeout({ deadline: DEADLINE_MS }).ok(() => true);
}

/** The error body of a 4xx: the shared shape, the request id, nothing internal. */
function expectClientError(
  response: request.Response,
  code = 'bad_request',
  status = 400,
  what = '',
) {
  const context = `${what.slice(0, 120)} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
  expect(response.status, context).toBe(status);
  const error = ErrorBody.parse(response.body).error;
  expect(error.code, context).toBe(code);
  expect(error.requestId).toBe(response.headers['x-request-id']);
  expect(error.message).not.toMatch(/\n\s+at |node_modules|Exception/);
  return error;
}

describe('the route list', () => {
  it('is every /api/v1 route of the router stack, so a new route must be fuzzed too', () => {
    const listed = ROUTES.map(key).sort();
    expect(routesOf(fuzz.app, '/api/v1')).toEqual(listed);
  });
});

describe('bad path parameters: 400 naming the parameter', () => {
  const cases = ROUTES.flatMap((route) =>
    Object.entries(route.params).map(([name, param]) => ({ route, name, param })),
  );
  it.each(cases.map((c) => [`${key(c.route)} :${c.name}`, c] as const))('%s', async (_, c) => {
    for (const bad of badValuesFor(c.param.kind)) {
      const params = {
        ...validParams(c.route),
        [c.name]: bad.raw ? bad.value : encodeURIComponent(bad.value),
      };
      const response = await send(c.route, urlOf(c.route, params));
      const error = expectClientError(response, undefined, undefined, bad.why);
      expect(error.message, `${bad.why}: ${error.message}`).toContain(c.param.label);
    }
  });

  it('answers 400 for malformed percent-encoding, and 431 for a 100,000-character URL', async () => {
    const route = ROUTES.find((r) => r.path === '/clusters/:cluster/services');
    if (!route) throw new Error('route missing');
    for (const value of ['%', '%zz', '%E0%A4%A', '%C0%AF'])
      expectClientError(await send(route, urlOf(route, { cluster: value })));
    // Node refuses a request line over 16 KiB before Express sees it: still a 4xx, no crash.
    const huge = await send(route, urlOf(route, { cluster: 'a'.repeat(100_000) }));
    expect(huge.status).toBe(431);
  });
});

describe('bad query parameters: 400 naming the parameter', () => {
  const regional = ROUTES.filter((route) => !route.regionless);
  it.each(regional.map((route) => [key(route), route] as const))(
    '%s ?region=',
    async (_, route) => {
      for (const bad of BAD_REGIONS) {
        const region = bad.raw ? bad.value : encodeURIComponent(bad.value);
        const response = await send(route, urlOf(route, validParams(route), [['region', region]]));
        const error = expectClientError(response, undefined, undefined, bad.why);
        expect(error.message, bad.why).toContain('region');
      }
    },
  );

  const routed = ROUTES.filter((route) => BAD_QUERIES[route.path]);
  it.each(routed.map((route) => [key(route), route] as const))('%s', async (_, route) => {
    for (const bad of BAD_QUERIES[route.path] ?? []) {
      const url = `${urlOf(route, validParams(route))}?${bad.query}`;
      const error = expectClientError(await send(route, url));
      expect(error.message, bad.query.slice(0, 80)).toMatch(bad.mention);
    }
  });
});

describe('bad bodies: 4xx naming the member', () => {
  const withAuth = buildTestApp({ sessions: new SessionStore('the-token') });
  const posts = ROUTES.filter((route) => route.method === 'POST');

  it.each(posts.map((route) => [key(route), route] as const))('%s', async (_, route) => {
    // POST /session ignores its body when no token is configured; its refusals need one.
    const target = route.path === '/session' ? withAuth : server;
    const bodies: BadBody[] = [
      ...(route.path === '/session' ? BAD_BODIES.filter((b) => b.status) : BAD_BODIES),
      ...(BAD_BODIES_BY_ROUTE[route.path] ?? []),
    ];
    for (const bad of bodies) {
      const response = await send(route, urlOf(route, validParams(route)), bad.body, target);
      const error = expectClientError(response, bad.code, bad.status, bad.body);
      expect(error.message, bad.body.slice(0, 120)).toMatch(bad.mention);
    }
  });
});

// ---- properties ------------------------------------------------------------------------------

const anyText = fc.string({ unit: 'binary', maxLength: 300 });
/** Percent-encoding tricks and separators, sent as they are. */
const rawPiece = fc.string({
  unit: fc.constantFrom('%', '2', 'e', 'E', 'f', 'F', '0', '5', 'c', '/', '.', '-', '_', 'a', ':'),
  maxLength: 24,
});

function paramArbitrary(valid: string) {
  return fc.oneof(
    anyText.map(encodeURIComponent),
    fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
    fc.constant(encodeURIComponent(valid)),
    rawPiece.filter((piece) => piece.length > 0),
  );
}

function queryArbitrary(route: FuzzRoute) {
  const names = ['region', ...Object.keys(route.query)];
  const value = fc.oneof(
    anyText.map(encodeURIComponent),
    fc.constantFrom('us-east-1', 'eu-west-1', '', ...Object.values(route.query)),
    rawPiece,
  );
  return fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...names), fc.stringMatching(/^[a-zA-Z[\]]{1,12}$/)), value),
    { maxLength: 4 },
  );
}

function bodyArbitrary(route: FuzzRoute): fc.Arbitrary<string | Buffer> {
  const valid = route.body ?? {};
  const mutated = fc
    .record(
      Object.fromEntries(
        Object.entries(valid).map(([name, value]) => [
          name,
          fc.oneof(fc.constant(value), fc.jsonValue({ maxDepth: 3 }), anyText),
        ]),
      ),
      { requiredKeys: [] },
    )
    .chain((body) =>
      fc.oneof(
        fc.constant(body),
        fc.tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => ({
          ...body,
          [k]: v,
        })),
      ),
    )
    .map((body) => JSON.stringify(body));
  return fc.oneof(
    mutated,
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    anyText,
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  );
}

describe('properties: any input, never a 5xx, always a parseable answer, never a hang', () => {
  it.each(ROUTES.map((route) => [key(route), route] as const))('%s', async (_, route) => {
    const params = fc.record(
      Object.fromEntries(
        Object.entries(route.params).map(([name, param]) => [name, paramArbitrary(param.valid)]),
      ),
    );
    const body = route.method === 'POST' ? bodyArbitrary(route) : fc.constant(undefined);
    await fc.assert(
      fc.asyncProperty(params, queryArbitrary(route), body, async (p, query, payload) => {
        const url = urlOf(route, p, query);
        const response = await send(route, url, payload);
        const context = `${route.method} ${url.slice(0, 200)} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
        expect(response.status, context).toBeLessThan(500);
        if (response.status >= 400) ErrorBody.parse(response.body);
        else {
          expect(response.status, context).toBeLessThan(300);
          const parsed = route.response.safeParse(response.body);
          expect(parsed.success, context).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: 12, endOnFailure: true },
    );
  });
});
