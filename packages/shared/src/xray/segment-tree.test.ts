import { describe, expect, it } from 'vitest';
import type { TraceSpan } from '../schemas/traces.js';
import { buildSegmentDocument, checkoutTraceDocuments, FIXTURE_START } from '../testing/xray.js';
import { parseSegmentDocument, type SegmentDocument } from './segment-document.js';
import { buildSegmentTree } from './segment-tree.js';

function parsed(docs: Record<string, unknown>[]): SegmentDocument[] {
  return docs.map((doc) => {
    const result = parseSegmentDocument(JSON.stringify(doc));
    if (!result.ok) throw new Error(result.problem);
    return result.document;
  });
}

/** `name[id-suffix]` outline of the tree, children indented. */
function outline(spans: TraceSpan[], indent = ''): string[] {
  return spans.flatMap((span) => [
    `${indent}${span.name}`,
    ...outline(span.children, `${indent}  `),
  ]);
}

function find(spans: TraceSpan[], id: string): TraceSpan {
  const span = spans.find((candidate) => candidate.id === id);
  if (!span) throw new Error(`no span ${id}`);
  return span;
}

const at = (ms: number) => FIXTURE_START + ms / 1000;

describe('buildSegmentTree on the checkout trace', () => {
  const tree = buildSegmentTree(parsed(checkoutTraceDocuments()));

  it('nests subsegments, downstream segments, inferred segments and independent subsegments', () => {
    expect(outline(tree.roots)).toEqual([
      'web',
      '  orders-api', // the remote call (subsegment)
      '    orders-api', // …and the downstream service's segment under it
      '      DynamoDB',
      '        DynamoDB', // X-Ray's inferred segment under the SDK call
      '      orders@db.internal',
      '  payments',
      '  render', // the independent subsegment, attached to its parent segment
      'audit-worker', // the orphan, kept at the top level
    ]);
    expect(tree.spans).toHaveLength(9);
  });

  it('makes times ms relative to the trace start', () => {
    expect(tree.startTime).toBe(FIXTURE_START);
    expect(find(tree.spans, 'a000000000000001')).toMatchObject({
      start: 0,
      end: 500,
      duration: 500,
    });
    expect(find(tree.spans, 'd000000000000001')).toMatchObject({
      start: 30,
      end: 80,
      duration: 50,
    });
    expect(tree.duration).toBe(500);
  });

  it('marks kind, namespace, depth, the owning service and the parent', () => {
    expect(find(tree.spans, 'b000000000000001')).toMatchObject({
      kind: 'subsegment',
      namespace: 'remote',
      service: 'web',
      parentId: 'a000000000000001',
      depth: 1,
    });
    expect(find(tree.spans, 'c000000000000001')).toMatchObject({
      kind: 'segment',
      namespace: 'local',
      service: 'orders-api',
      parentId: 'b000000000000001',
      depth: 2,
    });
    expect(find(tree.spans, 'd000000000000002')).toMatchObject({
      service: 'orders-api',
      depth: 3,
    });
    expect(find(tree.spans, 'f000000000000001')).toMatchObject({
      kind: 'subsegment',
      service: 'web',
      depth: 1,
    });
  });

  it('marks inferred segments as AWS spans of their own service', () => {
    expect(find(tree.spans, 'e100000000000001')).toMatchObject({
      kind: 'segment',
      inferred: true,
      namespace: 'aws',
      origin: 'AWS::DynamoDB::Table',
      service: 'DynamoDB',
      depth: 4,
    });
    expect(find(tree.spans, 'd000000000000001').inferred).toBe(false);
  });

  it('reports the orphan', () => {
    expect(tree.orphans.map((span) => span.id)).toEqual(['0a00000000000001']);
    expect(find(tree.spans, '0a00000000000001')).toMatchObject({ orphan: true, depth: 0 });
    expect(find(tree.spans, 'a000000000000001').orphan).toBe(false);
  });

  it('maps http (string content_length), sql, aws, annotations, metadata and cause', () => {
    const web = find(tree.spans, 'a000000000000001');
    expect(web.http).toEqual({
      method: 'GET',
      url: 'https://shop.example.com/checkout',
      status: 500,
      contentLength: 1024,
      clientIp: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
    });
    expect(web).toMatchObject({
      fault: true,
      error: false,
      throttle: false,
      annotations: { customer_tier: 'gold', cart_items: 3, beta: false },
      metadata: { default: { cart: { items: [{ sku: 'A1', qty: 1 }] } } },
      ecsTask: { cluster: 'prod-fargate', taskId: '0a1b2c3d4e5f67890a1b2c3d4e5f6789' },
    });
    expect(web.aws?.ecs).toMatchObject({ launch_type: 'FARGATE', availability_zone: 'us-east-1a' });
    expect(find(tree.spans, 'c000000000000001').ecsTask).toEqual({
      cluster: 'prod-ec2',
      taskId: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    });
    expect(find(tree.spans, 'd000000000000001')).toMatchObject({
      http: { status: 200, contentLength: 87 },
      aws: { operation: 'GetItem', tableName: 'orders', region: 'us-east-1', retries: 0 },
    });
    expect(find(tree.spans, 'd000000000000002').sql).toMatchObject({
      databaseType: 'PostgreSQL',
      sanitizedQuery: 'SELECT * FROM orders WHERE id = ?',
    });
    expect(find(tree.spans, 'b000000000000002').cause).toEqual({
      workingDirectory: '/app',
      exceptions: [
        {
          id: 'e000000000000001',
          message: 'Service Unavailable',
          type: 'HttpError',
          remote: true,
          stack: [{ path: '/app/src/payments.js', line: 42, label: 'charge' }],
        },
      ],
    });
  });
});

