import { buildTrace } from '@deckhand/shared';
import { checkoutTraceStrings, FIXTURE_TRACE_ID } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import { bigTrace } from '../testing/big-trace';
import { windowBetween, windowedBar, windowTicks } from './timeline';
import { buildTraceModel } from './trace-model';
import { countSpans, parseTraceView } from './trace-view-parse';
import {
  collapseAll,
  moveInTree,
  reveal,
  searchMatches,
  stepMatch,
  toggleRow,
  visibleRows,
  type TreeState,
} from './waterfall-rows';

const trace = buildTrace({ id: FIXTURE_TRACE_ID, documents: checkoutTraceStrings() });
const model = buildTraceModel(trace);
const names = (rows: readonly number[]) => rows.map((index) => model.spans[index]?.name);
const at = (id: string) => model.indexOf.get(id) ?? -1;

describe('the row model', () => {
  it('flattens the tree depth-first with parents, subtrees, sibling positions and services', () => {
    expect(names(visibleRows(model, new Set()))).toEqual([
      'web',
      'orders-api',
      'orders-api',
      'DynamoDB',
      'DynamoDB',
      'orders@db.internal',
      'payments',
      'render',
      'audit-worker',
    ]);
    expect(model.parent).toEqual([-1, 0, 1, 2, 3, 2, 0, 0, -1]);
    expect(model.subtreeEnd).toEqual([8, 6, 6, 5, 5, 6, 7, 8, 9]);
    expect(model.posInSet.slice(0, 2)).toEqual([1, 1]);
    expect(model.setSize[0]).toBe(2);
    expect(model.services).toEqual(['web', 'orders-api', 'DynamoDB', 'audit-worker']);
    expect(model.critical.has(at('b000000000000002'))).toBe(true);
    expect(model.critical.has(at('0a00000000000001'))).toBe(false);
    expect(model.skewHints).toEqual([]);
  });

  it('says when a child starts before its parent (clock skew)', () => {
    const skewed = structuredClone(trace);
    const downstream = skewed.segments[0]?.children[0]?.children[0];
    if (!downstream) throw new Error('fixture changed');
    downstream.start = 4;
    const [hint] = buildTraceModel(skewed).skewHints;
    expect(hint?.kind).toBe('clock-skew');
    expect(hint?.spanId).toBe('c000000000000001');
    expect(hint?.message).toMatch(/^"orders-api" starts 6 ms before its parent "orders-api"/);
  });

  it('builds 10,000 rows from a deep generated trace', () => {
    const big = buildTraceModel(bigTrace());
    expect(big.spans).toHaveLength(10_000);
    expect(big.subtreeEnd[0]).toBe(10_000);
    expect(visibleRows(big, collapseAll(big))).toEqual([0]);
    expect(visibleRows(big, new Set([1]))).toHaveLength(10_000 - 50); // call-0: its segment and 49 ops
  });
});

describe('collapse and expand', () => {
  it('hides a collapsed span’s subtree and shows it again', () => {
    const orders = at('b000000000000001');
    const collapsed = toggleRow(new Set(), orders);
    expect(names(visibleRows(model, collapsed))).toEqual([
      'web',
      'orders-api',
      'payments',
      'render',
      'audit-worker',
    ]);
    expect(visibleRows(model, toggleRow(collapsed, orders))).toHaveLength(9);
  });

  it('collapses all to the top-level spans, and reveals a hidden span’s ancestors', () => {
    const all = collapseAll(model);
    expect(names(visibleRows(model, all))).toEqual(['web', 'audit-worker']);
    const dynamo = at('e100000000000001');
    const shown = reveal(model, all, dynamo);
    expect(visibleRows(model, shown)).toContain(dynamo);
    expect(shown.has(dynamo)).toBe(all.has(dynamo));
  });
});

