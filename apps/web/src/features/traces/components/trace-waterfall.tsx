import { useMemo, useState, type KeyboardEvent } from 'react';
import { MUTED } from '../../../components/ui/styles';
import { formatDuration, type TimeWindow } from '../lib/timeline';
import type { TraceModel } from '../lib/trace-model';
import {
  collapseAll,
  isTreeKey,
  moveInTree,
  reveal,
  searchMatches,
  stepMatch,
  toggleRow,
  visibleRows,
} from '../lib/waterfall-rows';
import { TraceMinimap } from './trace-minimap';
import { TraceSearch } from './trace-search';
import { TraceTimeline } from './trace-timeline';
import { TOOL_BUTTON } from './waterfall-styles';

const NONE: ReadonlySet<number> = new Set();

/**
 * The trace's waterfall with its tools: search within the trace, expand/collapse all, the
 * minimap and its zoom window, and Jaeger's keyboard moves on the tree. View state (collapsed
 * rows, zoom, search, focus) is local: only the selected span lives in the URL.
 */
export function TraceWaterfall({
  model,
  duration,
  selectedId,
  onSelect,
}: {
  model: TraceModel;
  duration: number;
  selectedId: string | undefined;
  onSelect: (spanId: string) => void;
}) {
  const selected = selectedId === undefined ? undefined : model.indexOf.get(selectedId);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(NONE);
  const [focus, setFocus] = useState(selected ?? 0);
  const [scrollRequest, setScrollRequest] = useState(selected === undefined ? 0 : 1);
  const [window, setWindow] = useState<TimeWindow | undefined>();
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(-1);
  const rows = useMemo(() => visibleRows(model, collapsed), [model, collapsed]);
  const matches = useMemo(() => searchMatches(model, query), [model, query]);
  const matchSet = useMemo(() => new Set(matches), [matches]);

  const goTo = (index: number) => {
    setCollapsed(reveal(model, collapsed, index));
    setFocus(index);
    setScrollRequest((count) => count + 1);
  };
  // A span selected from outside (a hint's "Show span", the URL) is revealed and scrolled to.
  const [seen, setSeen] = useState(selected);
  if (selected !== seen) {
    setSeen(selected);
    if (selected !== undefined && selected !== focus) goTo(selected);
  }

  const select = (index: number) => {
    setFocus(index);
    const span = model.spans[index];
    if (span) onSelect(span.id);
  };
  const step = (direction: 1 | -1) => {
    const next = stepMatch(matches, cursor, direction);
    setCursor(next);
    const index = matches[next];
    if (index !== undefined) goTo(index);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(focus);
    } else if (isTreeKey(event.key)) {
      event.preventDefault();
      const next = moveInTree(model, rows, { focus, collapsed }, event.key);
      setCollapsed(next.collapsed);
      setFocus(next.focus);
      setScrollRequest((count) => count + 1);
    }
  };
  const selectedSpan = selected === undefined ? undefined : model.spans[selected];

  return (
    <div className="min-w-0 space-y-2">
      <div
        role="toolbar"
        aria-label="Waterfall tools"
        className="flex flex-wrap items-center gap-2"
      >
        <TraceSearch
          query={query}
          onQuery={(next) => {
            setQuery(next);
            setCursor(-1);
          }}
          count={matches.length}
          current={cursor}
          onStep={step}
        />
        <button type="button" className={TOOL_BUTTON} onClick={() => setCollapsed(NONE)}>
          Expand all
        </button>
        <button
          type="button"
          className={TOOL_BUTTON}
          onClick={() => {
            setCollapsed(collapseAll(model));
            setFocus((current) => rootOf(model, current));
          }}
        >
          Collapse all
        </button>
      </div>
      <TraceMinimap model={model} duration={duration} window={window} onZoom={setWindow} />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className={MUTED} data-testid="zoom-window">
          {window
            ? `Zoomed to +${formatDuration(window.from)} – +${formatDuration(window.to)}`
            : `Whole trace, ${formatDuration(duration)}`}
        </span>
        {selectedSpan && (
          <button
            type="button"
            className={TOOL_BUTTON}
            onClick={() =>
              setWindow({
                from: selectedSpan.start,
                to: Math.max(selectedSpan.end ?? duration, selectedSpan.start + 0.001),
              })
            }
          >
            Zoom to span
          </button>
        )}
        <button
          type="button"
          className={TOOL_BUTTON}
          disabled={!window}
          onClick={() => setWindow(undefined)}
        >
          Reset zoom
        </button>
        <span className={`ml-auto text-xs ${MUTED}`}>
          ↑/↓ or j/k move · → expand · ← collapse · Enter select · outlined bars: critical path
        </span>
      </div>
      <TraceTimeline
        model={model}
        rows={rows}
        collapsed={collapsed}
        duration={duration}
        window={window}
        focus={focus}
        selected={selected}
        matches={matchSet}
        currentMatch={matches[cursor]}
        scrollRequest={scrollRequest}
        onToggle={(index) => setCollapsed(toggleRow(collapsed, index))}
        onSelect={select}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

/** The top-level span above a row (where the focus goes when everything collapses). */
function rootOf(model: TraceModel, index: number): number {
  let at = index;
  for (let parent = model.parent[at] ?? -1; parent >= 0; parent = model.parent[at] ?? -1)
    at = parent;
  return at;
}
