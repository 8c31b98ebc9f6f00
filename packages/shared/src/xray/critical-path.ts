import type { TraceSpan } from '../schemas/traces.js';

/**
 * The critical path: the spans that determine the end-to-end duration, found as Jaeger does.
 * Walking back from a span's end, the child that finished last is what the span waited for; it is
 * on the path, explained the same way, and before it started the span waited for the child that
 * finished last before that start, and so on. Children are clipped to their parent (work that
 * outlives its parent did not delay it); an in-progress span counts up to the trace's latest time.
 */
export interface CriticalSection {
  spanId: string;
  /** ms after the trace's start: the stretch of time this span itself accounts for. */
  start: number;
  end: number;
}

export interface CriticalPath {
  /** Span ids on the path, in start order. */
  spanIds: string[];
  /** Where each span's own time lies on the path, in time order. */
  sections: CriticalSection[];
}

function effectiveEnd(span: TraceSpan, traceEnd: number): number {
  return span.end ?? Math.max(span.start, traceEnd);
}

/** The entry point: the earliest non-orphan root (ties: the one that ends last). */
function pickRoot(roots: readonly TraceSpan[], traceEnd: number): TraceSpan | undefined {
  const candidates = roots.some((root) => !root.orphan)
    ? roots.filter((root) => !root.orphan)
    : roots;
  let best: TraceSpan | undefined;
  for (const root of candidates) {
    if (
      !best ||
      root.start < best.start ||
      (root.start === best.start && effectiveEnd(root, traceEnd) > effectiveEnd(best, traceEnd))
    ) {
      best = root;
    }
  }
  return best;
}

/** Computes the critical path of the tree's main root; `traceEnd` is the tree's duration (ms). */
export function criticalPath(roots: readonly TraceSpan[], traceEnd: number): CriticalPath {
  const root = pickRoot(roots, traceEnd);
  if (!root) return { spanIds: [], sections: [] };
  const onPath: TraceSpan[] = [];
  const sections: CriticalSection[] = [];

  // Explicit stack instead of recursion: a trace can nest deeply.
  const stack: { span: TraceSpan; from: number; until: number }[] = [
    { span: root, from: root.start, until: effectiveEnd(root, traceEnd) },
  ];
  while (stack.length > 0) {
    const frame = stack.pop();
    if (!frame) break;
    const { span, from, until } = frame;
    onPath.push(span);
    const clipped = span.children
      .map((child) => ({
        child,
        start: Math.max(child.start, from),
        end: Math.min(effectiveEnd(child, traceEnd), until),
      }))
      // A running child that started at the latest known time still holds its parent up.
      .filter(
        (entry) => entry.end > entry.start || (entry.child.inProgress && entry.end === entry.start),
      );
    let cursor = until;
    for (;;) {
      let last: (typeof clipped)[number] | undefined;
      for (const entry of clipped) {
        if (entry.end <= cursor && (!last || entry.end > last.end)) last = entry;
      }
      if (!last) break;
      clipped.splice(clipped.indexOf(last), 1);
      if (last.end < cursor) sections.push({ spanId: span.id, start: last.end, end: cursor });
      stack.push({ span: last.child, from: last.start, until: last.end });
      cursor = last.start;
      if (cursor <= from) break;
    }
    if (cursor > from) sections.push({ spanId: span.id, start: from, end: cursor });
  }

  const spanIds = onPath
    .map((span, order) => ({ span, order }))
    .sort((a, b) => a.span.start - b.span.start || a.order - b.order)
    .map(({ span }) => span.id);
  sections.sort((a, b) => a.start - b.start);
  return { spanIds: [...new Set(spanIds)], sections };
}
