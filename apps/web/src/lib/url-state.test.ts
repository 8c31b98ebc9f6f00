import { describe, expect, it } from 'vitest';
import { formatSort, parseSort, regionSearch, toggleSort, withParam } from './url-state';

describe('url state', () => {
  it('keeps the region in links, except the home region', () => {
    expect(regionSearch('eu-west-1')).toBe('?region=eu-west-1');
    expect(regionSearch(undefined)).toBe('');
  });

  it('sets a search param, or removes it when empty, without touching the original', () => {
    const params = new URLSearchParams('q=web&sort=name');
    expect(withParam(params, 'q', 'api').toString()).toBe('q=api&sort=name');
    expect(withParam(params, 'q', '').toString()).toBe('sort=name');
    expect(params.toString()).toBe('q=web&sort=name');
  });

  it('round-trips a sort through the URL and flips it on a second click', () => {
    const keys = ['name', 'size'] as const;
    const fallback = { key: 'name' as const, descending: false };
    const sort = parseSort('-size', keys, fallback);
    expect(sort).toEqual({ key: 'size', descending: true });
    expect(formatSort(sort)).toBe('-size');
    expect(parseSort('bogus', keys, fallback)).toBe(fallback);
    expect(toggleSort(sort, 'size')).toEqual({ key: 'size', descending: false });
    expect(toggleSort(sort, 'name')).toEqual({ key: 'name', descending: false });
  });
});
