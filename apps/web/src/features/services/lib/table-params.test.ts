import { describe, expect, it } from 'vitest';
import {
  ariaSort,
  nextSort,
  readSort,
  readTaskStatus,
  sortParams,
  TASK_PARAMS,
  withParams,
} from './table-params';

const COLUMNS = ['service', 'started'] as const;
const FALLBACK = { column: 'service', direction: 'asc' } as const;

describe('table params', () => {
  it('reads a sort the URL names, with its direction', () => {
    const params = new URLSearchParams('tsort=started&tdir=desc');
    expect(readSort(params, TASK_PARAMS, COLUMNS, FALLBACK)).toEqual({
      column: 'started',
      direction: 'desc',
    });
  });

  it('falls back on an unknown column, and on a missing or odd direction', () => {
    expect(readSort(new URLSearchParams('tsort=nope'), TASK_PARAMS, COLUMNS, FALLBACK)).toBe(
      FALLBACK,
    );
    expect(
      readSort(new URLSearchParams('tsort=started&tdir=up'), TASK_PARAMS, COLUMNS, FALLBACK),
    ).toEqual({ column: 'started', direction: 'asc' });
    expect(
      readSort(new URLSearchParams('tsort=service'), TASK_PARAMS, COLUMNS, {
        column: 'service',
        direction: 'desc',
      }),
    ).toEqual({ column: 'service', direction: 'desc' });
  });

  it('flips the sorted column and starts another in its own direction', () => {
    const sort = { column: 'service', direction: 'asc' } as const;
    expect(nextSort(sort, 'service')).toEqual({ column: 'service', direction: 'desc' });
    expect(nextSort({ ...sort, direction: 'desc' }, 'service').direction).toBe('asc');
    expect(nextSort(sort, 'started', 'desc')).toEqual({ column: 'started', direction: 'desc' });
  });

  it('writes updates, removing empty values and keeping the rest', () => {
    const params = new URLSearchParams('region=eu-west-1&tq=web');
    const next = withParams(params, { tq: '', ...sortParams(TASK_PARAMS, FALLBACK) });
    expect(next.toString()).toBe('region=eu-west-1&tsort=service&tdir=asc');
    expect(params.toString()).toBe('region=eu-west-1&tq=web');
  });

  it('round-trips a sort through the URL', () => {
    const sort = { column: 'started', direction: 'desc' } as const;
    const params = withParams(new URLSearchParams(), sortParams(TASK_PARAMS, sort));
    expect(readSort(params, TASK_PARAMS, COLUMNS, FALLBACK)).toEqual(sort);
  });

  it('reads the task list status in any case, RUNNING by default', () => {
    expect(readTaskStatus(new URLSearchParams('tasks=stopped'))).toBe('STOPPED');
    expect(readTaskStatus(new URLSearchParams('tasks=STOPPED'))).toBe('STOPPED');
    expect(readTaskStatus(new URLSearchParams('tasks=bogus'))).toBe('RUNNING');
    expect(readTaskStatus(new URLSearchParams())).toBe('RUNNING');
  });

  it('gives aria-sort to the sorted column only', () => {
    const sort = { column: 'started', direction: 'desc' } as const;
    expect(ariaSort(sort, 'started')).toBe('descending');
    expect(ariaSort({ ...sort, direction: 'asc' }, 'started')).toBe('ascending');
    expect(ariaSort(sort, 'service')).toBeUndefined();
  });
});
