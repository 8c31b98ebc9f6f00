import { describe, expect, it } from 'vitest';
import { buildSegmentDocument, checkoutTraceDocuments } from '../testing/xray.js';
import { parseSegmentDocument } from './segment-document.js';

function parse(doc: unknown) {
  const result = parseSegmentDocument(JSON.stringify(doc));
  if (!result.ok) throw new Error(result.problem);
  return result;
}

describe('parseSegmentDocument', () => {
  it('reads a full SDK segment with its nested subsegments', () => {
    const web = checkoutTraceDocuments().find((doc) => doc.name === 'web');
    const { document, problems } = parse(web);
    expect(problems).toEqual([]);
    expect(document).toMatchObject({
      id: 'a000000000000001',
      name: 'web',
      origin: 'AWS::ECS::Container',
      fault: true,
      annotations: { customer_tier: 'gold', cart_items: 3, beta: false },
      aws: { ecs: { launch_type: 'FARGATE', task_family: 'web' } },
    });
    expect(document.subsegments.map((sub) => sub.name)).toEqual(['orders-api', 'payments']);
    expect(document.subsegments[1]?.cause).toMatchObject({
      working_directory: '/app',
      exceptions: [{ id: 'e000000000000001', remote: true, stack: [{ line: 42 }] }],
    });
  });

  it('reads content_length (and other numbers) sent as strings', () => {
    const { document } = parse(
      buildSegmentDocument({
        http: { response: { status: '200', content_length: '1024' } },
        aws: { retries: '2' },
      }),
    );
    expect(document.http?.response).toEqual({ status: 200, content_length: 1024 });
    expect(document.aws?.retries).toBe(2);
  });

  it('needs only id, name and start_time', () => {
    const { document } = parse({ id: 'a000000000000001', name: 'bare', start_time: 1700000000 });
    expect(document).toMatchObject({ id: 'a000000000000001', name: 'bare', subsegments: [] });
    expect(document.end_time).toBeUndefined();
    expect(document.http).toBeUndefined();
  });

  it('drops a malformed optional field instead of the segment', () => {
    const { document, problems } = parse(
      buildSegmentDocument({
        http: { request: { method: 42 }, response: { content_length: 'lots', status: 200 } },
        annotations: ['not', 'a', 'map'],
        fault: 'yes',
      }),
    );
    expect(document.http).toEqual({ request: {}, response: { status: 200 } });
    expect(document.annotations).toBeUndefined();
    expect(document.fault).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('leaves out a broken nested subsegment, keeps its siblings and reports it', () => {
    const { document, problems } = parse(
      buildSegmentDocument({
        subsegments: [
          {
            id: 'b000000000000001',
            name: 'ok',
            start_time: 1700000000.01,
            end_time: 1700000000.02,
          },
          { id: 'b000000000000002', name: 'no start time' },
        ],
      }),
    );
    expect(document.subsegments.map((sub) => sub.id)).toEqual(['b000000000000001']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/a000000000000001 › subsegment 2: start_time/);
  });

  it('reads a cause that is only an exception id', () => {
    const { document } = parse(buildSegmentDocument({ cause: 'e000000000000001' }));
    expect(document.cause).toEqual({ exceptionId: 'e000000000000001' });
  });

  it('fails on what is not a segment', () => {
    expect(parseSegmentDocument('{not json')).toEqual({ ok: false, problem: 'not valid JSON' });
    const missing = parseSegmentDocument(JSON.stringify({ id: 'a000000000000001' }));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problem).toMatch(/name/);
    expect(parseSegmentDocument('[]').ok).toBe(false);
  });
});
