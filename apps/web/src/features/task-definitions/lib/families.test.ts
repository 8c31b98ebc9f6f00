import { describe, expect, it } from 'vitest';
import { parseSort, toggleSort } from '../../../lib/url-state';
import { filterFamilies, sortFamilies } from './families';

const families = [
  { name: 'web', latestRevision: 7, activeRevisions: 2 },
  { name: 'orders-api', latestRevision: 12, activeRevisions: 1 },
  { name: 'legacy-batch', activeRevisions: 0 },
];

describe('filterFamilies', () => {
  it('matches the name, ignoring case', () => {
    expect(filterFamilies(families, 'ORDERS').map((f) => f.name)).toEqual(['orders-api']);
    expect(filterFamilies(families, ' ')).toHaveLength(3);
  });
});

describe('sortFamilies', () => {
  it('sorts by name, latest revision or active revisions, either way', () => {
    const names = (key: 'name' | 'latestRevision' | 'activeRevisions', descending = false) =>
      sortFamilies(families, { key, descending }).map((f) => f.name);
    expect(names('name')).toEqual(['legacy-batch', 'orders-api', 'web']);
    expect(names('latestRevision', true)).toEqual(['orders-api', 'web', 'legacy-batch']);
    expect(names('activeRevisions')).toEqual(['legacy-batch', 'orders-api', 'web']);
  });
});

describe('URL sort state', () => {
  const keys = ['name', 'size'] as const;
  const fallback = { key: 'name' as const, descending: false };

  it('reads `-key` as descending and ignores unknown keys', () => {
    expect(parseSort('-size', keys, fallback)).toEqual({ key: 'size', descending: true });
    expect(parseSort('colour', keys, fallback)).toEqual(fallback);
    expect(parseSort(null, keys, fallback)).toEqual(fallback);
  });

  it('flips the direction of the same column and starts another ascending', () => {
    expect(toggleSort(fallback, 'name')).toEqual({ key: 'name', descending: true });
    expect(toggleSort({ key: 'name', descending: true }, 'size')).toEqual({
      key: 'size',
      descending: false,
    });
  });
});
