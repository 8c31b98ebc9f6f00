import type { Simulator } from '@deckhand/aws-sim';
import {
  ServiceMapResponse,
  TraceResponse,
  TracesResponse,
  xrayToW3cTraceId,
  type TraceSpan,
} from '@deckhand/shared';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsLayer } from './aws/aws-layer.js';
import { createTracesService } from './modules/traces/traces.service.js';
import { startSimulatedAws, type SimulatedAws } from './testing/simulated-aws.js';
import { buildTestApp } from './testing/test-app.js';

// X-Ray reads against the simulator's demo traffic over real HTTP with the real SDK.
let env: SimulatedAws;
let simulator: Simulator;
let aws: AwsLayer;

beforeAll(async () => {
  env = await startSimulatedAws();
  ({ simulator, aws } = env);
});
afterAll(() => env.stop());

/** The real traces service; every other dependency is a test fake. */
function app() {
  return buildTestApp({ traces: createTracesService(aws.xray) });
}

function flatten(spans: TraceSpan[]): TraceSpan[] {
  return spans.flatMap((span) => [span, ...flatten(span.children)]);
}

describe('trace routes ↔ simulator', () => {
  it('searches the last 15 minutes with one GetTraceSummaries call', async () => {
    simulator.stats.reset();
    const response = await request(app()).get('/api/v1/traces').expect(200);
    const page = TracesResponse.parse(response.body);
    expect(page.traces.length).toBeGreaterThan(0);
    expect(page.scanned).toBeGreaterThanOrEqual(page.traces.length);
    expect(page.traces[0]?.services).toContain('web');
    expect(page.traces.some((trace) => (trace.ecs ?? []).length > 0)).toBe(true);
    expect(simulator.stats.snapshot().operations).toEqual({ 'xray:GetTraceSummaries': 1 });
  });

  it('loads the next page with the token and the window of the first', async () => {
    const first = TracesResponse.parse(
      (await request(app()).get('/api/v1/traces').expect(200)).body,
    );
    // 15 minutes of demo traffic is more than one page.
    expect(first.nextToken).toBeDefined();
    const next = TracesResponse.parse(
      (
        await request(app())
          .get('/api/v1/traces')
          .query({ start: first.start, end: first.end, nextToken: first.nextToken })
          .expect(200)
      ).body,
    );
    const firstIds = new Set(first.traces.map((trace) => trace.id));
    expect(next.traces.some((trace) => firstIds.has(trace.id))).toBe(false);
  });

  it('passes a filter expression through, and answers X-Ray’s refusal with 400', async () => {
    const faults = TracesResponse.parse(
      (await request(app()).get('/api/v1/traces').query({ filter: 'fault', all: 'true' })).body,
    );
    expect(faults.traces.length).toBeGreaterThan(0);
    expect(faults.traces.every((trace) => trace.hasFault)).toBe(true);
    const refused = await request(app())
      .get('/api/v1/traces')
      .query({ filter: 'service("web" AND' })
      .expect(400);
    expect(refused.body.error).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/^Searching traces: /),
    });
  });

  it('reads one trace as a span tree, by X-Ray or W3C id, with one BatchGetTraces call', async () => {
    const page = TracesResponse.parse(
      (await request(app()).get('/api/v1/traces').expect(200)).body,
    );
    const id = page.traces[0]?.id ?? '';
    simulator.stats.reset();
    const response = await request(app()).get(`/api/v1/traces/${id}`).expect(200);
    const { trace } = TraceResponse.parse(response.body);
    expect(simulator.stats.snapshot().operations).toEqual({ 'xray:BatchGetTraces': 1 });
    expect(trace.id).toBe(id);
    const [root] = trace.segments;
    expect(root).toMatchObject({ kind: 'segment', name: 'web', depth: 0 });
    expect(root?.ecsTask?.cluster).toBeTruthy();
    const spans = flatten(trace.segments);
    // The downstream service's segment hangs under the call that reached it.
    expect(spans.some((span) => span.kind === 'segment' && span.depth > 0)).toBe(true);
    expect(trace.criticalPath[0]).toBe(root?.id);
    expect(trace.criticalPath.every((spanId) => spans.some((span) => span.id === spanId))).toBe(
      true,
    );

    const w3c = xrayToW3cTraceId(id) ?? '';
    const again = await request(app()).get(`/api/v1/traces/${w3c}`).expect(200);
    expect(again.body.trace.id).toBe(id);
  });

  it('answers 404 for a trace id X-Ray does not know', async () => {
    const response = await request(app())
      .get('/api/v1/traces/1-5f84c3a5-000000000000000000000000')
      .expect(404);
    expect(response.body.error.code).toBe('not_found');
  });

  it('draws the service map: web → api → DynamoDB', async () => {
    const response = await request(app()).get('/api/v1/service-map').expect(200);
    const map = ServiceMapResponse.parse(response.body);
    const byName = new Map(map.nodes.map((node) => [node.name, node]));
    for (const name of ['web', 'api', 'DynamoDB']) expect(byName.has(name)).toBe(true);
    const edge = (from: string, to: string) =>
      map.edges.some(
        (candidate) =>
          candidate.source === byName.get(from)?.id && candidate.target === byName.get(to)?.id,
      );
    expect(edge('web', 'api')).toBe(true);
    expect(edge('api', 'DynamoDB')).toBe(true);
    expect(byName.get('web')?.stats.total).toBeGreaterThan(0);
  });
});
