import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { MUTED } from '../../../components/ui/styles';
import { latencyBuckets } from '../lib/service-map-histogram';

/**
 * The response-time distribution of a node or an edge, from X-Ray's histogram. The chart is for
 * the eye; screen readers get the same buckets as a table.
 */
export function LatencyHistogram({
  subject,
  histogram,
}: {
  /** What the histogram is of: "web", "web → api". */
  subject: string;
  histogram: readonly { value: number; count: number }[] | undefined;
}) {
  const buckets = latencyBuckets(histogram);
  if (buckets.length === 0) {
    return (
      <p className={`text-sm ${MUTED}`}>
        X-Ray has no response times for {subject} in this window.
      </p>
    );
  }
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm font-medium">Response times</figcaption>
      <div className="h-44 text-slate-600 dark:text-slate-300" aria-hidden="true">
        <ResponsiveContainer
          width="100%"
          height="100%"
          initialDimension={{ width: 288, height: 176 }}
        >
          <BarChart
            data={buckets}
            margin={{ top: 4, right: 4, bottom: 0, left: -16 }}
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
            <XAxis dataKey="label" tick={{ fill: 'currentColor', fontSize: 10 }} tickLine={false} />
            <YAxis
              allowDecimals={false}
              tick={{ fill: 'currentColor', fontSize: 10 }}
              tickLine={false}
            />
            <Tooltip
              cursor={{ fill: 'currentColor', fillOpacity: 0.08 }}
              contentStyle={{
                background: '#0f172a',
                border: 'none',
                borderRadius: 6,
                color: '#f1f5f9',
                fontSize: 12,
              }}
              itemStyle={{ color: '#f1f5f9' }}
              labelStyle={{ color: '#f1f5f9' }}
            />
            <Bar
              dataKey="count"
              name="Requests"
              fill="#0ea5e9"
              radius={[2, 2, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only" aria-label={`Response times of ${subject}`}>
        <thead>
          <tr>
            <th scope="col">Response time</th>
            <th scope="col">Requests</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((bucket) => (
            <tr key={bucket.label}>
              <td>{bucket.label}</td>
              <td>{bucket.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
