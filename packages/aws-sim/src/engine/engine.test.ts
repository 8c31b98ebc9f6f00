import { describe, expect, it } from 'vitest';
import { SimClock } from './clock.js';
import { paginate } from './paginate.js';
import { Random } from './random.js';

describe('SimClock', () => {
  it('runs speed times faster than wall time and stays continuous when the speed changes', () => {
    let real = 1_000_000;
    const clock = new SimClock(10, () => real);
    expect(clock.now()).toBe(1_000_000);
    real += 1_000;
    expect(clock.now()).toBe(1_010_000);
    clock.setSpeed(1);
    expect(clock.now()).toBe(1_010_000);
    real += 1_000;
    expect(clock.now()).toBe(1_011_000);
    expect(clock.realDelay(5_000)).toBe(5_000);
    expect(() => clock.setSpeed(0)).toThrow(RangeError);
  });

  it('stands still while paused, moves only by advance(), and runs on from there', () => {
    let real = 1_000_000;
    const clock = new SimClock(10, () => real);
    clock.pause();
    expect(clock.paused).toBe(true);
    real += 60_000;
    expect(clock.now()).toBe(1_000_000);
    clock.advance(5_000);
    expect(clock.now()).toBe(1_005_000);
    clock.setSpeed(2);
    real += 1_000;
    expect(clock.now()).toBe(1_005_000);
    clock.resume();
    real += 1_000;
    expect(clock.now()).toBe(1_007_000);
    clock.advance(3_000);
    expect(clock.now()).toBe(1_010_000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe('Random', () => {
  it('gives the same sequence for the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    expect([a.hex(32), a.int(1, 6), a.uuid()]).toEqual([b.hex(32), b.int(1, 6), b.uuid()]);
    expect(new Random(43).hex(32)).not.toBe(new Random(42).hex(32));
  });

  it('stays within bounds', () => {
    const random = new Random(1);
    for (let i = 0; i < 1000; i += 1) {
      const value = random.int(3, 5);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(5);
    }
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 25 }, (_, i) => `k${String(i).padStart(2, '0')}`);
  const limits = { defaultSize: 10, maxSize: 20 };

  it('uses the default page size and hands out a token until the end', () => {
    const first = paginate(items, (k) => k, undefined, undefined, limits);
    expect(first.items).toHaveLength(10);
    const second = paginate(items, (k) => k, 20, first.nextToken, limits);
    expect(second.items[0]).toBe('k10');
    expect(second.items).toHaveLength(15);
    expect(second.nextToken).toBeUndefined();
  });

  it('neither skips nor repeats items when earlier items disappear between pages', () => {
    const first = paginate(items, (k) => k, 5, undefined, limits);
    const shrunk = items.filter((k) => k !== 'k01' && k !== 'k02');
    const second = paginate(shrunk, (k) => k, 5, first.nextToken, limits);
    expect(second.items[0]).toBe('k05');
  });

  it('refuses page sizes outside the API range and tokens it did not make', () => {
    expect(() => paginate(items, (k) => k, 21, undefined, limits)).toThrow(/maxResults/);
    expect(() => paginate(items, (k) => k, 0, undefined, limits)).toThrow(/maxResults/);
    expect(() => paginate(items, (k) => k, 5, 'garbage', limits)).toThrow(/nextToken/);
  });
});
