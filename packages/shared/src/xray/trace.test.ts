import { describe, expect, it } from 'vitest';
import { TraceDetail } from '../schemas/traces.js';
import {
  buildSegmentDocument,
  checkoutTraceStrings,
  FIXTURE_START,
  FIXTURE_TRACE_ID,
} from '../testing/xray.js';
import { buildTrace } from './trace.js';

const at = (ms: number) => FIXTURE_START + ms / 1000;

describe('buildTrace', () => {
  it('builds a trace that satisfies the wire schema', () => {
    const trace = buildTrace({ id: FIXTURE_TRACE_ID, documents: checkoutTraceStrings() });
    expect(TraceDetail.parse(trace)).toEqual(trace);
    expect(trace).toMatchObject({
      id: FIXTURE_TRACE_ID,
      startTime: '2023-11-14T22:13:20.000Z',
      duration: 500,
      limitExceeded: false,
    });
    expect(trace.segments.map((span) => span.name)).toEqual(['web', 'audit-worker']);
  });

  it('hints at the orphan and the broken payments hop, not at the healthy orders hop', () => {
    const { hints } = buildTrace({ id: FIXTURE_TRACE_ID, documents: checkoutTraceStrings() });
    expect(hints.map((hint) => [hint.kind, hint.spanId])).toEqual([
      ['orphan', '0a00000000000001'],
      ['broken-hop', 'b000000000000002'],
    ]);
    expect(hints[1]?.message).toMatch(
      /"payments" \(web\) called a traced service \(http:\/\/payments\.internal\/charge\), but no segment/,
    );
    expect(hints[0]?.message).toMatch(/names parent 9999999999999999, which is not in this trace/);
  });

  it('warns when X-Ray cut the trace at its size limit', () => {
    const trace = buildTrace({
      id: FIXTURE_TRACE_ID,
      documents: [JSON.stringify(buildSegmentDocument())],
      limitExceeded: true,
    });
    expect(trace.limitExceeded).toBe(true);
    expect(trace.hints).toEqual([
      expect.objectContaining({ kind: 'limit-exceeded', severity: 'warning' }),
    ]);
  });

  it('says when spans are still in progress', () => {
    const trace = buildTrace({
      id: FIXTURE_TRACE_ID,
      documents: [
        JSON.stringify(buildSegmentDocument({ end_time: undefined, in_progress: true })),
        JSON.stringify({
          type: 'subsegment',
          id: 'b000000000000001',
          parent_id: 'a000000000000001',
          name: 'remote-call',
          namespace: 'remote',
          start_time: at(5),
          in_progress: true,
          http: { request: { traced: true } },
        }),
      ],
    });
    // An unfinished call is not a broken hop yet: its downstream may still report.
    expect(trace.hints.map((hint) => hint.kind)).toEqual(['in-progress']);
    expect(trace.hints[0]?.message).toBe(
      '2 spans are still in progress; the trace may still change.',
    );
    expect(trace.criticalPath).toEqual(['a000000000000001', 'b000000000000001']);
  });

  it('keeps the readable documents and reports the unreadable ones', () => {
    const trace = buildTrace({
      id: FIXTURE_TRACE_ID,
      documents: ['{oops', JSON.stringify(buildSegmentDocument()), JSON.stringify({ id: 'x' })],
    });
    expect(trace.segments).toHaveLength(1);
    expect(trace.hints.map((hint) => hint.kind)).toEqual(['unparseable', 'unparseable']);
    expect(trace.hints[0]?.message).toMatch(/document 1: not valid JSON/);
  });

  it('falls back to X-Ray’s duration when no document could be read', () => {
    const trace = buildTrace({ id: FIXTURE_TRACE_ID, documents: [], duration: 0.25 });
    expect(trace).toMatchObject({ duration: 250, segments: [], criticalPath: [] });
    expect(trace.startTime).toBeUndefined();
  });
});
