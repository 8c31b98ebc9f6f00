/**
 * Colours and small parts the search charts share. The outcome colours are mid-tone (the 500s),
 * readable on both the light and the dark panel; axes and text take `currentColor` from the
 * chart's wrapper, which sets it per theme.
 */
export const OUTCOME_FILL = {
  ok: '#0ea5e9',
  error: '#f59e0b',
  throttle: '#8b5cf6',
  fault: '#ef4444',
} as const;

export const CHART_TEXT = 'text-xs text-slate-600 dark:text-slate-300';
export const GRID = 'stroke-slate-200 dark:stroke-slate-700';
export const AXIS_TICK = { fill: 'currentColor', fontSize: 11 };

/** A tooltip box that follows the theme (Recharts' default one is always white). */
export function ChartTooltipBox({ lines }: { lines: readonly string[] }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-2 py-1 text-xs text-slate-900 shadow dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