describe('buildSegmentTree edge cases', () => {
  it('marks in-progress segments: no end, no duration', () => {
    const tree = buildSegmentTree(
      parsed([
        buildSegmentDocument({ end_time: undefined, in_progress: true, start_time: at(0) }),
        buildSegmentDocument({
          id: 'b000000000000001',
          parent_id: 'a000000000000001',
          type: 'subsegment',
          name: 'slow-query',
          start_time: at(40),
          in_progress: true,
        }),
      ]),
    );
    const [root] = tree.roots;
    expect(root).toMatchObject({ inProgress: true, start: 0 });
    expect(root?.end).toBeUndefined();
    expect(root?.duration).toBeUndefined();
    expect(root?.children[0]).toMatchObject({ name: 'slow-query', inProgress: true, start: 40 });
    // The latest known time is the last start.
    expect(tree.duration).toBe(40);
  });

  it('prefers the completed copy of a segment sent twice', () => {
    const tree = buildSegmentTree(
      parsed([
        buildSegmentDocument({ end_time: undefined, in_progress: true }),
        buildSegmentDocument({ end_time: at(250) }),
      ]),
    );
    expect(tree.roots).toHaveLength(1);
    expect(tree.roots[0]).toMatchObject({ inProgress: false, end: 250 });
  });

  it('sorts children by start time whatever the document order', () => {
    const tree = buildSegmentTree(
      parsed([
        buildSegmentDocument({
          end_time: at(100),
          subsegments: [
            { id: 'b000000000000003', name: 'third', start_time: at(30), end_time: at(40) },
            { id: 'b000000000000001', name: 'first', start_time: at(10), end_time: at(20) },
          ],
        }),
        {
          type: 'subsegment',
          id: 'b000000000000002',
          parent_id: 'a000000000000001',
          name: 'second',
          start_time: at(20),
          end_time: at(30),
        },
      ]),
    );
    expect(tree.roots[0]?.children.map((span) => span.name)).toEqual(['first', 'second', 'third']);
  });

  it('reports an independent subsegment whose segment is missing as an orphan without a service', () => {
    const tree = buildSegmentTree(
      parsed([
        {
          type: 'subsegment',
          id: 'b000000000000001',
          parent_id: 'a0000000000000ff',
          name: 'lost',
          start_time: at(0),
          end_time: at(5),
        },
      ]),
    );
    expect(tree.orphans.map((span) => span.name)).toEqual(['lost']);
    expect(tree.roots[0]?.service).toBeUndefined();
  });

  it('cuts a parent_id cycle loose instead of looping', () => {
    const tree = buildSegmentTree(
      parsed([
        buildSegmentDocument({ id: 'a000000000000001', parent_id: 'a000000000000002' }),
        buildSegmentDocument({ id: 'a000000000000002', parent_id: 'a000000000000001', name: 'b' }),
      ]),
    );
    expect(tree.spans).toHaveLength(2);
    expect(tree.orphans).toHaveLength(1);
    expect(tree.roots).toHaveLength(1);
    expect(tree.roots[0]?.children).toHaveLength(1);
  });

  it('clamps an end before its start (clock skew) to a zero duration', () => {
    const tree = buildSegmentTree(
      parsed([buildSegmentDocument({ start_time: at(10), end_time: at(5) })]),
    );
    expect(tree.roots[0]).toMatchObject({ start: 0, end: 0, duration: 0 });
  });

  it('builds nothing from nothing', () => {
    expect(buildSegmentTree([])).toEqual({
      roots: [],
      orphans: [],
      spans: [],
      startTime: undefined,
      duration: 0,
    });
  });
});
