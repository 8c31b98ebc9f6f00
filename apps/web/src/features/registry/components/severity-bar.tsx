import type { ScanSeverityCounts } from '@deckhand/shared';

/** The five severities the bar draws, worst first, with literal classes (so Tailwind finds them). */
export const BAR_SEVERITIES = [
  { key: 'critical', label: 'critical', fill: 'bg-red-600 dark:bg-red-500' },
  { key: 'high', label: 'high', fill: 'bg-orange-500 dark:bg-orange-400' },
  { key: 'medium', label: 'medium', fill: 'bg-amber-400 dark:bg-amber-300' },
  { key: 'low', label: 'low', fill: 'bg-sky-400 dark:bg-sky-300' },
  { key: 'informational', label: 'informational', fill: 'bg-slate-400 dark:bg-slate-500' },
] as const;

/** "2 critical, 1 high, 0 medium, 7 low, 0 informational": every count, zeros included. */
export function severityLabel(counts: ScanSeverityCounts): string {
  return BAR_SEVERITIES.map((severity) => `${counts[severity.key]} ${severity.label}`).join(', ');
}

/**
 * The findings of a scan as one small stacked bar, each severity's share of the findings. To
 * assistive technology it is one image whose name lists every count.
 */
export function SeverityBar({ counts }: { counts: ScanSeverityCounts }) {
  const total = BAR_SEVERITIES.reduce((sum, severity) => sum + counts[severity.key], 0);
  const label = `Findings: ${severityLabel(counts)}`;
  return (
    <span className="inline-flex items-center gap-2 align-middle">
      <span
        role="img"
        aria-label={label}
        title={label}
        className="inline-flex h-2.5 w-24 overflow-hidden rounded-sm bg-emerald-200 dark:bg-emerald-900"
      >
        {BAR_SEVERITIES.map((severity) =>
          counts[severity.key] > 0 ? (
            <span
              key={severity.key}
              className={severity.fill}
              style={{ width: `${(counts[severity.key] / total) * 100}%` }}
            />
          ) : null,
        )}
      </span>
      <span className="text-xs tabular-nums" aria-hidden="true">
        {total === 0
          ? 'none'
          : counts.critical + counts.high > 0
            ? `${counts.critical}C ${counts.high}H`
            : total}
      </span>
    </span>
  );
}
