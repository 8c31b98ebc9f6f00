import type { LintFinding } from '@deckhand/shared/taskdef';
import { countSeverities, describeCounts, type SeverityCounts } from './lib/anchors';
import { useApplyFix } from './form-context';

const TONE: Record<LintFinding['severity'], { icon: string; text: string; word: string }> = {
  error: { icon: '✖', text: 'text-red-700 dark:text-red-400', word: 'Error' },
  warning: { icon: '▲', text: 'text-amber-700 dark:text-amber-400', word: 'Warning' },
  info: { icon: 'ℹ', text: 'text-sky-700 dark:text-sky-400', word: 'Note' },
};

/** The findings shown at one field: severity, message, rule id, docs link and the Fix button. */
export function FindingList({ id, findings }: { id?: string; findings: readonly LintFinding[] }) {
  const applyFix = useApplyFix();
  if (findings.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-1">
      {findings.map((finding, index) => {
        const tone = TONE[finding.severity];
        return (
          <li
            key={`${finding.ruleId}-${finding.path}-${index}`}
            data-rule={finding.ruleId}
            className="flex gap-1.5 text-xs leading-5"
          >
            <span aria-hidden="true" className={`shrink-0 ${tone.text}`}>
              {tone.icon}
            </span>
            <span className="min-w-0">
              <span className="sr-only">{tone.word}: </span>
              <span className="text-slate-800 dark:text-slate-200">{finding.message}</span>{' '}
              <code className="text-[11px] text-slate-500 dark:text-slate-400">
                {finding.ruleId}
              </code>
              {finding.docUrl && (
                <>
                  {' '}
                  <a
                    href={finding.docUrl}
                    target="_blank"
                    rel="noreferrer"
                    className="text-sky-700 underline dark:text-sky-300"
                  >
                    docs
                  </a>
                </>
              )}
              {finding.fix && applyFix && (
                <button
                  type="button"
                  onClick={() => applyFix(finding)}
                  className="ml-2 rounded bg-sky-50 px-1.5 py-0 font-medium text-sky-800 ring-1 ring-sky-300 hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800 dark:hover:bg-sky-900"
                >
                  Fix: {finding.fix.title}
                </button>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

const CHIP: Record<keyof SeverityCounts, string> = {
  error: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  info: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
};

/** "2 errors, 1 warning" for a section or container header; nothing when clean. */
export function FindingsCount({
  findings,
}: {
  findings: readonly { severity: LintFinding['severity'] }[];
}) {
  const counts = countSeverities(findings);
  const text = describeCounts(counts);
  if (!text) return null;
  const worst = counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'info';
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${CHIP[worst]}`}>
      {text}
    </span>
  );
}
