import { traceIdTime, type TraceSummary } from '@deckhand/shared';
import { Link } from 'react-router';
import { LINK, MUTED, PANEL, ROW, TABLE_HEAD } from '../../../components/ui/styles';
import { formatTime } from '../../../lib/format';
import { regionSearch } from '../../../lib/url-state';
import { formatDuration } from '../lib/timeline';
import { OutcomeBadges } from './outcome-badges';

function statusTone(status: number | undefined): string {
  if (status === undefined) return MUTED;
  if (status >= 500) return 'font-medium text-red-700 dark:text-red-300';
  if (status === 429) return 'font-medium text-violet-700 dark:text-violet-300';
  if (status >= 400) return 'font-medium text-amber-800 dark:text-amber-300';
  return '';
}

/** X-Ray's indexed annotations (each key may hold several values across the trace's segments). */
function Annotations({ annotations }: { annotations: TraceSummary['annotations'] }) {
  const entries = Object.entries(annotations);
  if (entries.length === 0) return <span className={MUTED}>—</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {entries.map(([key, values]) => (
        <li
          key={key}
          className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap text-slate-800 dark:bg-slate-800 dark:text-slate-200"
        >
          {key}={values.map(String).join(', ')}
        </li>
      ))}
    </ul>
  );
}

/** Trace summaries, newest first as X-Ray pages them. */
export function TracesTable({
  traces,
  region,
}: {
  traces: readonly TraceSummary[];
  region: string | undefined;
}) {
  return (
    <div className={`${PANEL} overflow-x-auto`}>
      <table aria-label="Traces" className="w-full text-left text-sm">
        <thead className={TABLE_HEAD}>
          <tr>
            {[
              'Trace',
              'Time',
              'Duration',
              'Response',
              'Request',
              'Status',
              'Outcome',
              'Services',
              'Annotations',
            ].map((title) => (
              <th key={title} scope="col" className="px-3 py-2 font-medium">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {traces.map((trace) => {
            const started = trace.startTime ?? traceIdTime(trace.id)?.toISOString();
            return (
              <tr key={trace.id} className={ROW}>
                <th scope="row" className="px-3 py-2 font-normal whitespace-nowrap">
                  <Link
                    to={`/traces/${encodeURIComponent(trace.id)}${regionSearch(region)}`}
                    className={`${LINK} font-mono text-xs`}
                  >
                    {trace.id}
                  </Link>
                </th>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                  {started ? <time dateTime={started}>{formatTime(started)}</time> : '—'}
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                  {formatDuration(trace.duration)}
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                  {formatDuration(trace.responseTime)}
                </td>
                <td
                  className="max-w-md min-w-56 px-3 py-2"
                  title={`${trace.http.method ?? ''} ${trace.http.url ?? ''}`.trim()}
                >
                  {trace.http.method || trace.http.url ? (
                    // One line: the path says which request it was; the full URL is the title.
                    <span className="block truncate font-mono text-xs">
                      <span className="font-semibold">{trace.http.method}</span>{' '}
                      {pathOf(trace.http.url)}
                    </span>
                  ) : (
                    <span className={MUTED}>—</span>
                  )}
                </td>
                <td className={`px-3 py-2 tabular-nums ${statusTone(trace.http.status)}`}>
                  {trace.http.status ?? '—'}
                </td>
                <td className="px-3 py-2">
                  <OutcomeBadges
                    fault={trace.hasFault}
                    error={trace.hasError}
                    throttle={trace.hasThrottle}
                    partial={trace.isPartial}
                  />
                </td>
                <td className={`px-3 py-2 text-xs ${MUTED}`}>{trace.services.join(', ')}</td>
                <td className="px-3 py-2">
                  <Annotations annotations={trace.annotations} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The path and query of a URL (the host is the same for most of a service's requests). */
function pathOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