describe('search within the trace', () => {
  it('matches names, annotations and URLs, case-insensitively, in row order', () => {
    expect(names(searchMatches(model, 'DYNAMO'))).toEqual(['DynamoDB', 'DynamoDB']);
    expect(names(searchMatches(model, 'customer_tier=gold'))).toEqual(['web']);
    expect(names(searchMatches(model, 'payments.internal'))).toEqual(['payments']);
    expect(searchMatches(model, '  ')).toEqual([]);
  });

  it('steps through the matches, wrapping around', () => {
    expect(stepMatch([3, 4, 9], -1, 1)).toBe(0);
    expect(stepMatch([3, 4, 9], -1, -1)).toBe(2);
    expect(stepMatch([3, 4, 9], 2, 1)).toBe(0);
    expect(stepMatch([3, 4, 9], 0, -1)).toBe(2);
    expect(stepMatch([], 0, 1)).toBe(-1);
  });
});

describe('keyboard moves', () => {
  const rows = visibleRows(model, new Set());
  const press = (state: TreeState, ...keys: Parameters<typeof moveInTree>[3][]) =>
    keys.reduce(
      (current, key) => moveInTree(model, visibleRows(model, current.collapsed), current, key),
      state,
    );

  it('moves down and up the visible rows (arrows or j/k), stopping at the ends', () => {
    const start: TreeState = { focus: 0, collapsed: new Set() };
    expect(press(start, 'ArrowDown', 'j').focus).toBe(2);
    expect(press(start, 'ArrowUp').focus).toBe(0);
    expect(press(start, 'End').focus).toBe(rows.at(-1));
    expect(press({ focus: 8, collapsed: new Set() }, 'k', 'Home').focus).toBe(0);
  });

  it('collapses with left, then goes to the parent; expands with right, then enters', () => {
    const orders = at('b000000000000001');
    const collapsed = press({ focus: orders, collapsed: new Set() }, 'ArrowLeft');
    expect(collapsed.collapsed.has(orders)).toBe(true);
    expect(press(collapsed, 'ArrowDown').focus).toBe(at('b000000000000002'));
    expect(press(collapsed, 'ArrowLeft').focus).toBe(0);
    const expanded = press(collapsed, 'ArrowRight');
    expect(expanded.collapsed.has(orders)).toBe(false);
    expect(press(expanded, 'ArrowRight').focus).toBe(orders + 1);
    // A leaf neither expands nor moves right.
    const leaf = { focus: at('f000000000000001'), collapsed: new Set<number>() };
    expect(press(leaf, 'ArrowRight')).toEqual(leaf);
  });
});

describe('the zoom window', () => {
  it('places bars relative to the window and leaves out spans outside it', () => {
    const window = windowBetween(300, 100);
    expect(window).toEqual({ from: 100, to: 300 });
    expect(windowedBar({ start: 150, end: 250 }, 500, window)).toEqual({ left: 25, width: 50 });
    expect(windowedBar({ start: 0, end: 500 }, 500, window)).toEqual({ left: 0, width: 100 });
    expect(windowedBar({ start: 400, end: 450 }, 500, window)).toBeUndefined();
    expect(windowedBar({ start: 10, end: 50 }, 500, window)).toBeUndefined();
    expect(windowedBar({ start: 10, end: 210 }, 500, undefined)).toEqual({ left: 2, width: 40 });
    expect(windowTicks(500, window)).toEqual([100, 150, 200, 250, 300]);
    expect(windowBetween(5, 5)).toBeUndefined();
  });
});

describe('parsing the BFF’s answer', () => {
  const body = JSON.stringify({ trace, stale: false, asOf: '2026-11-26T10:00:00.000Z' });

  it('parses and validates it into the trace view, and counts spans without parsing', () => {
    const parsed = parseTraceView(body);
    expect(parsed.ok && parsed.view.model.spans.length).toBe(9);
    expect(parsed.ok && 'segments' in parsed.view.trace).toBe(false);
    expect(countSpans(body)).toBe(9);
    expect(countSpans(body, 3)).toBe(3);
  });

  it('refuses what is not JSON or breaks the contract', () => {
    expect(parseTraceView('{')).toEqual({ ok: false, problem: 'not JSON' });
    expect(parseTraceView('{"trace":{}}')).toEqual({
      ok: false,
      problem: 'does not match the contract',
    });
  });
});
