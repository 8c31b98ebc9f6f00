import type { TraceModel } from './trace-model';

/**
 * What the waterfall shows of the row model: the visible rows under the collapsed spans, the
 * search matches, keyboard moves. Pure functions over row indexes, tested on their own.
 */

/** Row indexes shown when the spans in `collapsed` hide their subtrees. */
export function visibleRows(model: TraceModel, collapsed: ReadonlySet<number>): number[] {
  const rows: number[] = [];
  const count = model.spans.length;
  for (let index = 0; index < count;) {
    rows.push(index);
    index = collapsed.has(index) ? (model.subtreeEnd[index] ?? index + 1) : index + 1;
  }
  return rows;
}

export const hasChildren = (model: TraceModel, index: number) => (model.childCount[index] ?? 0) > 0;

/** Every span with children collapsed: only the top-level spans remain. */
export function collapseAll(model: TraceModel): Set<number> {
  const collapsed = new Set<number>();
  model.childCount.forEach((count, index) => count > 0 && collapsed.add(index));
  return collapsed;
}

export function toggleRow(collapsed: ReadonlySet<number>, index: number): Set<number> {
  const next = new Set(collapsed);
  if (!next.delete(index)) next.add(index);
  return next;
}

/** The collapsed set with every ancestor of `index` expanded, so that its row is shown. */
export function reveal(
  model: TraceModel,
  collapsed: ReadonlySet<number>,
  index: number,
): ReadonlySet<number> {
  let next: Set<number> | undefined;
  for (let at = model.parent[index] ?? -1; at >= 0; at = model.parent[at] ?? -1) {
    if (collapsed.has(at)) {
      next ??= new Set(collapsed);
      next.delete(at);
    }
  }
  return next ?? collapsed;
}

/** Rows whose name, annotations (`key=value`) or URL contain `query`, case-insensitive. */
export function searchMatches(model: TraceModel, query: string): number[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const matches: number[] = [];
  model.searchText.forEach((text, index) => text.includes(needle) && matches.push(index));
  return matches;
}

/** The position in `matches` after (or before) `current`, wrapping around; -1 with no match. */
export function stepMatch(matches: readonly number[], current: number, direction: 1 | -1): number {
  if (matches.length === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : matches.length - 1;
  return (current + direction + matches.length) % matches.length;
}

export interface TreeState {
  /** The row with keyboard focus (a row index of the model). */
  focus: number;
  collapsed: ReadonlySet<number>;
}

/** Keys of the tree and what they do: Jaeger's and the WAI-ARIA tree pattern's. */
const KEYS = {
  ArrowDown: 'next',
  j: 'next',
  ArrowUp: 'previous',
  k: 'previous',
  ArrowRight: 'expand',
  l: 'expand',
  ArrowLeft: 'collapse',
  h: 'collapse',
  Home: 'first',
  End: 'last',
} as const;

export type TreeKey = keyof typeof KEYS;
export const isTreeKey = (key: string): key is TreeKey => Object.hasOwn(KEYS, key);

/**
 * One key press on the tree: up/down move along the visible rows; right expands a collapsed
 * span or moves to its first child; left collapses an expanded span or moves to its parent.
 */
export function moveInTree(
  model: TraceModel,
  rows: readonly number[],
  state: TreeState,
  key: TreeKey,
): TreeState {
  const { focus, collapsed } = state;
  const position = Math.max(0, rows.indexOf(focus));
  const at = (index: number | undefined) => ({ focus: index ?? focus, collapsed });
  switch (KEYS[key]) {
    case 'next':
      return at(rows[Math.min(rows.length - 1, position + 1)]);
    case 'previous':
      return at(rows[Math.max(0, position - 1)]);
    case 'first':
      return at(rows[0]);
    case 'last':
      return at(rows[rows.length - 1]);
    case 'expand':
      if (!hasChildren(model, focus)) return state;
      if (collapsed.has(focus)) return { focus, collapsed: toggleRow(collapsed, focus) };
      return at(focus + 1);
    case 'collapse': {
      if (hasChildren(model, focus) && !collapsed.has(focus))
        return { focus, collapsed: toggleRow(collapsed, focus) };
      const parent = model.parent[focus] ?? -1;
      return parent >= 0 ? at(parent) : state;
    }
  }
}
