import type { TraceDetail } from '../schemas/traces.js';
import { criticalPath } from './critical-path.js';
import { parseSegmentDocument, type SegmentDocument } from './segment-document.js';
import { buildSegmentTree } from './segment-tree.js';
import { traceHints } from './trace-health.js';

/** One trace as BatchGetTraces returns it, with plain types. */
export interface RawTrace {
  id: string;
  /** `Segments[].Document`: one JSON string per segment or independent subsegment. */
  documents: readonly string[];
  limitExceeded?: boolean;
  /** X-Ray's `Duration` in seconds, used only when no document could be read. */
  duration?: number;
}

/** Parses the documents and builds the trace: the span tree, health hints and critical path. */
export function buildTrace(raw: RawTrace): TraceDetail {
  const documents: SegmentDocument[] = [];
  const problems: string[] = [];
  raw.documents.forEach((json, index) => {
    const result = parseSegmentDocument(json);
    if (result.ok) {
      documents.push(result.document);
      problems.push(...result.problems);
    } else {
      problems.push(`document ${index + 1}: ${result.problem}`);
    }
  });
  const tree = buildSegmentTree(documents);
  const limitExceeded = raw.limitExceeded === true;
  const duration =
    tree.startTime === undefined ? Math.max(0, (raw.duration ?? 0) * 1000) : tree.duration;
  return {
    id: raw.id,
    ...(tree.startTime === undefined
      ? {}
      : { startTime: new Date(Math.round(tree.startTime * 1000)).toISOString() }),
    duration,
    limitExceeded,
    segments: tree.roots,
    hints: traceHints({ tree, limitExceeded, problems }),
    criticalPath: criticalPath(tree.roots, tree.duration).spanIds,
  };
}
