import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { MUTED, PANEL } from '../../../components/ui/styles';
import { formatDuration, windowTicks, type TimeWindow } from '../lib/timeline';
import type { TraceModel } from '../lib/trace-model';
import { TraceRow } from './trace-row';

/** Every row is exactly this tall (px): the window of rows in the DOM is then exact and cheap. */
export const ROW_HEIGHT = 28;
const OVERSCAN = 8;
/** A typical viewport: what the window is sized by before (or without) a layout (jsdom). */
const NO_LAYOUT = { width: 1024, height: 600 };
const observeRect: typeof observeElementRect<HTMLDivElement> = (instance, callback) =>
  observeElementRect(instance, (rect) =>
    callback(rect.width === 0 && rect.height === 0 ? NO_LAYOUT : rect),
  );

export interface TimelineProps {
  model: TraceModel;
  /** Visible row indexes (collapsed subtrees left out), in display order. */
  rows: readonly number[];
  collapsed: ReadonlySet<number>;
  duration: number;
  window: TimeWindow | undefined;
  focus: number;
  selected: number | undefined;
  matches: ReadonlySet<number>;
  currentMatch: number | undefined;
  /** Bumped when the focused row should be scrolled into view (keyboard, search, selection). */
  scrollRequest: number;
  onToggle: (index: number) => void;
  onSelect: (index: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
}

/**
 * The waterfall, virtualized: a `role="tree"` whose only rows in the DOM are those in view
 * (plus a few), so a 10,000-span trace costs what 30 rows do. The tree holds the focus and
 * names the focused row with `aria-activedescendant` (rows come and go as it scrolls, so they
 * cannot hold the focus themselves).
 */
export function TraceTimeline(props: TimelineProps) {
  const { model, rows, collapsed, duration, window, focus, selected, matches } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  // The project does not run the React Compiler, whose memoisation this hook would defeat.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (position) => rows[position] ?? position,
    overscan: OVERSCAN,
    initialRect: NO_LAYOUT,
    observeElementRect: observeRect,
  });
  const { scrollRequest } = props;
  useEffect(() => {
    if (scrollRequest === 0) return;
    const position = rows.indexOf(focus);
    if (position >= 0) virtualizer.scrollToIndex(position, { align: 'auto' });
    // Only on request: scrolling the user's view on every re-render would fight them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  const items = virtualizer.getVirtualItems();
  const rowId = (index: number) => `${idPrefix}-row-${index}`;
  const focusShown = items.some((item) => rows[item.index] === focus);
  const ticks = windowTicks(duration, window);
  return (
    <div className={PANEL}>
      <div
        aria-hidden="true"
        className={`grid grid-cols-[minmax(12rem,2fr)_4.5rem_3fr] gap-2 border-b border-slate-200 px-3 py-1.5 text-xs dark:border-slate-700 ${MUTED}`}
      >
        <span>Span</span>
        <span className="text-right">Duration</span>
        <span className="relative h-4">
          {ticks.map((tick, index) => (
            <span
              key={index}
              className="absolute top-0 -translate-x-1/2 tabular-nums first:translate-x-0 last:-translate-x-full"
              style={{ left: `${(index / (ticks.length - 1)) * 100}%` }}
            >
              {formatDuration(tick)}
            </span>
          ))}
        </span>
      </div>
      <div
        ref={scrollRef}
        role="tree"
        aria-label="Trace timeline"
        aria-activedescendant={focusShown ? rowId(focus) : undefined}
        data-span-count={model.spans.length}
        tabIndex={0}
        onKeyDown={props.onKeyDown}
        className="relative max-h-[65vh] overflow-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500"
      >
        <div role="none" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const index = rows[item.index];
            if (index === undefined) return null;
            return (
              <TraceRow
                key={item.key}
                model={model}
                index={index}
                id={rowId(index)}
                top={item.start}
                height={ROW_HEIGHT}
                duration={duration}
                window={window}
                flags={{
                  collapsed: collapsed.has(index),
                  selected: index === selected,
                  focused: index === focus,
                  match: matches.has(index),
                  currentMatch: index === props.currentMatch,
                }}
                onToggle={props.onToggle}
                onSelect={props.onSelect}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
