import { describe, expect, it } from 'vitest';
import { parseSegment, SEGMENT_DOCUMENT_MAX_BYTES } from './segment.js';
import { TraceStore } from './store.js';
import { buildSegment, buildSubsegment, TRACE_EPOCH, traceId } from './testing.js';

const MINUTE = 60_000;
const T0 = TRACE_EPOCH * 1000;
const put = (store: TraceStore, document: object, at = T0) =>
  store.put(JSON.stringify(document), at);

describe('segment validation', () => {
  it('accepts a complete segment and an in-progress one', () => {
    expect(parseSegment(JSON.stringify(buildSegment())).ok).toBe(true);
    const open = buildSegment({ end_time: undefined, in_progress: true });
    expect(parseSegment(JSON.stringify(open))).toMatchObject({
      ok: true,
      meta: { inProgress: true },
    });
  });

  it.each([
    [{ id: undefined }, 'MissingId'],
    [{ id: 'xyz' }, 'InvalidId'],
    [{ name: undefined }, 'MissingName'],
    [{ name: 'x'.repeat(201) }, 'InvalidName'],
    [{ name: 'bad<name>' }, 'InvalidName'],
    [{ trace_id: undefined }, 'MissingTraceId'],
    [{ trace_id: '1-abc-def' }, 'InvalidTraceId'],
    [{ start_time: undefined }, 'MissingStartTime'],
    [{ start_time: 'noon' }, 'InvalidStartTime'],
    [{ end_time: undefined }, 'MissingEndTime'],
    [{ end_time: TRACE_EPOCH - 10 }, 'InvalidEndTime'],
    [{ parent_id: 42 }, 'InvalidParentId'],
    [{ type: 'subsegment' }, 'MissingParentId'],
    [{ subsegments: [{ id: '0000000000000abc', start_time: 1, end_time: 2 }] }, 'MissingName'],
  ])('refuses %j with %s', (overrides, code) => {
    const outcome = parseSegment(JSON.stringify(buildSegment(overrides)));
    expect(outcome).toMatchObject({ ok: false, code });
    if (!outcome.ok) expect(outcome.message).toMatch(/^Invalid (sub)?segment\. ErrorCode: /);
  });

  it('refuses unparsable and oversized documents, keeping the id when it can be read', () => {
    expect(parseSegment('{"id":"00000000000000aa", "name": ')).toMatchObject({
      ok: false,
      id: '00000000000000aa',
      code: 'InvalidJson',
    });
    const big = buildSegment({ metadata: { blob: 'x'.repeat(SEGMENT_DOCUMENT_MAX_BYTES) } });
    expect(parseSegment(JSON.stringify(big))).toMatchObject({ ok: false, code: 'SegmentTooLarge' });
  });
});

