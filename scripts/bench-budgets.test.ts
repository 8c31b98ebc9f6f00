import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the repository scripts, without types.
import { checkBudgets } from './bench-budgets.mjs';

interface Check {
  lines: string[];
  failures: number;
}
const check = checkBudgets as (rows: unknown[], budgets: unknown[]) => Check;

describe('checkBudgets', () => {
  const rows = [
    { name: 'tasks warm', median: 40, max: 80, unit: 'ms' },
    { name: 'call ratio', median: 1, unit: 'x' },
  ];

  it('passes figures within their budgets and fails the ones over', () => {
    const result = check(rows, [
      { name: 'tasks warm', max: 50 },
      { name: 'tasks warm', field: 'max', max: 60 },
      { name: 'call ratio', max: 1, min: 1 },
    ]);
    expect(result.failures).toBe(1);
    expect(result.lines[1]).toMatch(/^OVER {2}tasks warm \[max\] = 80 ms/);
    expect(result.lines[2]).toMatch(/^ok/);
  });

  it('fails a budgeted figure that is missing from the results', () => {
    const result = check(rows, [{ name: 'trace open', max: 1000 }]);
    expect(result.failures).toBe(1);
    expect(result.lines[0]).toContain('missing from the results');
  });
});
