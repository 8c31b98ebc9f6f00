import { describe, expect, it } from 'vitest';
import { checkoutTraceStrings, FIXTURE_TRACE_ID } from '../testing/xray.js';
import { buildTrace } from '../xray/trace.js';
import { ServiceMapResponse, TraceResponse, TracesQuery, TracesResponse } from './traces.js';

const fresh = { stale: false, asOf: '2026-11-26T12:00:00.000Z' };
const window = { start: '2026-11-26T11:45:00.000Z', end: '2026-11-26T12:00:00.000Z' };

describe('trace contract schemas', () => {
  it('accepts a trace search page and rejects one without its window', () => {
    const page = {
      traces: [
        {
          id: FIXTURE_TRACE_ID,
          duration: 500,
          responseTime: 498,
          http: { method: 'GET', status: 500 },
          hasError: false,
          hasFault: true,
          hasThrottle: false,
          isPartial: false,
          services: ['web'],
          annotations: { tier: ['gold', 3, true] },
          ecs: [{ cluster: 'prod', taskId: 'abc' }],
        },
      ],
      scanned: 12,
      nextToken: 't',
      ...window,
      ...fresh,
    };
    expect(TracesResponse.parse(page)).toEqual(page);
    expect(TracesResponse.safeParse({ ...page, start: undefined }).success).toBe(false);
    expect(
      TracesResponse.safeParse({ ...page, traces: [{ ...page.traces[0], duration: -1 }] }).success,
    ).toBe(false);
  });

  it('checks the span tree all the way down', () => {
    const trace = buildTrace({ id: FIXTURE_TRACE_ID, documents: checkoutTraceStrings() });
    expect(TraceResponse.safeParse({ trace, ...fresh }).success).toBe(true);
    const [web] = trace.segments;
    const [call] = web?.children ?? [];
    if (!web || !call) throw new Error('fixture changed');
    const broken = {
      ...trace,
      segments: [{ ...web, children: [{ ...call, children: [{ id: 'x' }] }] }],
    };
    const result = TraceResponse.safeParse({ trace: broken, ...fresh });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.slice(0, 6)).toEqual([
      'trace',
      'segments',
      0,
      'children',
      0,
      'children',
    ]);
  });

  it('requires integer node ids and full stats on the service map', () => {
    const stats = { ok: 1, error: 0, fault: 0, throttle: 0, total: 1, avgResponseTime: 3 };
    const node = { id: 0, name: 'web', names: ['web'], type: 'client', root: true, stats };
    expect(
      ServiceMapResponse.safeParse({ nodes: [node], edges: [], ...window, ...fresh }).success,
    ).toBe(true);
    expect(
      ServiceMapResponse.safeParse({
        nodes: [{ ...node, id: 'web' }],
        edges: [],
        ...window,
        ...fresh,
      }).success,
    ).toBe(false);
  });

  it('limits the search query', () => {
    expect(TracesQuery.safeParse({ filter: 'x'.repeat(2001) }).success).toBe(false);
    expect(TracesQuery.safeParse({ all: 'true', region: 'eu-west-1' }).success).toBe(true);
  });
});
