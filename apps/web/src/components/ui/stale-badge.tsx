import { formatTime } from '../../lib/format';

/**
 * Marks data the BFF served from its cache because AWS failed (throttled, down, timed out):
 * the page keeps showing it, with the time it is from.
 */
export function StaleBadge({ stale, asOf }: { stale: boolean | undefined; asOf?: string }) {
  if (!stale) return null;
  return (
    <span
      role="status"
      title="AWS did not answer; this is the last good data."
      className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
    >
      Stale{asOf ? ` · as of ${formatTime(asOf)}` : ''}
    </span>
  );
}
