import type { StreamStatus } from '../../lib/event-stream';
import { formatTime } from '../../lib/format';

const STYLES: Record<StreamStatus, { dot: string; text: string }> = {
  live: { dot: 'bg-emerald-500 animate-pulse', text: 'text-emerald-700 dark:text-emerald-300' },
  connecting: { dot: 'bg-slate-400', text: 'text-slate-600 dark:text-slate-300' },
  reconnecting: { dot: 'bg-amber-500', text: 'text-amber-700 dark:text-amber-300' },
  stopped: { dot: 'bg-red-500', text: 'text-red-700 dark:text-red-300' },
};

/** Says whether what the page shows follows the live feed, and since when it is stale if not. */
export function LiveIndicator({
  status,
  staleSince,
}: {
  status: StreamStatus;
  staleSince: number | undefined;
}) {
  const asOf = staleSince === undefined ? '' : ` · as of ${formatTime(staleSince)}`;
  const text =
    status === 'live'
      ? 'Live'
      : status === 'connecting'
        ? 'Connecting…'
        : status === 'reconnecting'
          ? `Reconnecting${asOf}`
          : `Stale${asOf}`;
  const style = STYLES[status];
  return (
    <p
      role="status"
      aria-label="Live updates"
      data-testid="live-indicator"
      data-state={status}
      className={`inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-xs font-medium ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700 ${style.text}`}
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${style.dot}`} />
      {text}
    </p>
  );
}
