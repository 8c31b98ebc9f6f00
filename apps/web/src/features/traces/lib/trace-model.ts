import type { TraceDetail, TraceHint, TraceResponse, TraceSpan } from '@deckhand/shared';

/**
 * The waterfall's row model, built once per trace (in a Web Worker for big traces): the span
 * tree flattened to depth-first rows with index arrays instead of nested children, so that
 * collapsing, searching and keyboard moves are array walks and the model crosses the worker
 * boundary as flat, cheaply cloned data.
 */

/** A span without its children (the model's index arrays hold the tree). */
export type FlatSpan = Omit<TraceSpan, 'children'>;

/** A trace-health hint the view adds to the BFF's (child before parent: clock skew). */
export interface ViewHint extends Omit<TraceHint, 'kind'> {
  kind: TraceHint['kind'] | 'clock-skew';
}

export interface TraceModel {
  /** Every span in depth-first (display) order. */
  spans: FlatSpan[];
  /** Row index of each span's parent; -1 at the top level. */
  parent: number[];
  /** One past each span's last descendant: its subtree is the rows [i, subtreeEnd[i]). */
  subtreeEnd: number[];
  childCount: number[];
  /** 1-based position among its siblings, and their number (aria-posinset / aria-setsize). */
  posInSet: number[];
  setSize: number[];
  /** Distinct services in order of appearance; `serviceOf[i]` indexes it. */
  services: string[];
  serviceOf: number[];
  /** Lower-cased name, annotations and URL of each span: what the trace search looks in. */
  searchText: string[];
  indexOf: Map<string, number>;
  /** Row indexes on the critical path (shared critical-path helper, computed by the BFF). */
  critical: Set<number>;
  skewHints: ViewHint[];
}

/** The trace page's data: the BFF's answer with the span tree replaced by the row model. */
export interface TraceView extends Omit<TraceResponse, 'trace'> {
  trace: Omit<TraceDetail, 'segments'>;
  model: TraceModel;
}

/** Gaps under a microsecond are X-Ray's rounding, not skew. */
const SKEW_TOLERANCE_MS = 0.001;

function searchTextOf(span: TraceSpan): string {
  const annotations = Object.entries(span.annotations).map(([key, value]) => `${key}=${value}`);
  return [span.name, ...annotations, span.http?.url ?? ''].join('\n').toLowerCase();
}

function skewHint(child: FlatSpan, parent: FlatSpan, count: number): ViewHint {
  const ms = Math.round((parent.start - child.start) * 1000) / 1000;
  const more = count > 1 ? ` (${count - 1} more spans likewise)` : '';
  return {
    kind: 'clock-skew',
    severity: 'info',
    spanId: child.id,
    message: `"${child.name}" starts ${ms} ms before its parent "${parent.name}"${more}: the clocks of the hosts that recorded them disagree (clock skew), so their bars are not exactly aligned.`,
  };
}

/** Flattens the span tree (depth-first, children in their start order) into the row model. */
export function buildTraceModel(trace: Pick<TraceDetail, 'segments' | 'criticalPath'>): TraceModel {
  const model: TraceModel = {
    spans: [],
    parent: [],
    subtreeEnd: [],
    childCount: [],
    posInSet: [],
    setSize: [],
    services: [],
    serviceOf: [],
    searchText: [],
    indexOf: new Map(),
    critical: new Set(),
    skewHints: [],
  };
  const serviceIndex = new Map<string, number>();
  let skewed: { child: FlatSpan; parent: FlatSpan } | undefined;
  let skewCount = 0;
  // Explicit stack: a trace can nest deeply.
  const stack = trace.segments
    .map((span, index) => ({ span, parent: -1, pos: index + 1, size: trace.segments.length }))
    .reverse();
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { span, parent } = frame;
    const index = model.spans.length;
    const { children, ...flat } = span;
    model.spans.push(flat);
    model.parent.push(parent);
    model.subtreeEnd.push(index + 1);
    model.childCount.push(children.length);
    model.posInSet.push(frame.pos);
    model.setSize.push(frame.size);
    model.searchText.push(searchTextOf(span));
    model.indexOf.set(span.id, index);
    const service = span.service ?? (span.kind === 'segment' ? span.name : '(unknown service)');
    let serviceNumber = serviceIndex.get(service);
    if (serviceNumber === undefined) {
      serviceNumber = model.services.push(service) - 1;
      serviceIndex.set(service, serviceNumber);
    }
    model.serviceOf.push(serviceNumber);
    const parentSpan = model.spans[parent];
    if (parentSpan && span.start < parentSpan.start - SKEW_TOLERANCE_MS) {
      skewCount += 1;
      skewed ??= { child: flat, parent: parentSpan };
    }
    for (let child = children.length - 1; child >= 0; child -= 1) {
      const next = children[child];
      if (next) stack.push({ span: next, parent: index, pos: child + 1, size: children.length });
    }
  }
  // Depth-first order: a span's subtree ends where its last descendant's does.
  for (let index = model.spans.length - 1; index >= 0; index -= 1) {
    const parent = model.parent[index] ?? -1;
    const end = model.subtreeEnd[index] ?? index + 1;
    if (parent >= 0 && end > (model.subtreeEnd[parent] ?? 0)) model.subtreeEnd[parent] = end;
  }
  for (const id of trace.criticalPath) {
    const index = model.indexOf.get(id);
    if (index !== undefined) model.critical.add(index);
  }
  if (skewed) model.skewHints.push(skewHint(skewed.child, skewed.parent, skewCount));
  return model;
}
