import { describe, expect, it } from 'vitest';
import { diffLines, foldUnchanged, toSideBySide } from './line-diff';

const kinds = (before: string, after: string) =>
  diffLines(before, after).map((line) => `${line.kind[0] ?? ''}${line.text}`);

describe('diffLines', () => {
  it('marks nothing changed for equal texts', () => {
    expect(kinds('a\nb\nc', 'a\nb\nc')).toEqual(['sa', 'sb', 'sc']);
  });

  it('finds a changed line in the middle', () => {
    expect(kinds('a\nb\nc', 'a\nB\nc')).toEqual(['sa', 'rb', 'aB', 'sc']);
  });

  it('keeps the longest common subsequence around insertions and deletions', () => {
    expect(kinds('a\nb\nc\nd', 'a\nc\nd\ne')).toEqual(['sa', 'rb', 'sc', 'sd', 'ae']);
    expect(kinds('x\na\nb', 'a\ny\nb')).toEqual(['rx', 'sa', 'ay', 'sb']);
  });

  it('handles empty sides', () => {
    expect(kinds('', 'a\nb')).toEqual(['aa', 'ab']);
    expect(kinds('a', '')).toEqual(['ra']);
    expect(kinds('', '')).toEqual([]);
  });

  it('numbers the lines of each side', () => {
    const lines = diffLines('a\nb\nc', 'a\nx\ny\nc');
    expect(lines.map((line) => [line.beforeLine, line.afterLine])).toEqual([
      [1, 1],
      [2, undefined],
      [undefined, 2],
      [undefined, 3],
      [3, 4],
    ]);
  });
});

describe('toSideBySide', () => {
  it('pairs a removed run with the added run after it', () => {
    const rows = toSideBySide(diffLines('a\nb\nc', 'a\nB1\nB2\nc'));
    expect(rows.map((row) => [row.left?.text, row.right?.text])).toEqual([
      ['a', 'a'],
      ['b', 'B1'],
      [undefined, 'B2'],
      ['c', 'c'],
    ]);
    expect(rows[1]?.left?.changed).toBe(true);
    expect(rows[0]?.left?.changed).toBe(false);
  });
});

describe('foldUnchanged', () => {
  const lines = (count: number, change?: number) =>
    Array.from({ length: count }, (_, index) =>
      index === change ? 'changed' : `line ${index}`,
    ).join('\n');

  it('folds long unchanged stretches, keeping context around changes', () => {
    const rows = toSideBySide(diffLines(lines(30), lines(30, 15)));
    const blocks = foldUnchanged(rows, 3);
    expect(blocks.map((block) => [block.kind, block.rows.length])).toEqual([
      ['folded', 12],
      ['rows', 7],
      ['folded', 11],
    ]);
  });

  it('leaves short unchanged stretches open', () => {
    const rows = toSideBySide(diffLines(lines(6), lines(6, 2)));
    expect(foldUnchanged(rows, 3).map((block) => block.kind)).toEqual(['rows']);
  });
});
