import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSegmentDocument, type SegmentDocument } from './segment-document.js';

// Issue 12: the console parses whatever X-Ray returns as a segment document. Whatever the text,
// the parser answers ok (with problems) or not-ok with a reason: it never throws, never loses a
// valid segment to a bad subsegment, and its output has the promised shape.

const id = fc.stringMatching(/^[0-9a-f]{16}$/);
const weird = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('NaN', 'Infinity', '1e400', '-0', ' 12 ', '\u0000', '🚀', '__proto__'),
);

/** A span with the required fields and arbitrary (often wrongly typed) optional ones. */
const span = (children: fc.Arbitrary<unknown[]>) =>
  fc.record(
    {
      id,
      name: fc.string({ maxLength: 20 }),
      start_time: fc.oneof(
        fc.double({ noNaN: true }),
        fc.stringMatching(/^-?\d{1,12}(\.\d{1,6})?$/),
      ),
      end_time: weird,
      in_progress: weird,
      trace_id: weird,
      parent_id: weird,
      error: weird,
      fault: weird,
      http: fc.oneof(
        weird,
        fc.record(
          {
            request: fc.oneof(
              weird,
              fc.record({ method: weird, url: weird }, { requiredKeys: [] }),
            ),
            response: fc.oneof(
              weird,
              fc.record({ status: weird, content_length: weird }, { requiredKeys: [] }),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      aws: weird,
      annotations: fc.oneof(
        weird,
        fc.dictionary(fc.string({ maxLength: 8 }), weird, { maxKeys: 4 }),
      ),
      metadata: weird,
      cause: weird,
      subsegments: fc.oneof(weird, children),
    },
    { requiredKeys: ['id', 'name', 'start_time'] },
  );

const { tree } = fc.letrec<{ tree: Record<string, unknown> }>((recurse) => ({
  tree: span(fc.array(fc.oneof({ depthSize: 'small' }, recurse('tree'), weird), { maxLength: 3 })),
}));

function checkShape(document: SegmentDocument): void {
  expect(typeof document.id).toBe('string');
  expect(typeof document.name).toBe('string');
  expect(Number.isNaN(document.start_time)).toBe(false);
  expect(Array.isArray(document.subsegments)).toBe(true);
  for (const child of document.subsegments) checkShape(child);
}

/** A segment nested `levels` deep, built as text (JSON.stringify would recurse as deep). */
const nested = (levels: number) => {
  const one = (n: number) =>
    `{"id":"${n.toString(16).padStart(16, '0')}","name":"s${n}","start_time":1`;
  let text = one(0);
  for (let level = 1; level <= levels; level += 1) text += `,"subsegments":[${one(level)}`;
  return text + '}]'.repeat(levels) + '}';
};

describe('parseSegmentDocument, fuzzed', () => {
  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = parseSegmentDocument(text);
        if (result.ok) checkShape(result.document);
        else expect(result.problem.length).toBeGreaterThan(0);
      }),
      { numRuns: 500, seed: 12 },
    );
  });

  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = parseSegmentDocument(JSON.stringify(value));
        if (result.ok) checkShape(result.document);
      }),
      { numRuns: 500, seed: 12 },
    );
  });

  it('keeps every segment with valid required fields, whatever else it holds', () => {
    fc.assert(
      fc.property(tree, (document) => {
        const result = parseSegmentDocument(JSON.stringify(document));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        checkShape(result.document);
        expect(result.document.id).toBe(document.id);
      }),
      { numRuns: 400, seed: 12 },
    );
  });

  it('takes JSON text cut or damaged anywhere', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.string({ maxLength: 3 }), (document, at, insert) => {
        const text = JSON.stringify(document);
        const cut = at % (text.length + 1);
        parseSegmentDocument(text.slice(0, cut));
        const result = parseSegmentDocument(text.slice(0, cut) + insert + text.slice(cut));
        if (result.ok) checkShape(result.document);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('bounds nesting instead of exhausting the stack, keeping the levels it reads', () => {
    for (const levels of [10, 64, 65, 1_000, 5_000, 20_000]) {
      const result = parseSegmentDocument(nested(levels));
      expect(result.ok, `${levels} levels`).toBe(true);
      if (!result.ok) continue;
      let depth = 0;
      for (let node = result.document.subsegments[0]; node; node = node.subsegments[0]) depth += 1;
      expect(depth).toBe(Math.min(levels, 64));
      if (levels > 64) expect(result.problems.join(' ')).toMatch(/nested deeper than 64/);
    }
    // Arrays nested far deeper than any document: JSON.parse takes them, nothing recurses into them.
    const arrays = parseSegmentDocument(
      `{"id":"a","name":"n","start_time":1,"metadata":{"x":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`,
    );
    expect(arrays.ok).toBe(true);
  });
});
