import { describe, expect, it } from 'vitest';
import { buildSegmentDocument, checkoutTraceDocuments, FIXTURE_START } from '../testing/xray.js';
import { parseSegmentDocument, type SegmentDocument } from './segment-document.js';
import { buildSegmentTree } from './segment-tree.js';
import { traceHints } from './trace-health.js';

function tree(docs: Record<string, unknown>[]) {
  const documents: SegmentDocument[] = docs.map((doc) => {
    const result = parseSegmentDocument(JSON.stringify(doc));
    if (!result.ok) throw new Error(result.problem);
    return result.document;
  });
  return buildSegmentTree(documents);
}

describe('traceHints', () => {
  it('finds the broken hop and the orphan of the checkout trace, and nothing else', () => {
    const hints = traceHints({
      tree: tree(checkoutTraceDocuments()),
      limitExceeded: false,
      problems: [],
    });
    expect(hints.map((hint) => hint.kind).sort()).toEqual(['broken-hop', 'orphan']);
    const brokenHop = hints.find((hint) => hint.kind === 'broken-hop');
    expect(brokenHop?.message).toContain('payments');
    expect(hints.find((hint) => hint.kind === 'orphan')?.message).toContain('audit-worker');
  });

  it('says when X-Ray dropped segments, when spans are unfinished and when documents were unreadable', () => {
    const unfinished = tree([buildSegmentDocument({ end_time: undefined, in_progress: true })]);
    const hints = traceHints({
      tree: unfinished,
      limitExceeded: true,
      problems: ['Segment document is not JSON'],
    });
    expect(hints.map((hint) => [hint.kind, hint.severity])).toEqual([
      ['limit-exceeded', 'warning'],
      ['in-progress', 'info'],
      ['unparseable', 'warning'],
    ]);
    expect(hints[1]?.message).toContain('"web" is still in progress');
  });

  it('has nothing to say about a healthy single-segment trace', () => {
    const healthy = tree([
      buildSegmentDocument({ start_time: FIXTURE_START, end_time: FIXTURE_START + 0.1 }),
    ]);
    expect(traceHints({ tree: healthy, limitExceeded: false, problems: [] })).toEqual([]);
  });
});
