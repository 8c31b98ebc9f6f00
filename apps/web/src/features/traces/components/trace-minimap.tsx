import { useMemo, useState, type PointerEvent } from 'react';
import { MUTED } from '../../../components/ui/styles';
import { spanTone, windowBetween, type SpanTone, type TimeWindow } from '../lib/timeline';
import type { TraceModel } from '../lib/trace-model';

const WIDTH = 1000;
const STROKE: Record<SpanTone, string> = {
  ok: 'stroke-sky-500',
  error: 'stroke-amber-500',
  throttle: 'stroke-violet-500',
  fault: 'stroke-red-500',
};

/**
 * One SVG path per outcome holding a line per span: the overview of a 10,000-span trace costs
 * four elements, whatever its size.
 */
export function minimapPaths(model: TraceModel, duration: number): Record<SpanTone, string> {
  const paths: Record<SpanTone, string[]> = { ok: [], error: [], throttle: [], fault: [] };
  const scale = duration > 0 ? WIDTH / duration : 0;
  model.spans.forEach((span, index) => {
    const from = Math.round(span.start * scale * 10) / 10;
    const to = Math.max(from + 1, Math.round((span.end ?? duration) * scale * 10) / 10);
    paths[spanTone(span)].push(`M${from} ${index + 0.5}H${to}`);
  });
  return {
    ok: paths.ok.join(''),
    error: paths.error.join(''),
    throttle: paths.throttle.join(''),
    fault: paths.fault.join(''),
  };
}

const percent = (ms: number, duration: number) => (duration > 0 ? (ms / duration) * 100 : 0);

/**
 * The overview strip of every span (time across, rows down). Dragging across it selects a time
 * window that the waterfall zooms to; the shaded parts are outside the current window.
 */
export function TraceMinimap({
  model,
  duration,
  window,
  onZoom,
}: {
  model: TraceModel;
  duration: number;
  window: TimeWindow | undefined;
  onZoom: (window: TimeWindow | undefined) => void;
}) {
  const paths = useMemo(() => minimapPaths(model, duration), [model, duration]);
  const [drag, setDrag] = useState<{ from: number; to: number } | undefined>();
  const at = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0) return 0;
    return Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)) * duration;
  };
  const selection = drag && windowBetween(drag.from, drag.to);
  return (
    <div className="relative h-16 rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <svg
        role="img"
        aria-label={`Minimap of ${model.spans.length} spans: drag across it to zoom the waterfall to a time window`}
        viewBox={`0 0 ${WIDTH} ${Math.max(1, model.spans.length)}`}
        preserveAspectRatio="none"
        className="absolute inset-0 h-full w-full"
      >
        {(Object.keys(paths) as SpanTone[]).map((tone) => (
          <path
            key={tone}
            d={paths[tone]}
            className={STROKE[tone]}
            strokeWidth={1}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      <div
        aria-hidden="true"
        data-testid="minimap-drag"
        className="absolute inset-0 cursor-crosshair touch-none"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture?.(event.pointerId);
          const start = at(event);
          setDrag({ from: start, to: start });
        }}
        onPointerMove={(event) => {
          const to = at(event);
          if (drag) setDrag({ ...drag, to });
        }}
        onPointerUp={(event) => {
          if (!drag) return;
          const chosen = windowBetween(drag.from, at(event), duration / 1000);
          setDrag(undefined);
          if (chosen) onZoom(chosen);
        }}
      >
        {window && (
          <>
            <span
              className="absolute inset-y-0 left-0 bg-slate-900/25 dark:bg-black/50"
              style={{ width: `${percent(window.from, duration)}%` }}
            />
            <span
              className="absolute inset-y-0 right-0 bg-slate-900/25 dark:bg-black/50"
              style={{ width: `${100 - percent(window.to, duration)}%` }}
            />
          </>
        )}
        {selection && (
          <span
            className="absolute inset-y-0 border-x-2 border-sky-600 bg-sky-400/25"
            style={{
              left: `${percent(selection.from, duration)}%`,
              width: `${percent(selection.to - selection.from, duration)}%`,
            }}
          />
        )}
      </div>
      {model.spans.length === 0 && <p className={`p-2 text-xs ${MUTED}`}>No spans</p>}
    </div>
  );
}
