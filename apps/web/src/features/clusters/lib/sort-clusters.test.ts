import { buildCluster } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import { nextSort, parseSort, sortClusters } from './sort-clusters';

const clusters = [
  buildCluster({
    name: 'b-busy',
    runningTasksCount: 40,
    cpu: { registered: 1000, remaining: 100 },
  }),
  buildCluster({ name: 'a-idle', runningTasksCount: 2, cpu: { registered: 1000, remaining: 900 } }),
  buildCluster({
    name: 'c-fargate',
    flavor: 'fargate',
    runningTasksCount: 9,
    cpu: { registered: 0, remaining: 0 },
  }),
];
const names = (sorted: readonly { name: string }[]) => sorted.map((cluster) => cluster.name);

describe('sortClusters', () => {
  it('sorts by name, counts and reservation in either direction', () => {
    expect(names(sortClusters(clusters, { key: 'name', dir: 'asc' }))).toEqual([
      'a-idle',
      'b-busy',
      'c-fargate',
    ]);
    expect(names(sortClusters(clusters, { key: 'tasks', dir: 'desc' }))).toEqual([
      'b-busy',
      'c-fargate',
      'a-idle',
    ]);
    // Nothing registered (Fargate) sorts below any reservation.
    expect(names(sortClusters(clusters, { key: 'cpu', dir: 'asc' }))).toEqual([
      'c-fargate',
      'a-idle',
      'b-busy',
    ]);
  });

  it('breaks ties by name', () => {
    const tied = [buildCluster({ name: 'z' }), buildCluster({ name: 'm' })];
    expect(names(sortClusters(tied, { key: 'services', dir: 'desc' }))).toEqual(['m', 'z']);
  });
});

describe('parseSort and nextSort', () => {
  it('reads the URL and falls back to name ascending', () => {
    expect(parseSort(new URLSearchParams('sort=cpu&dir=asc'))).toEqual({ key: 'cpu', dir: 'asc' });
    expect(parseSort(new URLSearchParams('sort=cpu'))).toEqual({ key: 'cpu', dir: 'desc' });
    expect(parseSort(new URLSearchParams('sort=bogus&dir=sideways'))).toEqual({
      key: 'name',
      dir: 'asc',
    });
  });

  it('flips the current column and starts a new one in its natural direction', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, 'memory')).toEqual({ key: 'memory', dir: 'desc' });
  });
});
