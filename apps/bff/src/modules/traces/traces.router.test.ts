import { buildTrace, type TimeWindow } from '@deckhand/shared';
import { checkoutTraceStrings, FIXTURE_TRACE_ID } from '@deckhand/shared/testing';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../http/errors.js';
import { buildTestApp } from '../../testing/test-app.js';
import { emptyTraces } from '../../testing/traces-fakes.js';
import type { TraceSearch, TracesService } from './traces.service.js';

const fresh = { stale: false, asOf: '2026-11-26T12:00:00.000Z' };

function app(overrides: Partial<TracesService> = {}) {
  return buildTestApp({ traces: emptyTraces(overrides) });
}

describe('GET /api/v1/traces', () => {
  it('searches the last 15 minutes by default', async () => {
    const listTraces = vi.fn((_region: string, search: TraceSearch) =>
      emptyTraces().listTraces('us-east-1', search),
    );
    const before = Date.now();
    const response = await request(app({ listTraces })).get('/api/v1/traces').expect(200);
    const [region, search] = listTraces.mock.calls[0] ?? [];
    expect(region).toBe('us-east-1');
    expect(search?.window.relative).toBe(true);
    const { start, end } = search?.window ?? { start: new Date(0), end: new Date(0) };
    expect(end.getTime() - start.getTime()).toBe(15 * 60_000);
    expect(end.getTime()).toBeGreaterThanOrEqual(before);
    expect(response.body).toMatchObject({ traces: [], scanned: 0, stale: false });
  });

  it('passes window, filter, token, "all" and region through', async () => {
    const listTraces = vi.fn((_region: string, search: TraceSearch) =>
      emptyTraces().listTraces('us-east-1', search),
    );
    await request(app({ listTraces }))
      .get('/api/v1/traces')
      .query({
        region: 'eu-west-1',
        start: '2026-11-26T10:00:00Z',
        end: '1795694400',
        filter: ' service("web") AND http.status = 500 ',
        nextToken: 'abc',
        all: 'true',
      })
      .expect(200);
    expect(listTraces).toHaveBeenCalledWith('eu-west-1', {
      window: {
        start: new Date('2026-11-26T10:00:00Z'),
        end: new Date('2026-11-26T12:00:00Z'),
        relative: false,
      },
      filter: 'service("web") AND http.status = 500',
      nextToken: 'abc',
      all: true,
    });
  });

  it.each([
    ['start=nonsense', /start must be an ISO 8601 time or epoch seconds/],
    ['start=2026-11-26T12:00:00Z&end=2026-11-26T11:00:00Z', /end must be after start/],
    [
      'start=2026-11-26T00:00:00Z&end=2026-11-26T12:00:00Z',
      /12 h; X-Ray searches are limited to 6 h/,
    ],
    ['nextToken=abc', /nextToken needs the start and end/],
    ['all=yes', /^all: /],
    ['start=1&start=2', /^start: /],
  ])('refuses %s with 400 before any AWS call', async (query, message) => {
    const listTraces = vi.fn();
    const response = await request(app({ listTraces })).get(`/api/v1/traces?${query}`).expect(400);
    expect(response.body.error).toMatchObject({ code: 'bad_request', message });
    expect(listTraces).not.toHaveBeenCalled();
  });

  it('answers X-Ray’s refusal of a filter expression with 400 and its message', async () => {
    const listTraces = () =>
      Promise.reject(new InputError('Searching traces: Invalid filter expression'));
    const response = await request(app({ listTraces }))
      .get('/api/v1/traces?filter=service(')
      .expect(400);
    expect(response.body.error.message).toBe('Searching traces: Invalid filter expression');
  });
});

describe('GET /api/v1/traces/:traceId', () => {
  const detail = buildTrace({ id: FIXTURE_TRACE_ID, documents: checkoutTraceStrings() });

  it.each([
    ['the X-Ray id', FIXTURE_TRACE_ID],
    ['the W3C id', '6553f1003f2a9c1b8e7d6a5b4c3d2e1f'],
    ['an X-Amzn-Trace-Id header', `Root=${FIXTURE_TRACE_ID};Parent=53995c3f42cd8ad8;Sampled=1`],
  ])('answers the span tree for %s', async (_what, id) => {
    const getTrace = vi.fn(() => Promise.resolve({ trace: detail, ...fresh }));
    const response = await request(app({ getTrace }))
      .get(`/api/v1/traces/${encodeURIComponent(id)}`)
      .expect(200);
    expect(getTrace).toHaveBeenCalledWith('us-east-1', FIXTURE_TRACE_ID);
    expect(response.body.trace).toMatchObject({
      id: FIXTURE_TRACE_ID,
      duration: 500,
      limitExceeded: false,
      criticalPath: detail.criticalPath,
    });
    expect(response.body.trace.segments[0].children[0].name).toBe('orders-api');
  });

  it('refuses what is not a trace id with 400', async () => {
    const getTrace = vi.fn();
    const response = await request(app({ getTrace }))
      .get('/api/v1/traces/1-5f84c3a5-nothex')
      .expect(400);
    expect(response.body.error.message).toMatch(/traceId must be an X-Ray trace id/);
    expect(getTrace).not.toHaveBeenCalled();
  });

  it('answers 404 for a trace X-Ray does not know', async () => {
    const response = await request(app()).get(`/api/v1/traces/${FIXTURE_TRACE_ID}`).expect(404);
    expect(response.body.error).toMatchObject({ code: 'not_found' });
  });

  it('marks a stale answer', async () => {
    const getTrace = () =>
      Promise.resolve({ trace: detail, stale: true, asOf: '2026-11-26T11:00:00.000Z' });
    const response = await request(app({ getTrace }))
      .get(`/api/v1/traces/${FIXTURE_TRACE_ID}`)
      .expect(200);
    expect(response.headers['x-deckhand-stale']).toBe('true');
  });
});

describe('GET /api/v1/service-map', () => {
  it('answers nodes and edges for the window asked for', async () => {
    const serviceMap = vi.fn((_region: string, window: TimeWindow) =>
      Promise.resolve({
        nodes: [
          {
            id: 0,
            name: 'web',
            names: ['web'],
            type: 'AWS::ECS::Container',
            root: true,
            stats: { ok: 1, error: 0, fault: 0, throttle: 0, total: 1, avgResponseTime: 12 },
          },
        ],
        edges: [],
        start: window.start.toISOString(),
        end: window.end.toISOString(),
        ...fresh,
      }),
    );
    const response = await request(app({ serviceMap }))
      .get('/api/v1/service-map?start=1795690800&end=1795694400')
      .expect(200);
    expect(response.body).toMatchObject({
      nodes: [{ name: 'web', root: true }],
      edges: [],
      start: '2026-11-26T11:00:00.000Z',
      end: '2026-11-26T12:00:00.000Z',
    });
  });

  it('refuses a window over 6 hours with 400', async () => {
    const serviceMap = vi.fn();
    const response = await request(app({ serviceMap }))
      .get('/api/v1/service-map?start=2026-11-25T00:00:00Z&end=2026-11-26T00:00:00Z')
      .expect(400);
    expect(response.body.error.message).toMatch(/limited to 6 h/);
    expect(serviceMap).not.toHaveBeenCalled();
  });
});
