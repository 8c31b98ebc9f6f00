import { describe, expect, it } from 'vitest';
import { compareDefaults, parseRevisionNumber } from './compare-defaults';

const list = [{ revision: 9 }, { revision: 7 }, { revision: 6 }];

describe('compareDefaults', () => {
  it('takes both revisions from the URL', () => {
    expect(compareDefaults({ from: '3', to: '5' }, list)).toEqual({ from: 3, to: 5 });
  });

  it('defaults to the newest revision and the one listed before it', () => {
    expect(compareDefaults({ from: null, to: null }, list)).toEqual({ from: 7, to: 9 });
    expect(compareDefaults({ from: null, to: '7' }, list)).toEqual({ from: 6, to: 7 });
  });

  it('falls back to to - 1 when the list has nothing below', () => {
    expect(compareDefaults({ from: null, to: '4' }, undefined)).toEqual({ from: 3, to: 4 });
    expect(compareDefaults({ from: null, to: '1' }, [])).toEqual({ from: undefined, to: 1 });
  });

  it('knows nothing before the list arrives', () => {
    expect(compareDefaults({ from: null, to: null }, undefined)).toEqual({
      from: undefined,
      to: undefined,
    });
  });
});

describe('parseRevisionNumber', () => {
  it('accepts positive integers only', () => {
    expect(parseRevisionNumber('12')).toBe(12);
    expect(parseRevisionNumber('0')).toBeUndefined();
    expect(parseRevisionNumber('latest')).toBeUndefined();
    expect(parseRevisionNumber(null)).toBeUndefined();
  });
});
