import { describe, expect, it } from 'vitest';
import { latencyBuckets } from './service-map-histogram';

describe('latencyBuckets', () => {
  it('sums X-Ray’s entries into log-scale buckets, from the first to the last with requests', () => {
    const buckets = latencyBuckets([
      { value: 6, count: 2 },
      { value: 9.9, count: 3 },
      { value: 30, count: 4 },
      { value: 120, count: 1 },
    ]);
    expect(buckets).toEqual([
      { label: '5–10 ms', count: 5 },
      { label: '10–25 ms', count: 0 },
      { label: '25–50 ms', count: 4 },
      { label: '50–100 ms', count: 0 },
      { label: '100–250 ms', count: 1 },
    ]);
  });

  it('names the open ends and the unit changes', () => {
    const labels = latencyBuckets([
      { value: 1, count: 1 },
      { value: 700, count: 1 },
      { value: 1500, count: 1 },
      { value: 34_000, count: 1 },
    ]).map((bucket) => bucket.label);
    expect(labels[0]).toBe('< 5 ms');
    expect(labels).toContain('500 ms–1 s');
    expect(labels).toContain('1–2.5 s');
    expect(labels.at(-1)).toBe('≥ 10 s');
  });

  it('has no buckets without a histogram', () => {
    expect(latencyBuckets(undefined)).toEqual([]);
    expect(latencyBuckets([{ value: 12, count: 0 }])).toEqual([]);
  });
});
