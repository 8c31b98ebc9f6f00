import type { ImageScan } from '@deckhand/shared';
import { MUTED } from '../../../components/ui/styles';

const SEVERITIES = [
  {
    key: 'critical',
    label: 'Critical',
    style: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100',
  },
  {
    key: 'high',
    label: 'High',
    style: 'bg-orange-100 text-orange-900 dark:bg-orange-900/50 dark:text-orange-100',
  },
  {
    key: 'medium',
    label: 'Medium',
    style: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  },
  {
    key: 'low',
    label: 'Low',
    style: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  },
] as const;

const STATUS: Record<string, string> = {
  COMPLETE: 'Scanned',
  IN_PROGRESS: 'Scanning…',
  FAILED: 'Scan failed',
  NOT_SCANNED: 'Not scanned',
  UNSUPPORTED_IMAGE: 'Unsupported',
};

/** The scan status and the findings per severity (zero counts left out). */
export function ScanSummary({ scan }: { scan: ImageScan }) {
  const found = SEVERITIES.filter((severity) => scan.counts[severity.key] > 0);
  return (
    <div className="space-y-1">
      <span className={`text-xs ${MUTED}`}>{STATUS[scan.status] ?? scan.status}</span>
      {scan.status === 'COMPLETE' && (
        <ul aria-label="Findings by severity" className="flex flex-wrap gap-1">
          {found.length === 0 ? (
            <li className="text-xs text-emerald-800 dark:text-emerald-300">no findings</li>
          ) : (
            found.map((severity) => (
              <li
                key={severity.key}
                className={`rounded px-1.5 py-0.5 text-xs font-medium tabular-nums ${severity.style}`}
              >
                {severity.label} {scan.counts[severity.key]}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
