import { CartesianGrid, Legend, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTime } from '../../../lib/format';
import { type ScatterPoint, type TraceOutcome } from '../lib/search-stats';
import { formatDuration } from '../lib/timeline';
import { AXIS_TICK, CHART_TEXT, ChartTooltipBox, GRID, OUTCOME_FILL } from './chart-parts';

const SERIES: { outcome: TraceOutcome; name: string }[] = [
  { outcome: 'ok', name: 'OK' },
  { outcome: 'error', name: 'Error (4xx)' },
  { outcome: 'throttle', name: 'Throttle (429)' },
  { outcome: 'fault', name: 'Fault (5xx)' },
];

function summaryOf(points: readonly ScatterPoint[]): string {
  if (points.length === 0) return 'Duration over time: no traces.';
  const counts = SERIES.map(
    ({ outcome, name }) =>
      `${points.filter((point) => point.outcome === outcome).length} ${name.toLowerCase()}`,
  );
  const slowest = points.reduce((a, b) => (b.duration > a.duration ? b : a));
  return `Duration over time of ${points.length} traces: ${counts.join(', ')}; slowest ${formatDuration(slowest.duration)} at ${formatTime(slowest.time)}.`;
}

/**
 * Each trace as a dot, start time across and duration up, coloured by outcome; clicking a dot
 * opens the trace (the table below has the same traces as links, for the keyboard).
 */
export function DurationScatter({
  points,
  onOpen,
}: {
  points: readonly ScatterPoint[];
  onOpen: (traceId: string) => void;
}) {
  return (
    <section aria-labelledby="scatter-heading" className="space-y-1">
      <h2 id="scatter-heading" className="text-sm font-semibold">
        Duration over time
      </h2>
      <div role="img" aria-label={summaryOf(points)} className={CHART_TEXT}>
        <ScatterChart
          responsive
          style={{ width: '100%', height: 180 }}
          accessibilityLayer={false}
          margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid className={GRID} />
          <XAxis
            type="number"
            dataKey="time"
            name="Start"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(time: number) => formatTime(time)}
            tick={AXIS_TICK}
            stroke="currentColor"
            minTickGap={24}
          />
          <YAxis
            type="number"
            dataKey="duration"
            name="Duration"
            tickFormatter={(ms: number) => (ms === 0 ? '0' : formatDuration(ms))}
            tick={AXIS_TICK}
            stroke="currentColor"
            width={56}
          />
          <Tooltip
            isAnimationActive={false}
            cursor={{ strokeDasharray: '3 3' }}
            content={({ active, payload }) => {
              const point = payload[0]?.payload as ScatterPoint | undefined;
              return active && point ? (
                <ChartTooltipBox
                  lines={[
                    point.id,
                    `${formatTime(point.time)} · ${formatDuration(point.duration)}`,
                  ]}
                />
              ) : null;
            }}
          />
          <Legend
            iconSize={8}
            formatter={(name: string) => (
              <span className="text-slate-700 dark:text-slate-200">{name}</span>
            )}
          />
          {SERIES.map(({ outcome, name }) => {
            const data = points.filter((point) => point.outcome === outcome);
            return (
              <Scatter
                key={outcome}
                name={name}
                data={data}
                fill={OUTCOME_FILL[outcome]}
                isAnimationActive={false}
                className="cursor-pointer"
                onClick={(_, index) => {
                  const point = data[index];
                  if (point) onOpen(point.id);
                }}
              />
            );
          })}
        </ScatterChart>
      </div>
    </section>
  );
}
