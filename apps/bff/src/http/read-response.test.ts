import { describe, expect, it, vi } from 'vitest';
import { freshnessOf, ReadMemo } from './read-response.js';

const part = (fetchedAt: number, stale = false) => ({ value: null, fetchedAt, stale });

describe('ReadMemo', () => {
  it('serialises once while the cache entries behind an answer stay the same', () => {
    const memo = new ReadMemo();
    const serialise = vi.fn(() => '{"n":1}');
    expect(memo.json('k', [part(1), part(2)], serialise).toString()).toBe('{"n":1}');
    expect(memo.json('k', [part(1), part(2)], serialise).toString()).toBe('{"n":1}');
    expect(serialise).toHaveBeenCalledTimes(1);
  });

  it('serialises again when an entry was refreshed or turned stale', () => {
    const memo = new ReadMemo();
    const serialise = vi.fn(() => 'x');
    memo.json('k', [part(1)], serialise);
    memo.json('k', [part(5)], serialise);
    memo.json('k', [part(5, true)], serialise);
    expect(serialise).toHaveBeenCalledTimes(3);
  });

  it('keeps at most its bound, dropping the least recently used', () => {
    const memo = new ReadMemo(2);
    const serialise = vi.fn(() => 'x');
    memo.json('a', [part(1)], serialise);
    memo.json('b', [part(1)], serialise);
    memo.json('a', [part(1)], serialise);
    memo.json('c', [part(1)], serialise);
    memo.json('a', [part(1)], serialise);
    memo.json('b', [part(1)], serialise);
    expect(serialise).toHaveBeenCalledTimes(4);
  });
});

describe('freshnessOf', () => {
  it('dates an answer by its oldest part and marks it stale if any part is', () => {
    expect(
      freshnessOf(part(Date.UTC(2026, 0, 1, 10)), part(Date.UTC(2026, 0, 1, 9), true)),
    ).toEqual({
      stale: true,
      asOf: '2026-01-01T09:00:00.000Z',
    });
  });
});
