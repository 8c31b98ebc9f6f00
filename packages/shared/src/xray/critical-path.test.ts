import { describe, expect, it } from 'vitest';
import type { TraceSpan } from '../schemas/traces.js';
import { checkoutTraceStrings } from '../testing/xray.js';
import { criticalPath } from './critical-path.js';
import { buildTrace } from './trace.js';

/** A span at [start, end] ms (end undefined: in progress) with children. */
function span(
  id: string,
  start: number,
  end: number | undefined,
  children: TraceSpan[] = [],
  extra: Partial<TraceSpan> = {},
): TraceSpan {
  return {
    id,
    kind: 'subsegment',
    name: id,
    namespace: 'local',
    start,
    ...(end === undefined ? {} : { end, duration: end - start }),
    inProgress: end === undefined,
    inferred: false,
    orphan: false,
    error: false,
    fault: false,
    throttle: false,
    annotations: {},
    depth: 0,
    children,
    ...extra,
  };
}

describe('criticalPath', () => {
  it('follows sequential calls and skips a concurrent one that finished earlier', () => {
    // root 0–100: a 10–40 and b 15–30 run together (a is what root waits for), then c 50–90.
    const root = span('root', 0, 100, [
      span('a', 10, 40),
      span('b', 15, 30),
      span('c', 50, 90, [span('c1', 55, 60), span('c2', 60, 85)]),
    ]);
    const path = criticalPath([root], 100);
    expect(path.spanIds).toEqual(['root', 'a', 'c', 'c1', 'c2']);
    expect(path.sections).toEqual([
      { spanId: 'root', start: 0, end: 10 },
      { spanId: 'a', start: 10, end: 40 },
      { spanId: 'root', start: 40, end: 50 },
      { spanId: 'c', start: 50, end: 55 },
      { spanId: 'c1', start: 55, end: 60 },
      { spanId: 'c2', start: 60, end: 85 },
      { spanId: 'c', start: 85, end: 90 },
      { spanId: 'root', start: 90, end: 100 },
    ]);
  });

  it('clips children that outlive their parent (async work did not delay it)', () => {
    const root = span('root', 0, 100, [span('sync', 10, 60), span('fire-and-forget', 70, 400)]);
    const path = criticalPath([root], 400);
    expect(path.spanIds).toEqual(['root', 'sync', 'fire-and-forget']);
    expect(path.sections.at(-1)).toEqual({ spanId: 'fire-and-forget', start: 70, end: 100 });
    // A child that starts after its parent ended is not on the path at all.
    const late = span('root', 0, 100, [span('sync', 10, 60), span('after', 120, 130)]);
    expect(criticalPath([late], 130).spanIds).toEqual(['root', 'sync']);
  });

  it('lets an in-progress span run to the end of the trace', () => {
    const root = span('root', 0, undefined, [span('done', 5, 20), span('running', 30, undefined)]);
    expect(criticalPath([root], 80).spanIds).toEqual(['root', 'done', 'running']);
  });

  it('starts from the earliest root that is not an orphan', () => {
    const orphan = span('orphan', 0, 900, [], { orphan: true, parentId: 'ffffffffffffffff' });
    const root = span('root', 5, 50, [span('child', 10, 20)]);
    expect(criticalPath([orphan, root], 900).spanIds).toEqual(['root', 'child']);
    expect(criticalPath([orphan], 900).spanIds).toEqual(['orphan']);
    expect(criticalPath([], 0)).toEqual({ spanIds: [], sections: [] });
  });

  it('walks a very deep trace without overflowing the stack', () => {
    let deepest = span('s20000', 20_000, 40_000);
    for (let i = 19_999; i >= 0; i -= 1) deepest = span(`s${i}`, i, 40_000 - i, [deepest]);
    expect(criticalPath([deepest], 40_000).spanIds).toHaveLength(20_001);
  });

  it('finds the checkout trace’s path through orders, its database calls, payments and render', () => {
    const trace = buildTrace({ id: 'x', documents: checkoutTraceStrings() });
    expect(trace.criticalPath).toEqual([
      'a000000000000001', // web
      'b000000000000001', // → orders-api call
      'c000000000000001', //   orders-api segment
      'd000000000000001', //   DynamoDB GetItem
      'e100000000000001', //     inferred DynamoDB
      'd000000000000002', //   PostgreSQL query
      'b000000000000002', // → payments call (503)
      'f000000000000001', // render
    ]);
  });
});
