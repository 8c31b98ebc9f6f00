import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  ReferenceArea,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
  type MouseHandlerDataParam,
} from 'recharts';
import { Button } from '../../../components/ui/button';
import { MUTED } from '../../../components/ui/styles';
import {
  bucketSelected,
  bucketsRange,
  durationBuckets,
  durationStats,
  type DurationRange,
} from '../lib/search-stats';
import { formatDuration } from '../lib/timeline';
import { AXIS_TICK, CHART_TEXT, ChartTooltipBox, GRID } from './chart-parts';

const BAR = '#0ea5e9';
const BAR_SELECTED = '#0369a1';
const BAR_DIMMED = '#94a3b8';

/** The bucket under the pointer, from Recharts' (number or string) tooltip index. */
function bucketIndex(state: MouseHandlerDataParam): number | undefined {
  const index = Number(state.activeTooltipIndex);
  return state.activeTooltipIndex !== undefined && Number.isInteger(index) ? index : undefined;
}

export function rangeWords(range: DurationRange): string {
  if (range.min !== undefined && range.max !== undefined)
    return `${formatDuration(range.min)} – ${formatDuration(range.max)}`;
  if (range.min !== undefined) return `at least ${formatDuration(range.min)}`;
  return `under ${formatDuration(range.max ?? 0)}`;
}

/**
 * How long the loaded traces took, in buckets. Dragging across bars (or clicking one) narrows
 * the list to that duration range; "Slowest 5%" does the same from the keyboard.
 */
export function LatencyHistogram({
  durations,
  range,
  onRangeChange,
}: {
  durations: readonly number[];
  range: DurationRange | undefined;
  onRangeChange: (range: DurationRange | undefined) => void;
}) {
  const [drag, setDrag] = useState<{ from: number; to: number } | undefined>();
  const buckets = durationBuckets(durations);
  const stats = durationStats(durations);
  const data = buckets.map((bucket) => ({
    label: formatDuration(bucket.start),
    count: bucket.count,
    words: `${formatDuration(bucket.start)} – ${formatDuration(bucket.end)}`,
  }));
  const summary =
    stats.count === 0
      ? 'Latency histogram: no traces.'
      : `Latency histogram of ${stats.count} traces: p50 ${formatDuration(stats.p50)}, p95 ${formatDuration(stats.p95)}, slowest ${formatDuration(stats.max)}.`;
  const dragged = drag && {
    x1: data[Math.min(drag.from, drag.to)]?.label,
    x2: data[Math.max(drag.from, drag.to)]?.label,
  };

  return (
    <section aria-labelledby="latency-heading" className="space-y-1">
      <h2 id="latency-heading" className="text-sm font-semibold">
        Latency
      </h2>
      <div role="img" aria-label={summary} className={`${CHART_TEXT} cursor-crosshair select-none`}>
        <BarChart
          data={data}
          responsive
          style={{ width: '100%', height: 160 }}
          accessibilityLayer={false}
          margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
          onMouseDown={(state) => {
            const index = bucketIndex(state);
            if (index !== undefined) setDrag({ from: index, to: index });
          }}
          onMouseMove={(state) => {
            const index = bucketIndex(state);
            if (drag && index !== undefined && index !== drag.to) setDrag({ ...drag, to: index });
          }}
          onMouseUp={() => {
            if (drag) onRangeChange(bucketsRange(buckets, drag.from, drag.to));
            setDrag(undefined);
          }}
          onMouseLeave={() => setDrag(undefined)}
        >
          <CartesianGrid vertical={false} className={GRID} />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke="currentColor" minTickGap={16} />
          <YAxis allowDecimals={false} width={36} tick={AXIS_TICK} stroke="currentColor" />
          <Tooltip
            isAnimationActive={false}
            cursor={{ className: 'fill-slate-100 dark:fill-slate-800' }}
            content={({ active, payload }) => {
              const point = payload[0]?.payload as (typeof data)[number] | undefined;
              return active && point ? (
                <ChartTooltipBox lines={[point.words, `${point.count} traces`]} />
              ) : null;
            }}
          />
          <Bar
            dataKey="count"
            name="Traces"
            isAnimationActive={false}
            shape={(props: BarShapeProps) => {
              const bucket = buckets[props.index];
              const selected = bucket !== undefined && bucketSelected(bucket, range);
              return (
                <Rectangle {...props} fill={selected ? BAR_SELECTED : range ? BAR_DIMMED : BAR} />
              );
            }}
          />
          {dragged?.x1 !== undefined && dragged.x2 !== undefined && (
            <ReferenceArea x1={dragged.x1} x2={dragged.x2} fill="#0ea5e9" fillOpacity={0.2} />
          )}
        </BarChart>
      </div>
      <div className={`flex flex-wrap items-center gap-2 text-xs ${MUTED}`}>
        {range ? (
          <>
            <span role="status">Showing traces of {rangeWords(range)}.</span>
            <Button className="py-0.5 text-xs" onClick={() => onRangeChange(undefined)}>
              Clear
            </Button>
          </>
        ) : (
          <>
            <span>Drag across the bars to show only traces in that duration range.</span>
            {stats.p95 !== undefined && stats.count > 1 && (
              <Button className="py-0.5 text-xs" onClick={() => onRangeChange({ min: stats.p95 })}>
                Slowest 5%
              </Button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
