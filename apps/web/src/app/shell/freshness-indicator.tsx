import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { formatTime } from '../../lib/format';
import { freshnessSnapshot, parseFreshnessSnapshot } from './cache-freshness';

/**
 * The console-wide freshness badge: "Stale · as of HH:MM:SS" (amber) when any answer on screen is
 * the last good one after AWS failed, "Fresh" otherwise. Follows the query cache as it changes.
 */
export function FreshnessIndicator() {
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const snapshot = useSyncExternalStore(subscribe, () => freshnessSnapshot(cache));
  const freshness = parseFreshnessSnapshot(snapshot);
  if (freshness.state === 'none') return null;
  const stale = freshness.state === 'stale';
  const asOf = freshness.asOf === undefined ? '' : formatTime(freshness.asOf);
  return (
    <p
      role="status"
      aria-label="Data freshness"
      data-state={freshness.state}
      title={asOf ? `Data as of ${asOf}` : undefined}
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${
        stale
          ? 'bg-amber-400/15 text-amber-200 ring-amber-400/50'
          : 'bg-emerald-400/10 text-emerald-200 ring-emerald-400/40'
      }`}
    >
      <span
        aria-hidden="true"
        className={`h-1.5 w-1.5 rounded-full ${stale ? 'bg-amber-400' : 'bg-emerald-400'}`}
      />
      {stale ? `Stale${asOf ? ` · as of ${asOf}` : ''}` : 'Fresh'}
    </p>
  );
}
