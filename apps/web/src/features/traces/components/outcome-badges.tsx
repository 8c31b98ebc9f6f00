import type { SpanTone } from '../lib/timeline';
import { TONE_BADGE } from './styles';

const LABELS: Record<Exclude<SpanTone, 'ok'>, string> = {
  fault: 'Fault',
  error: 'Error',
  throttle: 'Throttle',
};

/** Fault (5xx), error (4xx) and throttle (429) flags as badges; nothing when all is well. */
export function OutcomeBadges({
  fault,
  error,
  throttle,
  partial = false,
}: {
  fault: boolean;
  error: boolean;
  throttle: boolean;
  partial?: boolean;
}) {
  const flags = (['fault', 'error', 'throttle'] as const).filter(
    (tone) => ({ fault, error, throttle })[tone],
  );
  if (flags.length === 0 && !partial) return null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {flags.map((tone) => (
        <span
          key={tone}
          className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONE_BADGE[tone]}`}
        >
          {LABELS[tone]}
        </span>
      ))}
      {partial && (
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">
          In progress
        </span>
      )}
    </span>
  );
}
