import { MUTED } from '../../../components/ui/styles';
import type { TimeWindow } from '../lib/timeline';
import { formatDuration, spanTone, windowedBar } from '../lib/timeline';
import type { TraceModel } from '../lib/trace-model';
import { serviceColour } from './waterfall-styles';
import { TONE_BADGE } from './styles';

export interface RowFlags {
  collapsed: boolean;
  selected: boolean;
  focused: boolean;
  match: boolean;
  currentMatch: boolean;
}

/** What a screen reader hears for a row: name, service, duration and every mark. */
export function rowLabel(model: TraceModel, index: number): string {
  const span = model.spans[index];
  if (!span) return '';
  const service = model.services[model.serviceOf[index] ?? 0];
  const marks = [
    service && service !== span.name ? service : undefined,
    span.inProgress ? 'in progress' : formatDuration(span.duration),
    span.fault && 'fault',
    span.error && 'error',
    span.throttle && 'throttle',
    span.namespace !== 'local' && span.namespace,
    span.inferred && 'inferred',
    span.orphan && 'orphan',
    model.critical.has(index) && 'critical path',
  ];
  return [span.name, ...marks.filter(Boolean)].join(', ');
}

const rowTint = (flags: RowFlags) =>
  flags.selected
    ? 'bg-sky-100 dark:bg-sky-900'
    : flags.currentMatch
      ? 'bg-yellow-200 dark:bg-yellow-800/70'
      : flags.match
        ? 'bg-yellow-50 dark:bg-yellow-900/40'
        : 'hover:bg-slate-50 dark:hover:bg-slate-800/60';

/**
 * One waterfall row: toggle, service swatch, name with its marks, duration and bar. Kept to a
 * dozen elements: only the rows in view exist, but each one counts (REFERENCE.md §7).
 */
export function TraceRow({
  model,
  index,
  id,
  top,
  height,
  duration,
  window,
  flags,
  onToggle,
  onSelect,
}: {
  model: TraceModel;
  index: number;
  id: string;
  top: number;
  height: number;
  duration: number;
  window: TimeWindow | undefined;
  flags: RowFlags;
  onToggle: (index: number) => void;
  onSelect: (index: number) => void;
}) {
  const span = model.spans[index];
  if (!span) return null;
  const parents = (model.childCount[index] ?? 0) > 0;
  const tone = spanTone(span);
  const bar = windowedBar(span, duration, window);
  const colour = serviceColour(model.serviceOf[index] ?? 0);
  return (
    <div
      role="treeitem"
      id={id}
      aria-level={span.depth + 1}
      aria-posinset={model.posInSet[index]}
      aria-setsize={model.setSize[index]}
      aria-expanded={parents ? !flags.collapsed : undefined}
      aria-selected={flags.selected}
      aria-label={rowLabel(model, index)}
      data-span-id={span.id}
      onClick={() => onSelect(index)}
      style={{ top, height }}
      className={`absolute inset-x-0 grid cursor-pointer grid-cols-[minmax(12rem,2fr)_4.5rem_3fr] items-center gap-2 px-3 text-sm ${rowTint(flags)} ${flags.focused ? 'outline-2 -outline-offset-2 outline-sky-500' : ''}`}
    >
      <span
        className="flex min-w-0 items-center gap-1"
        style={{ paddingLeft: `${span.depth * 0.75}rem` }}
      >
        <span
          aria-hidden="true"
          data-toggle={parents ? '' : undefined}
          onClick={(event) => {
            if (!parents) return;
            event.stopPropagation();
            onToggle(index);
          }}
          className={`w-4 shrink-0 text-center text-xs ${MUTED}`}
        >
          {parents ? (flags.collapsed ? '▸' : '▾') : ''}
        </span>
        <span aria-hidden="true" className={`h-3.5 w-1 shrink-0 rounded-sm ${colour}`} />
        <span
          className={`truncate ${span.kind === 'segment' ? 'font-medium' : ''} ${span.inferred ? 'italic' : ''}`}
        >
          {span.name}
        </span>
        {span.namespace !== 'local' && (
          <span
            className={`shrink-0 rounded px-1 text-[0.65rem] uppercase ring-1 ring-slate-300 dark:ring-slate-600 ${MUTED}`}
          >
            {span.inferred ? `inferred ${span.namespace}` : span.namespace}
          </span>
        )}
        {tone !== 'ok' && (
          <span className={`shrink-0 rounded px-1 text-xs font-medium ${TONE_BADGE[tone]}`}>
            {tone}
          </span>
        )}
      </span>
      <span className="text-right text-xs tabular-nums">
        {span.inProgress ? 'running' : formatDuration(span.duration)}
      </span>
      <span className="relative h-4 rounded bg-slate-100 dark:bg-slate-800">
        {bar && (
          <span
            data-testid="span-bar"
            className={`absolute top-0.5 bottom-0.5 rounded-sm ${colour} ${
              span.inProgress ? 'opacity-60' : ''
            } ${model.critical.has(index) ? 'ring-2 ring-slate-900 dark:ring-white' : ''} ${
              span.inferred ? 'opacity-70' : ''
            }`}
            style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
          />
        )}
      </span>
    </div>
  );
}
