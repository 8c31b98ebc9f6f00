import type { ConversionNote, LintFinding, Severity } from '@deckhand/shared/taskdef';
import type { Ref } from 'react';
import { LINK, MUTED, PANEL } from '../../../components/ui/styles';

const SEVERITIES: readonly { severity: Severity; one: string; many: string }[] = [
  { severity: 'error', one: 'error', many: 'errors' },
  { severity: 'warning', one: 'warning', many: 'warnings' },
  { severity: 'info', one: 'info', many: 'info' },
];

const TONE: Record<Severity, string> = {
  error: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200',
  info: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-200',
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function FindingItem({
  finding,
  onReveal,
  onApplyFix,
}: {
  finding: LintFinding;
  onReveal: (path: string) => void;
  onApplyFix?: ((finding: LintFinding) => void) | undefined;
}) {
  return (
    <li className="flex flex-wrap items-start gap-x-2 gap-y-1 px-3 py-2 text-sm">
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONE[finding.severity]}`}>
        {finding.severity}
      </span>
      <div className="min-w-0 flex-1">
        <button
          type="button"
          data-finding={finding.severity}
          onClick={() => onReveal(finding.path)}
          className="text-left hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-sky-500"
        >
          {finding.message}
          {finding.path && (
            <>
              {' '}
              <code className={`font-mono text-xs break-all ${MUTED}`}>{finding.path}</code>
            </>
          )}
        </button>
        <div className={`flex flex-wrap gap-x-3 text-xs ${MUTED}`}>
          <span className="font-mono">{finding.ruleId}</span>
          {finding.docUrl && (
            <a href={finding.docUrl} target="_blank" rel="noreferrer" className={LINK}>
              AWS docs<span className="sr-only"> for {finding.ruleId}</span>
            </a>
          )}
        </div>
        {finding.fix && onApplyFix && (
          <button
            type="button"
            onClick={() => onApplyFix(finding)}
            className="mt-1 rounded px-2 py-0.5 text-xs font-medium ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-600 dark:hover:bg-slate-800"
          >
            Fix: {finding.fix.title}
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * The lint panel: findings grouped by severity with counts (the BFF's, when it refused a
 * register, above the live ones), and the importer's notes (unknown fields, placeholders) as info.
 * Clicking an item reveals its path in the editors.
 */
export function LintPanel({
  findings,
  serverFindings,
  notes,
  onReveal,
  onApplyFix,
  ref,
}: {
  findings: readonly LintFinding[];
  serverFindings?: readonly LintFinding[] | undefined;
  notes: readonly ConversionNote[];
  onReveal: (path: string) => void;
  onApplyFix?: ((finding: LintFinding) => void) | undefined;
  ref?: Ref<HTMLElement>;
}) {
  const count = (severity: Severity) =>
    findings.filter((finding) => finding.severity === severity).length +
    (severity === 'info' ? notes.length : 0);
  const total = findings.length + notes.length;

  return (
    <section
      ref={ref}
      aria-labelledby="lint-heading"
      tabIndex={-1}
      className={`${PANEL} outline-none`}
    >
      <header className="flex flex-wrap items-baseline gap-x-3 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 id="lint-heading" className="text-sm font-semibold">
          Lint
        </h2>
        <p className={`text-xs ${MUTED}`} aria-live="polite">
          {SEVERITIES.map(({ severity, one, many }) => plural(count(severity), one, many)).join(
            ' · ',
          )}
        </p>
      </header>
      {serverFindings && serverFindings.length > 0 && (
        <section
          aria-label="Refused by the server"
          className="border-b border-red-200 dark:border-red-900"
        >
          <h3 className="px-3 pt-2 text-xs font-semibold text-red-800 uppercase dark:text-red-300">
            Refused by the server ({serverFindings.length})
          </h3>
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {serverFindings.map((finding, index) => (
              <FindingItem
                key={`${finding.ruleId}-${finding.path}-${index}`}
                finding={finding}
                onReveal={onReveal}
              />
            ))}
          </ul>
        </section>
      )}
      {total === 0 ? (
        <p role="status" className={`px-3 py-3 text-sm ${MUTED}`}>
          No findings: the task definition lints clean.
        </p>
      ) : (
        SEVERITIES.map(({ severity, one, many }) => {
          const items = findings.filter((finding) => finding.severity === severity);
          const withNotes = severity === 'info' ? notes : [];
          if (items.length + withNotes.length === 0) return null;
          const label = plural(items.length + withNotes.length, one, many);
          return (
            <section key={severity} aria-label={label}>
              <h3 className={`px-3 pt-2 text-xs font-semibold uppercase ${MUTED}`}>{label}</h3>
              <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                {items.map((finding, index) => (
                  <FindingItem
                    key={`${finding.ruleId}-${finding.path}-${index}`}
                    finding={finding}
                    onReveal={onReveal}
                    onApplyFix={onApplyFix}
                  />
                ))}
                {withNotes.map((note, index) => (
                  <li key={`note-${note.path}-${index}`} className="flex gap-2 px-3 py-2 text-sm">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONE.info}`}>
                      import
                    </span>
                    <button
                      type="button"
                      onClick={() => onReveal(note.path)}
                      className="text-left hover:underline"
                    >
                      {note.message}
                      {note.path && (
                        <>
                          {' '}
                          <code className={`font-mono text-xs ${MUTED}`}>{note.path}</code>
                        </>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
    </section>
  );
}
