import type { TraceHint, TraceSpan } from '../schemas/traces.js';
import type { SegmentTree } from './segment-tree.js';

/** What the tree alone cannot say about the trace it came from. */
export interface TraceHealthInput {
  tree: SegmentTree;
  /** BatchGetTraces' `LimitExceeded`. */
  limitExceeded: boolean;
  /** Documents (or nested subsegments) the parser had to leave out. */
  problems: readonly string[];
}

function label(span: TraceSpan): string {
  return span.service && span.service !== span.name
    ? `"${span.name}" (${span.service})`
    : `"${span.name}"`;
}

/**
 * A remote call marked `traced: true` went to a service that traces too, so that service's
 * segment should hang under the call. When it is missing, the hop is broken.
 */
function isBrokenHop(span: TraceSpan): boolean {
  return (
    span.namespace === 'remote' &&
    span.http?.traced === true &&
    !span.inProgress &&
    !span.children.some((child) => child.kind === 'segment')
  );
}

/** Health hints of a trace: missing parts, broken hops, unfinished spans, unreadable documents. */
export function traceHints({ tree, limitExceeded, problems }: TraceHealthInput): TraceHint[] {
  const hints: TraceHint[] = [];
  if (limitExceeded) {
    hints.push({
      kind: 'limit-exceeded',
      severity: 'warning',
      message:
        'This trace passed X-Ray’s size limit (LimitExceeded): X-Ray dropped some of its segments, so parts of the tree are missing.',
    });
  }
  for (const span of tree.orphans) {
    hints.push({
      kind: 'orphan',
      severity: 'warning',
      spanId: span.id,
      message: `${label(span)} names parent ${span.parentId ?? '?'}, which is not in this trace: the parent was never sent, was dropped, or belongs to a caller that does not send segments.`,
    });
  }
  for (const span of tree.spans) {
    if (!isBrokenHop(span)) continue;
    hints.push({
      kind: 'broken-hop',
      severity: 'warning',
      spanId: span.id,
      message: `${label(span)} called a traced service${span.http?.url ? ` (${span.http.url})` : ''}, but no segment from that service is in the trace: it did not send one (daemon unreachable, not sampled) or the trace header was not passed on.`,
    });
  }
  const unfinished = tree.spans.filter((span) => span.inProgress);
  const first = unfinished[0];
  if (first) {
    hints.push({
      kind: 'in-progress',
      severity: 'info',
      spanId: first.id,
      message:
        unfinished.length === 1
          ? `${label(first)} is still in progress; the trace may still change.`
          : `${unfinished.length} spans are still in progress; the trace may still change.`,
    });
  }
  for (const problem of problems) {
    hints.push({
      kind: 'unparseable',
      severity: 'warning',
      message: `A segment document could not be read and is left out (${problem.slice(0, 300)}).`,
    });
  }
  return hints;
}
