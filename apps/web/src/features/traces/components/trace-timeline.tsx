import type { TraceSpan } from '@deckhand/shared';
import { MUTED, PANEL } from '../../../components/ui/styles';
import { barGeometry, formatDuration, spanTone, timelineTicks } from '../lib/timeline';
import { TONE_BAR } from './styles';

function spanLabel(span: TraceSpan): string {
  const outcome = [span.fault && 'fault', span.error && 'error', span.throttle && 'throttle']
    .filter(Boolean)
    .join(', ');
  return `${span.name}, ${formatDuration(span.duration)}${outcome ? `, ${outcome}` : ''}`;
}

/**
 * The waterfall: one row per segment or subsegment, indented by depth, its bar placed by start
 * and end relative to the trace and coloured by outcome. A row is a button selecting the span.
 */
export function TraceTimeline({
  spans,
  duration,
  criticalPath,
  selectedId,
  onSelect,
}: {
  spans: readonly TraceSpan[];
  duration: number;
  criticalPath: ReadonlySet<string>;
  selectedId: string | undefined;
  onSelect: (spanId: string) => void;
}) {
  const ticks = timelineTicks(duration);
  return (
    <div className={PANEL}>
      <div
        aria-hidden="true"
        className={`grid grid-cols-[minmax(12rem,2fr)_5rem_3fr] gap-2 border-b border-slate-200 px-3 py-1.5 text-xs dark:border-slate-700 ${MUTED}`}
      >
        <span>Segment</span>
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
      <ul aria-label="Trace timeline" className="divide-y divide-slate-100 dark:divide-slate-800">
        {spans.map((span) => {
          const bar = barGeometry(span, duration);
          const selected = span.id === selectedId;
          const tone = spanTone(span);
          return (
            <li key={span.id}>
              <button
                type="button"
                aria-pressed={selected}
                aria-label={spanLabel(span)}
                data-span-id={span.id}
                onClick={() => onSelect(span.id)}
                className={`grid w-full grid-cols-[minmax(12rem,2fr)_5rem_3fr] items-center gap-2 px-3 py-1 text-left text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 ${
                  selected
                    ? 'bg-sky-50 dark:bg-sky-950'
                    : 'hover:bg-slate-50 dark:hover:bg-slate-800/60'
                }`}
              >
                <span
                  className="flex min-w-0 items-center gap-1"
                  style={{ paddingLeft: `${span.depth * 1}rem` }}
                >
                  <span
                    className={`truncate ${span.kind === 'segment' ? 'font-medium' : ''} ${span.inferred ? 'italic' : ''}`}
                  >
                    {span.name}
                  </span>
                  {span.http?.status !== undefined && (
                    <span className={`shrink-0 font-mono text-xs ${MUTED}`}>
                      {span.http.status}
                    </span>
                  )}
                  {span.orphan && (
                    <span className="shrink-0 text-xs text-amber-800 dark:text-amber-300">
                      orphan
                    </span>
                  )}
                </span>
                <span className="text-right text-xs tabular-nums">
                  {formatDuration(span.duration)}
                </span>
                <span className="relative h-4 rounded bg-slate-100 dark:bg-slate-800">
                  <span
                    data-testid="span-bar"
                    className={`absolute top-0.5 bottom-0.5 rounded-sm ${TONE_BAR[tone]} ${
                      span.inProgress ? 'opacity-60' : ''
                    } ${criticalPath.has(span.id) ? 'ring-2 ring-slate-900 dark:ring-white' : ''}`}
                    style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
                  />
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
