/**
 * A line diff for the side-by-side view: the longest common subsequence of the two texts' lines,
 * after trimming the common head and tail (a task definition edit is usually a few lines in a
 * few hundred, so the LCS table stays small).
 */

export type LineKind = 'same' | 'removed' | 'added';

export interface DiffLine {
  kind: LineKind;
  text: string;
  /** 1-based line number in the "before" text (same, removed). */
  beforeLine?: number;
  /** 1-based line number in the "after" text (same, added). */
  afterLine?: number;
}

/** LCS cells beyond this (lines × lines) are not worth the memory: the middle is shown replaced. */
const MAX_CELLS = 4_000_000;

/** The lines of `before` and `after` in order, each marked same, removed or added. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail += 1;

  const result: DiffLine[] = [];
  for (let i = 0; i < head; i += 1)
    result.push({ kind: 'same', text: a[i] ?? '', beforeLine: i + 1, afterLine: i + 1 });

  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  for (const line of middle(midA, midB)) {
    if (line.kind === 'same')
      result.push({ ...line, beforeLine: head + line.i + 1, afterLine: head + line.j + 1 });
    else if (line.kind === 'removed')
      result.push({ kind: 'removed', text: line.text, beforeLine: head + line.i + 1 });
    else result.push({ kind: 'added', text: line.text, afterLine: head + line.j + 1 });
  }

  for (let k = tail; k > 0; k -= 1) {
    const i = a.length - k;
    const j = b.length - k;
    result.push({ kind: 'same', text: a[i] ?? '', beforeLine: i + 1, afterLine: j + 1 });
  }
  return result;
}

interface MiddleLine {
  kind: LineKind;
  text: string;
  /** Index in the "before" middle (same, removed). */
  i: number;
  /** Index in the "after" middle (same, added). */
  j: number;
}

function middle(a: readonly string[], b: readonly string[]): MiddleLine[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS || n === 0 || m === 0) {
    return [
      ...a.map((text, i) => ({ kind: 'removed' as const, text, i, j: -1 })),
      ...b.map((text, j) => ({ kind: 'added' as const, text, i: -1, j })),
    ];
  }
  // lengths[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1)
    for (let j = m - 1; j >= 0; j -= 1)
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);

  const out: MiddleLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] ?? '', i, j });
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      out.push({ kind: 'removed', text: a[i] ?? '', i, j: -1 });
      i += 1;
    } else {
      out.push({ kind: 'added', text: b[j] ?? '', i: -1, j });
      j += 1;
    }
  }
  for (; i < n; i += 1) out.push({ kind: 'removed', text: a[i] ?? '', i, j: -1 });
  for (; j < m; j += 1) out.push({ kind: 'added', text: b[j] ?? '', i: -1, j });
  return out;
}

/** One row of the side-by-side view: a "before" cell, an "after" cell, or both. */
export interface SideBySideRow {
  left?: { line: number; text: string; changed: boolean };
  right?: { line: number; text: string; changed: boolean };
}

/**
 * The diff as side-by-side rows: unchanged lines face each other; a run of removed lines faces
 * the run of added lines that follows it, line by line, the longer run's rest facing blanks.
 */
export function toSideBySide(lines: readonly DiffLine[]): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    if (!line) break;
    if (line.kind === 'same') {
      rows.push({
        left: { line: line.beforeLine ?? 0, text: line.text, changed: false },
        right: { line: line.afterLine ?? 0, text: line.text, changed: false },
      });
      index += 1;
      continue;
    }
    const removed: DiffLine[] = [];
    const added: DiffLine[] = [];
    while (lines[index]?.kind === 'removed') removed.push(lines[index++] as DiffLine);
    while (lines[index]?.kind === 'added') added.push(lines[index++] as DiffLine);
    for (let k = 0; k < Math.max(removed.length, added.length); k += 1) {
      const left = removed[k];
      const right = added[k];
      rows.push({
        ...(left && { left: { line: left.beforeLine ?? 0, text: left.text, changed: true } }),
        ...(right && { right: { line: right.afterLine ?? 0, text: right.text, changed: true } }),
      });
    }
  }
  return rows;
}

export type RowBlock =
  { kind: 'rows'; rows: SideBySideRow[] } | { kind: 'folded'; rows: SideBySideRow[] };

const isChanged = (row: SideBySideRow) => !!(row.left?.changed ?? row.right?.changed);

/**
 * Long unchanged stretches folded away, keeping `context` lines around each change. A fold
 * shorter than `minFold` lines is not worth a button and stays open.
 */
export function foldUnchanged(
  rows: readonly SideBySideRow[],
  context = 3,
  minFold = 4,
): RowBlock[] {
  const keep = rows.map(() => false);
  rows.forEach((row, index) => {
    if (!isChanged(row)) return;
    for (
      let k = Math.max(0, index - context);
      k <= Math.min(rows.length - 1, index + context);
      k += 1
    )
      keep[k] = true;
  });
  const blocks: RowBlock[] = [];
  let start = 0;
  while (start < rows.length) {
    const kept = keep[start] ?? false;
    let end = start;
    while (end < rows.length && (keep[end] ?? false) === kept) end += 1;
    const slice = rows.slice(start, end);
    const folded = !kept && slice.length >= minFold;
    const last = blocks[blocks.length - 1];
    if (!folded && last?.kind === 'rows') last.rows.push(...slice);
    else blocks.push({ kind: folded ? 'folded' : 'rows', rows: slice });
    start = end;
  }
  return blocks;
}
