import { describe, expect, it } from 'vitest';
import { factsOf } from './analysis.js';
import { assembleTrace } from './assemble.js';
import { buildServices } from './graph.js';
import type { JsonObject } from './json.js';
import { TraceStore } from './store.js';
import { buildDynamoCall, buildSegment, buildSubsegment, TRACE_EPOCH } from './testing.js';

function storeOf(documents: JsonObject[], settings = {}) {
  const store = new TraceStore(settings);
  for (const document of documents) {
    const outcome = store.put(JSON.stringify(document), TRACE_EPOCH * 1000);
    expect(outcome.ok).toBe(true);
  }
  const trace = store.get(String(documents[0]?.trace_id), TRACE_EPOCH * 1000);
  if (!trace) throw new Error('trace not stored');
  return trace;
}

const independent = (parent: JsonObject, overrides: JsonObject = {}) =>
  buildSubsegment({
    type: 'subsegment',
    trace_id: parent.trace_id,
    parent_id: parent.id,
    ...overrides,
  });

const ids = (nodes: unknown) => (nodes as JsonObject[]).map((node) => node.id);

describe('assembling a trace (BatchGetTraces processing)', () => {
  it('merges independent subsegments into their parents, at any depth and in any order', () => {
    const segment = buildSegment({
      subsegments: [
        buildSubsegment({ start_time: TRACE_EPOCH + 0.3, end_time: TRACE_EPOCH + 0.32 }),
      ],
    });
    const child = independent(segment, { start_time: TRACE_EPOCH + 0.15 });
    // A grandchild that arrives before its own parent.
    const grandchild = buildSubsegment({
      type: 'subsegment',
      trace_id: segment.trace_id,
      parent_id: child.id,
    });
    const assembled = assembleTrace(storeOf([grandchild, segment, child]));

    expect(assembled.segments).toHaveLength(1);
    const [root] = assembled.segments;
    const children = root?.subsegments as JsonObject[];
    // Sorted by start time; the merged copy carries none of the independent-only fields.
    expect(ids(children)).toEqual([child.id, (segment.subsegments as JsonObject[])[0]?.id]);
    expect(children[0]).not.toHaveProperty('type');
    expect(children[0]).not.toHaveProperty('trace_id');
    expect(children[0]).not.toHaveProperty('parent_id');
    expect(ids(children[0]?.subsegments)).toEqual([grandchild.id]);
    expect(assembled.orphans).toBe(0);
  });

  it('leaves out subsegments whose parent never arrived and counts them', () => {
    const segment = buildSegment();
    const orphan = buildSubsegment({
      type: 'subsegment',
      trace_id: segment.trace_id,
      parent_id: 'ffffffffffffffff',
    });
    const assembled = assembleTrace(storeOf([segment, orphan]));
    expect(assembled.orphans).toBe(1);
    expect(assembled.segments[0]).not.toHaveProperty('subsegments');
    expect(factsOf(assembled).isPartial).toBe(true);
  });

  it('infers a segment for each AWS downstream call', () => {
    const call = buildDynamoCall({ error: true, throttle: true });
    const segment = buildSegment({ subsegments: [call] });
    const assembled = assembleTrace(storeOf([segment]));
    expect(assembled.segments).toHaveLength(2);
    const inferred = assembled.segments.find((item) => item.inferred === true);
    expect(inferred).toMatchObject({
      name: 'DynamoDB',
      parent_id: call.id,
      origin: 'AWS::DynamoDB::Table',
      trace_id: segment.trace_id,
      start_time: call.start_time,
      end_time: call.end_time,
      error: true,
      throttle: true,
      aws: { table_name: 'products' },
    });
    expect(inferred?.id).toMatch(/^[0-9a-f]{16}$/);
    // Stable: reading the trace again gives the same inferred id.
    expect(assembleTrace(storeOf([segment])).segments.find((s) => s.inferred)?.id).toBe(
      inferred?.id,
    );
  });

  it('infers nothing when the callee sent its own segment, or the call is still running', () => {
    const call = buildDynamoCall({ name: 'Lambda' });
    const running = buildDynamoCall({ end_time: undefined, in_progress: true });
    const caller = buildSegment({ subsegments: [call, running] });
    const callee = buildSegment({
      name: 'handler',
      parent_id: call.id,
      origin: 'AWS::Lambda::Function',
    });
    const assembled = assembleTrace(storeOf([caller, callee]));
    expect(assembled.segments.filter((segment) => segment.inferred === true)).toEqual([]);
  });

  it('measures duration from the first start to the last completed end', () => {
    const early = buildSegment({ start_time: TRACE_EPOCH + 1, end_time: TRACE_EPOCH + 1.5 });
    const late = buildSegment({
      start_time: TRACE_EPOCH + 1.2,
      end_time: TRACE_EPOCH + 2.25,
      parent_id: '00000000000000ff',
    });
    const open = buildSegment({
      start_time: TRACE_EPOCH + 1.3,
      end_time: undefined,
      in_progress: true,
    });
    expect(assembleTrace(storeOf([early, late, open])).duration).toBe(1.25);
    expect(assembleTrace(storeOf([open])).duration).toBeUndefined();
  });

  it('reports LimitExceeded when a trace grew past its size limit', () => {
    const segment = buildSegment();
    const pads = Array.from({ length: 6 }, () =>
      independent(segment, { metadata: { pad: 'x'.repeat(400) } }),
    );
    const assembled = assembleTrace(storeOf([segment, ...pads], { traceSizeLimitBytes: 2_000 }));
    expect(assembled.limitExceeded).toBe(true);
    expect((assembled.segments[0]?.subsegments as unknown[]).length).toBeLessThan(6);
    expect(assembleTrace(storeOf([buildSegment()])).limitExceeded).toBe(false);
  });
});

