import { buildTrace } from '@deckhand/shared';
import { checkoutTraceStrings, FIXTURE_TRACE_ID } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import {
  barGeometry,
  flattenSpans,
  formatDuration,
  MIN_BAR_PERCENT,
  spanTone,
  timelineTicks,
} from './timeline';
import { parseRange, rangeWindow } from './time-range';

const trace = buildTrace({ id: FIXTURE_TRACE_ID, documents: checkoutTraceStrings() });

describe('timeline bar positions', () => {
  it('places a bar from its start to its end relative to the trace', () => {
    expect(barGeometry({ start: 0, end: 500 }, 500)).toEqual({ left: 0, width: 100 });
    expect(barGeometry({ start: 10, end: 210 }, 500)).toEqual({ left: 2, width: 40 });
    expect(barGeometry({ start: 250, end: 500 }, 1000)).toEqual({ left: 25, width: 25 });
  });

  it('runs an in-progress span to the end of the trace', () => {
    expect(barGeometry({ start: 300, end: undefined }, 400)).toEqual({ left: 75, width: 25 });
  });

  it('keeps zero-length spans visible and inside the timeline', () => {
    expect(barGeometry({ start: 100, end: 100 }, 200)).toEqual({
      left: 50,
      width: MIN_BAR_PERCENT,
    });
    expect(barGeometry({ start: 200, end: 200 }, 200)).toEqual({
      left: 100 - MIN_BAR_PERCENT,
      width: MIN_BAR_PERCENT,
    });
  });

  it('clamps spans outside the trace and handles an empty trace', () => {
    expect(barGeometry({ start: -10, end: 50 }, 100)).toEqual({ left: 0, width: 50 });
    expect(barGeometry({ start: 0, end: 150 }, 100)).toEqual({ left: 0, width: 100 });
    expect(barGeometry({ start: 0, end: 0 }, 0)).toEqual({ left: 0, width: 100 });
  });

  it('marks evenly spaced ticks', () => {
    expect(timelineTicks(500)).toEqual([0, 125, 250, 375, 500]);
  });
});

describe('flattenSpans', () => {
  it('lists the shared segment tree depth-first, children in start order', () => {
    const rows = flattenSpans(trace.segments);
    expect(rows.map((span) => `${'  '.repeat(span.depth)}${span.name}`)).toEqual([
      'web',
      '  orders-api',
      '    orders-api',
      '      DynamoDB',
      '        DynamoDB',
      '      orders@db.internal',
      '  payments',
      '  render',
      'audit-worker',
    ]);
  });
});

describe('span tone and durations', () => {
  it('ranks fault over throttle over error', () => {
    expect(spanTone({ fault: true, error: true, throttle: true })).toBe('fault');
    expect(spanTone({ fault: false, error: true, throttle: true })).toBe('throttle');
    expect(spanTone({ fault: false, error: true, throttle: false })).toBe('error');
    expect(spanTone({ fault: false, error: false, throttle: false })).toBe('ok');
  });

  it('formats durations for people', () => {
    expect(formatDuration(0.85)).toBe('850 µs');
    expect(formatDuration(12.34)).toBe('12.3 ms');
    expect(formatDuration(245.4)).toBe('245 ms');
    expect(formatDuration(1250)).toBe('1.25 s');
    expect(formatDuration(undefined)).toBe('in progress');
  });
});

describe('time range', () => {
  it('reads ?range= and falls back to 15 minutes', () => {
    expect(parseRange('1h')).toBe('1h');
    expect(parseRange('7d')).toBe('15m');
    expect(parseRange(null)).toBe('15m');
  });

  it('ends the window now', () => {
    expect(rangeWindow('5m', new Date('2026-11-26T10:00:00.000Z'))).toEqual({
      start: '2026-11-26T09:55:00.000Z',
      end: '2026-11-26T10:00:00.000Z',
    });
  });
});
