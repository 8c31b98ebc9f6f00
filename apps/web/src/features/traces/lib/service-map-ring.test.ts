import { describe, expect, it } from 'vitest';
import type { HealthShare } from './service-map-model';
import { ringArcs } from './service-map-ring';

const circle = { cx: 10, cy: 10, r: 8 };
const shares = (ok: number, error: number, throttle: number, fault: number): HealthShare[] =>
  (
    [
      ['ok', ok],
      ['error', error],
      ['throttle', throttle],
      ['fault', fault],
    ] as const
  ).map(([outcome, share]) => ({ outcome, count: share * 100, share }));

describe('ringArcs', () => {
  it('draws one arc per non-empty share, clockwise from the top', () => {
    const arcs = ringArcs(shares(0.75, 0, 0, 0.25), circle);
    expect(arcs.map((arc) => arc.outcome)).toEqual(['ok', 'fault']);
    // ok: from 12 o'clock (10, 2) the long way round to 9 o'clock (2, 10).
    expect(arcs[0]?.d).toBe('M 10 2 A 8 8 0 1 1 2 10');
    // fault: from 9 o'clock back to the top, the short way.
    expect(arcs[1]?.d).toBe('M 2 10 A 8 8 0 0 1 10 2');
  });

  it('closes a full ring with two half arcs (one SVG arc cannot)', () => {
    const [arc] = ringArcs(shares(1, 0, 0, 0), circle);
    expect(arc?.d).toBe('M 10 2 A 8 8 0 1 1 10 18 A 8 8 0 1 1 10 2');
  });

  it('draws nothing when there were no requests', () => {
    expect(ringArcs(shares(0, 0, 0, 0), circle)).toEqual([]);
  });
});