describe('trace facts and graphs', () => {
  const call = buildSubsegment({
    name: 'api',
    namespace: 'remote',
    traced: true,
    start_time: TRACE_EPOCH + 0.11,
    end_time: TRACE_EPOCH + 0.31,
    fault: true,
  });
  const web = buildSegment({
    http: {
      request: {
        method: 'GET',
        url: 'https://shop.example.com/',
        user_agent: 'curl/8',
        client_ip: '192.0.2.1',
      },
      response: { status: 502 },
    },
    fault: true,
    annotations: { route: '/', tier: 'gold' },
    user: 'customer-1',
    subsegments: [call],
  });
  const sql = buildSubsegment({
    name: 'orders@db',
    namespace: 'remote',
    sql: { url: 'jdbc:postgresql://db/orders' },
  });
  const api = buildSegment({
    name: 'api',
    parent_id: call.id,
    start_time: TRACE_EPOCH + 0.12,
    end_time: TRACE_EPOCH + 0.3,
    fault: true,
    annotations: { route: '/' },
    subsegments: [buildDynamoCall({ throttle: true, error: true }), sql],
  });
  const facts = factsOf(assembleTrace(storeOf([web, api])));

  it('takes the summary from the root segment', () => {
    expect(facts).toMatchObject({
      responseTime: 0.25,
      duration: 0.25,
      hasFault: true,
      hasError: false,
      hasThrottle: true,
      isPartial: false,
      ok: false,
      http: { url: 'https://shop.example.com/', status: 502, method: 'GET', clientIp: '192.0.2.1' },
      entry: { name: 'web', type: 'AWS::ECS::Container' },
      users: [{ name: 'customer-1' }],
    });
    expect(facts.services.map((s) => `${s.type}/${s.name}`).sort()).toEqual([
      'AWS::DynamoDB::Table/DynamoDB',
      'AWS::ECS::Container/api',
      'AWS::ECS::Container/web',
      'Database::SQL/orders@db',
    ]);
    const route = facts.annotations.find((a) => a.key === 'route');
    expect(route?.services.map((s) => s.name)).toEqual(['web', 'api']);
  });

  it('builds nodes and edges: client → web → api → DynamoDB and the database', () => {
    const services = buildServices([facts], '000000000000');
    const byName = new Map(services.map((s) => [s.Name ?? s.Type, s]));
    const edgesOf = (name: string) =>
      byName
        .get(name)
        ?.Edges.map((edge) => services.find((s) => s.ReferenceId === edge.ReferenceId)?.Name);
    expect(services[0]).toMatchObject({ ReferenceId: 0, Type: 'client' });
    expect(services[0]).not.toHaveProperty('SummaryStatistics');
    expect(edgesOf('client')).toEqual(['web']);
    expect(edgesOf('web')).toEqual(['api']);
    expect(edgesOf('api')?.sort()).toEqual(['DynamoDB', 'orders@db']);
    expect(byName.get('web')).toMatchObject({
      Root: true,
      AccountId: '000000000000',
      SummaryStatistics: { OkCount: 0, FaultStatistics: { TotalCount: 1 }, TotalCount: 1 },
    });
    expect(byName.get('DynamoDB')?.SummaryStatistics).toMatchObject({
      ErrorStatistics: { ThrottleCount: 1, OtherCount: 0, TotalCount: 1 },
    });
    expect(byName.get('orders@db')).toMatchObject({ Type: 'Database::SQL' });
    expect(byName.get('orders@db')).not.toHaveProperty('AccountId');
    // The web → api edge is timed by web's subsegment, as web saw the call.
    const edge = byName.get('web')?.Edges[0];
    expect(edge?.SummaryStatistics.TotalResponseTime).toBe(0.2);
    expect(edge?.ResponseTimeHistogram).toEqual([{ Value: 0.2, Count: 1 }]);
  });

  it('counts only calls that ended inside a window', () => {
    const before = buildServices([facts], '000000000000', {
      start: TRACE_EPOCH + 10,
      end: TRACE_EPOCH + 20,
    });
    expect(before).toEqual([]);
  });
});
