import type { ServiceMapStats } from '@deckhand/shared';
import { MUTED } from '../../../components/ui/styles';
import {
  formatLatency,
  formatRate,
  formatShare,
  healthShares,
  OUTCOME_LABELS,
} from '../lib/service-map-model';
import { OUTCOME_SWATCH } from './service-map-ring';

const NUMBER = 'px-3 py-2 text-right tabular-nums';

/** Requests/min, average latency and the ok/4xx/429/5xx shares as table cells. */
export function StatsCells({ stats, rate }: { stats: ServiceMapStats; rate: number }) {
  return (
    <>
      <td className={NUMBER}>{formatRate(rate)}</td>
      <td className={NUMBER}>{formatLatency(stats.avgResponseTime)}</td>
      {healthShares(stats).map((share) => (
        <td key={share.outcome} className={NUMBER}>
          {formatShare(share.share)}{' '}
          <span className={`text-xs ${MUTED}`}>({share.count.toLocaleString('en-US')})</span>
        </td>
      ))}
    </>
  );
}

export const STATS_HEADERS = ['Requests/min', 'Avg latency', 'OK', '4xx', '429', '5xx'] as const;

/** The same numbers as a description list, for the details panel. */
export function StatsList({ stats, rate }: { stats: ServiceMapStats; rate: number }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className={MUTED}>Requests</dt>
      <dd className="tabular-nums">
        {stats.total.toLocaleString('en-US')} · {formatRate(rate)}/min
      </dd>
      <dt className={MUTED}>Avg latency</dt>
      <dd className="tabular-nums">{formatLatency(stats.avgResponseTime)}</dd>
      {healthShares(stats).map((share) => (
        <div key={share.outcome} className="contents">
          <dt className={`flex items-center gap-1.5 ${MUTED}`}>
            <span
              aria-hidden="true"
              className={`size-2.5 rounded-full ${OUTCOME_SWATCH[share.outcome]}`}
            />
            {OUTCOME_LABELS[share.outcome]}
          </dt>
          <dd className="tabular-nums">
            {formatShare(share.share)} ({share.count.toLocaleString('en-US')})
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What the ring's colours mean. */
export function RingLegend() {
  return (
    <ul aria-label="Health ring colours" className={`flex flex-wrap gap-3 text-xs ${MUTED}`}>
      {(['ok', 'error', 'throttle', 'fault'] as const).map((outcome) => (
        <li key={outcome} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`size-2.5 rounded-full ${OUTCOME_SWATCH[outcome]}`} />
          {
            { ok: 'OK', error: '4xx errors', throttle: '429 throttles', fault: '5xx faults' }[
              outcome
            ]
          }
        </li>
      ))}
    </ul>
  );
}
