import type { ScanFinding, ScanSeverity } from '@deckhand/shared';
import { LINK, MUTED, ROW, TABLE_HEAD } from '../../../components/ui/styles';

const SEVERITY_STYLE: Record<ScanSeverity, string> = {
  CRITICAL: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100',
  HIGH: 'bg-orange-100 text-orange-900 dark:bg-orange-900/50 dark:text-orange-100',
  MEDIUM: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  LOW: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100',
  INFORMATIONAL: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  UNDEFINED: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
};

/** Only web links become links (a finding's `uri` comes from a scanner's database). */
const isWebLink = (uri: string | undefined): uri is string => !!uri && /^https?:\/\//i.test(uri);

/** Scan findings, worst first: severity, vulnerability (linked), package and version, description. */
export function FindingsTable({ findings }: { findings: readonly ScanFinding[] }) {
  return (
    <table aria-label="Findings" className="w-full text-left text-sm">
      <thead className={TABLE_HEAD}>
        <tr>
          {['Severity', 'Vulnerability', 'Package', 'Version', 'Description'].map((column) => (
            <th key={column} scope="col" className="px-4 py-2 font-medium">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {findings.map((finding, index) => (
          <tr key={`${finding.name}/${finding.package ?? ''}/${index}`} className={ROW}>
            <td className="px-4 py-2">
              <span
                className={`rounded px-1.5 py-0.5 text-xs font-medium ${SEVERITY_STYLE[finding.severity]}`}
              >
                {finding.severity.toLowerCase()}
              </span>
            </td>
            <th scope="row" className="px-4 py-2 font-mono text-xs font-medium whitespace-nowrap">
              {isWebLink(finding.uri) ? (
                <a href={finding.uri} target="_blank" rel="noreferrer noopener" className={LINK}>
                  {finding.name}
                </a>
              ) : (
                finding.name
              )}
            </th>
            <td className="px-4 py-2 font-mono text-xs">{finding.package ?? '—'}</td>
            <td className="px-4 py-2 font-mono text-xs">{finding.packageVersion ?? '—'}</td>
            <td className={`max-w-xl px-4 py-2 text-xs ${MUTED}`}>{finding.description ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