describe('TraceStore', () => {
  it('indexes by trace id and answers time windows newest first', () => {
    const store = new TraceStore();
    for (let i = 0; i < 5; i += 1)
      put(store, buildSegment({ trace_id: traceId(TRACE_EPOCH + i * 60, i + 1) }), T0 + i * MINUTE);
    const hits = store.query(TRACE_EPOCH + 60, TRACE_EPOCH + 180, 'TraceId', T0 + 5 * MINUTE);
    expect(hits.map((hit) => hit.trace.id)).toEqual([
      traceId(TRACE_EPOCH + 180, 4),
      traceId(TRACE_EPOCH + 120, 3),
      traceId(TRACE_EPOCH + 60, 2),
    ]);
    const byEvent = store.query(TRACE_EPOCH + 239, TRACE_EPOCH + 241, 'Event', T0 + 5 * MINUTE);
    expect(byEvent.map((hit) => hit.trace.id)).toEqual([traceId(TRACE_EPOCH + 240, 5)]);
    expect(store.get(traceId(TRACE_EPOCH, 1), T0)?.segments.size).toBe(1);
  });

  it('replaces a resent segment, but never a completed one with an in-progress copy', () => {
    const store = new TraceStore();
    const complete = buildSegment();
    put(store, { ...complete, end_time: undefined, in_progress: true });
    put(store, complete);
    put(store, { ...complete, end_time: undefined, in_progress: true });
    const trace = store.get(traceId(), T0);
    expect(trace?.segments.size).toBe(1);
    expect(trace?.segments.get(String(complete.id))?.inProgress).toBe(false);
    expect(store.counts().segments).toBe(1);
  });

  it('expires traces not updated within the retention', () => {
    const store = new TraceStore({ retentionMs: 10 * MINUTE });
    put(store, buildSegment({ trace_id: traceId(TRACE_EPOCH, 1) }), T0);
    put(store, buildSegment({ trace_id: traceId(TRACE_EPOCH, 2) }), T0 + 5 * MINUTE);
    expect(store.get(traceId(TRACE_EPOCH, 1), T0 + 10 * MINUTE)).toBeDefined();
    expect(store.get(traceId(TRACE_EPOCH, 1), T0 + 11 * MINUTE)).toBeUndefined();
    expect(store.get(traceId(TRACE_EPOCH, 2), T0 + 11 * MINUTE)).toBeDefined();
    expect(store.counts()).toMatchObject({ traces: 1, segments: 1, expired: 1 });
    // An update keeps a trace alive: its retention counts from the last document.
    put(store, buildSegment({ trace_id: traceId(TRACE_EPOCH, 2) }), T0 + 14 * MINUTE);
    expect(store.get(traceId(TRACE_EPOCH, 2), T0 + 20 * MINUTE)).toBeDefined();
    expect(store.query(0, Infinity, 'TraceId', T0 + 30 * MINUTE)).toEqual([]);
  });

  it('drops the least recently updated traces past the segment cap', () => {
    const store = new TraceStore({ maxSegments: 100 });
    for (let i = 0; i < 250; i += 1)
      put(store, buildSegment({ trace_id: traceId(TRACE_EPOCH + i, i + 1) }), T0 + i);
    const counts = store.counts();
    expect(counts.segments).toBeLessThanOrEqual(100);
    expect(counts.segments).toBeGreaterThanOrEqual(90);
    expect(counts.evicted).toBe(250 - counts.traces);
    expect(store.get(traceId(TRACE_EPOCH, 1), T0 + 250)).toBeUndefined();
    expect(store.get(traceId(TRACE_EPOCH + 249, 250), T0 + 250)).toBeDefined();
    // The time index forgets the dropped traces too.
    const all = store.query(0, Infinity, 'TraceId', T0 + 250);
    expect(all).toHaveLength(counts.traces);
  });

  it('bounds memory by bytes as well', () => {
    const store = new TraceStore({ maxBytes: 50_000 });
    for (let i = 0; i < 100; i += 1)
      put(
        store,
        buildSegment({
          trace_id: traceId(TRACE_EPOCH, i + 1),
          metadata: { pad: 'x'.repeat(2_000) },
        }),
      );
    expect(store.counts().bytes).toBeLessThanOrEqual(50_000);
    expect(store.counts().traces).toBeGreaterThan(10);
  });

  it('stops storing a trace past its size limit and marks it LimitExceeded', () => {
    const store = new TraceStore({ traceSizeLimitBytes: 3_000 });
    const parent = buildSegment();
    put(store, parent);
    for (let i = 0; i < 10; i += 1)
      put(
        store,
        buildSubsegment({
          type: 'subsegment',
          trace_id: parent.trace_id,
          parent_id: parent.id,
          metadata: { pad: 'x'.repeat(500) },
        }),
      );
    const trace = store.get(String(parent.trace_id), T0);
    expect(trace?.limitExceeded).toBe(true);
    expect(trace?.size).toBeLessThanOrEqual(3_000);
    expect(trace?.segments.size).toBeLessThan(11);
  });
});
