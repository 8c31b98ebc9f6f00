import type { TraceSpan } from '@deckhand/shared';

/**
 * The waterfall's geometry. The shared segment tree (packages/shared xray/segment-tree) already
 * ordered the children by start and set each span's depth; these helpers only lay it out.
 */

/** Every span of the tree in depth-first (display) order. */
export function flattenSpans(roots: readonly TraceSpan[]): TraceSpan[] {
  const rows: TraceSpan[] = [];
  // Explicit stack: a trace can nest deeply.
  const stack = [...roots].reverse();
  for (let span = stack.pop(); span; span = stack.pop()) {
    rows.push(span);
    for (let index = span.children.length - 1; index >= 0; index -= 1) {
      const child = span.children[index];
      if (child) stack.push(child);
    }
  }
  return rows;
}

export interface BarGeometry {
  /** % of the timeline's width from its left edge. */
  left: number;
  width: number;
}

/** Bars narrower than this would vanish; a 0 ms span still shows as a sliver. */
export const MIN_BAR_PERCENT = 0.5;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * Where a span's bar sits on a timeline of `traceDuration` ms: from its start to its end; an
 * in-progress span runs to the end of the trace. An empty trace puts everything at full width.
 */
export function barGeometry(
  span: Pick<TraceSpan, 'start' | 'end'>,
  traceDuration: number,
): BarGeometry {
  if (traceDuration <= 0) return { left: 0, width: 100 };
  const left = clamp((span.start / traceDuration) * 100, 0, 100);
  const end = clamp(((span.end ?? traceDuration) / traceDuration) * 100, left, 100);
  const width = Math.max(end - left, MIN_BAR_PERCENT);
  // A sliver at the very end is pulled left so it stays inside the timeline.
  return { left: Math.min(left, 100 - width), width };
}

/** `count + 1` evenly spaced time marks from 0 to the trace's duration (ms). */
export function timelineTicks(traceDuration: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, index) => (traceDuration * index) / count);
}

/** The stretch of the trace the waterfall is zoomed to (ms after the trace's start). */
export interface TimeWindow {
  from: number;
  to: number;
}

/** The window from two points of a drag, in either order; a click (no width) is no window. */
export function windowBetween(a: number, b: number, minimum = 0): TimeWindow | undefined {
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  return to - from > minimum ? { from, to } : undefined;
}

/**
 * A span's bar on the waterfall zoomed to `window`: placed as on a trace running from the
 * window's start to its end, cut at its edges; undefined when the span lies wholly outside.
 */
export function windowedBar(
  span: Pick<TraceSpan, 'start' | 'end'>,
  traceDuration: number,
  window: TimeWindow | undefined,
): BarGeometry | undefined {
  if (!window) return barGeometry(span, traceDuration);
  const end = span.end ?? traceDuration;
  if (end < window.from || span.start > window.to) return undefined;
  return barGeometry(
    { start: span.start - window.from, end: end - window.from },
    window.to - window.from,
  );
}

/** Time marks across a zoom window (the whole trace without one). */
export function windowTicks(traceDuration: number, window: TimeWindow | undefined, count = 4) {
  const from = window?.from ?? 0;
  const length = window ? window.to - window.from : traceDuration;
  return timelineTicks(length, count).map((tick) => from + tick);
}

/** ms as `850 µs`, `12.3 ms`, `245 ms`, `1.25 s`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return 'in progress';
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 100) return `${Number(ms.toFixed(1))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1000).toFixed(2))} s`;
}

export type SpanTone = 'fault' | 'error' | 'throttle' | 'ok';

/** X-Ray's precedence: a fault (5xx) outranks a throttle (429), which outranks an error (4xx). */
export function spanTone(span: Pick<TraceSpan, 'fault' | 'error' | 'throttle'>): SpanTone {
  if (span.fault) return 'fault';
  if (span.throttle) return 'throttle';
  if (span.error) return 'error';
  return 'ok';
}
