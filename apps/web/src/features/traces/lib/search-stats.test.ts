import { describe, expect, it } from 'vitest';
import { buildTraceSummary } from '../testing/fixtures';
import {
  bucketSelected,
  bucketsRange,
  durationBuckets,
  durationRangeParams,
  durationStats,
  inDurationRange,
  listedTraces,
  niceStep,
  parseDurationRange,
  percentile,
  scatterPoints,
  traceOutcome,
} from './search-stats';

describe('durationBuckets', () => {
  it('makes round-width buckets from 0 past the slowest and counts each duration once', () => {
    const buckets = durationBuckets([5, 12, 19, 20, 95], 10);
    // 95 / 10 = 9.5 → a 10 ms step; 95 falls in the tenth bucket.
    expect(buckets).toHaveLength(10);
    expect(buckets[0]).toEqual({ start: 0, end: 10, count: 1 });
    expect(buckets[1]).toEqual({ start: 10, end: 20, count: 2 });
    expect(buckets[2]?.count).toBe(1);
    expect(buckets[9]).toEqual({ start: 90, end: 100, count: 1 });
    expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(5);
  });

  it('is empty without durations and one 1 ms bucket when all took no time', () => {
    expect(durationBuckets([])).toEqual([]);
    expect(durationBuckets([0, 0])).toEqual([{ start: 0, end: 1, count: 2 }]);
  });

  it('picks 1-2-5 steps', () => {
    expect([0.3, 1, 1.5, 3, 7, 40, 180, 4500].map(niceStep)).toEqual([
      1, 1, 2, 5, 10, 50, 200, 5000,
    ]);
  });
});

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const values = [40, 10, 30, 20, 50, 60, 70, 80, 90, 100];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(100);
    expect(percentile(values, 0)).toBe(10);
    expect(percentile([], 50)).toBeUndefined();
  });

  it('summarises count, p50, p95 and the slowest', () => {
    expect(durationStats([300, 100, 200])).toEqual({ count: 3, p50: 200, p95: 300, max: 300 });
    expect(durationStats([])).toEqual({ count: 0, p50: undefined, p95: undefined, max: undefined });
  });
});

describe('the duration range', () => {
  it('reads seconds from the URL as ms, ignoring junk', () => {
    const params = new URLSearchParams('minDuration=0.2&maxDuration=1.5');
    expect(parseDurationRange(params)).toEqual({ min: 200, max: 1500 });
    expect(parseDurationRange(new URLSearchParams('minDuration=2'))).toEqual({
      min: 2000,
      max: undefined,
    });
    expect(parseDurationRange(new URLSearchParams('minDuration=abc&maxDuration=-1'))).toBe(
      undefined,
    );
    expect(parseDurationRange(new URLSearchParams())).toBeUndefined();
  });

  it('writes seconds without float noise, and empties to remove', () => {
    expect(durationRangeParams({ min: 300, max: 700 })).toEqual({
      minDuration: '0.3',
      maxDuration: '0.7',
    });
    expect(durationRangeParams(undefined)).toEqual({ minDuration: '', maxDuration: '' });
  });

  it('includes the lower bound and excludes the upper one', () => {
    const range = { min: 100, max: 200 };
    expect([99, 100, 150, 199.9, 200].map((ms) => inDurationRange(ms, range))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(inDurationRange(5000, { min: 100 })).toBe(true);
    expect(inDurationRange(5000, undefined)).toBe(true);
  });

  it('spans the buckets dragged across, in either direction', () => {
    const buckets = durationBuckets([5, 15, 25, 35], 4);
    expect(bucketsRange(buckets, 2, 1)).toEqual({ min: 10, max: 30 });
    expect(bucketsRange(buckets, 3, 3)).toEqual({ min: 30, max: 40 });
    expect(bucketsRange(buckets, 9, 1)).toBeUndefined();
    const selected = buckets.map((bucket) => bucketSelected(bucket, { min: 10, max: 30 }));
    expect(selected).toEqual([false, true, true, false]);
  });
});

describe('the list and the scatter', () => {
  const fast = buildTraceSummary({
    id: '1-6553f100-000000000000000000000001',
    startTime: '2026-11-26T09:50:00.000Z',
    duration: 50,
    hasFault: false,
  });
  const slow = buildTraceSummary({
    id: '1-6553f100-000000000000000000000002',
    startTime: '2026-11-26T09:55:00.000Z',
    duration: 900,
    hasFault: true,
  });
  const noTime = buildTraceSummary({
    id: '1-6553f0ff-000000000000000000000003',
    startTime: undefined,
    duration: 300,
    hasFault: false,
    hasError: true,
    hasThrottle: true,
  });

  it('lists the traces in range, newest first (the id gives a missing start)', () => {
    expect(listedTraces([fast, noTime, slow], undefined).map((trace) => trace.id)).toEqual([
      slow.id,
      fast.id,
      noTime.id,
    ]);
    expect(listedTraces([fast, noTime, slow], { min: 100 }).map((trace) => trace.id)).toEqual([
      slow.id,
      noTime.id,
    ]);
  });

  it('ranks fault over throttle over error', () => {
    expect(traceOutcome({ hasFault: true, hasThrottle: true, hasError: true })).toBe('fault');
    expect(traceOutcome({ hasFault: false, hasThrottle: true, hasError: true })).toBe('throttle');
    expect(traceOutcome({ hasFault: false, hasThrottle: false, hasError: true })).toBe('error');
    expect(traceOutcome({ hasFault: false, hasThrottle: false, hasError: false })).toBe('ok');
  });

  it('plots each trace at its start with its outcome', () => {
    expect(scatterPoints([slow, noTime])).toEqual([
      {
        id: slow.id,
        time: Date.parse('2026-11-26T09:55:00.000Z'),
        duration: 900,
        outcome: 'fault',
      },
      { id: noTime.id, time: 0x6553f0ff * 1000, duration: 300, outcome: 'throttle' },
    ]);
  });
});
