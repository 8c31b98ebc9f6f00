import { ScanSeverity } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { LINK, MUTED, PANEL } from '../../../components/ui/styles';
import { formatTime } from '../../../lib/format';
import { regionSearch, withParam } from '../../../lib/url-state';
import { findingsQueryOptions } from '../api/registry-queries';
import { filterFindings, formatSeverities, parseSeverities, toggleSeverity } from '../lib/findings';
import { shortDigest } from '../lib/format-bytes';
import { FindingsTable } from './findings-table';
import { scanStatusLabel } from './scan-summary';
import { SeverityBar } from './severity-bar';

const COUNT_KEY = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
  INFORMATIONAL: 'informational',
  UNDEFINED: 'undefined',
} as const;

/**
 * The scan findings of one image (`/registry/:repository/images/:digest`), filtered by severity
 * (`?severity=CRITICAL,HIGH`, kept in the URL); links back to the image in its repository.
 */
export function ImageFindingsPage() {
  const { repository = '', digest = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const severities = parseSeverities(params.get('severity'));
  const findings = useQuery(findingsQueryOptions({ region, repository }, digest));
  const data = findings.data;
  const shown = data ? filterFindings(data.findings, severities) : [];
  const repositoryPath = `/registry/${encodeURIComponent(repository)}`;
  const imageSearch = withParam(new URLSearchParams(regionSearch(region)), 'digest', digest);

  const onToggle = (severity: ScanSeverity) =>
    setParams(
      (current) =>
        withParam(current, 'severity', formatSeverities(toggleSeverity(severities, severity))),
      { replace: true },
    );

  return (
    <section aria-labelledby="findings-heading" className="space-y-4">
      <header className="space-y-1">
        <nav aria-label="Breadcrumb" className={`text-sm ${MUTED}`}>
          <Link to={`/registry${regionSearch(region)}`} className={LINK}>
            Registry
          </Link>{' '}
          /{' '}
          <Link to={`${repositoryPath}?${imageSearch.toString()}`} className={LINK}>
            {repository}
          </Link>
        </nav>
        <h1 id="findings-heading" className="text-xl font-semibold tracking-tight">
          Findings of {repository}@{shortDigest(digest)}
        </h1>
        <p className={`font-mono text-xs break-all ${MUTED}`}>{digest}</p>
        {data && (
          <p className={`flex flex-wrap items-center gap-3 text-sm ${MUTED}`}>
            <span>{scanStatusLabel(data.scanStatus)}</span>
            {data.completedAt && (
              <span>
                completed <time dateTime={data.completedAt}>{formatTime(data.completedAt)}</time>
              </span>
            )}
            <SeverityBar counts={data.counts} />
            <StaleBadge stale={data.stale} asOf={data.asOf} />
          </p>
        )}
      </header>

      <div role="group" aria-label="Filter by severity" className="flex flex-wrap gap-2">
        {ScanSeverity.options.map((severity) => (
          <button
            key={severity}
            type="button"
            aria-pressed={severities.includes(severity)}
            onClick={() => onToggle(severity)}
            className={`rounded-full px-3 py-1 text-xs font-medium ring-1 focus-visible:outline-2 focus-visible:outline-sky-500 ${
              severities.includes(severity)
                ? 'bg-sky-700 text-white ring-sky-700 dark:bg-sky-500 dark:text-slate-950'
                : 'text-slate-700 ring-slate-300 hover:bg-slate-100 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800'
            }`}
          >
            {severity.charAt(0)}
            {severity.slice(1).toLowerCase()}
            {data ? ` ${data.counts[COUNT_KEY[severity]]}` : ''}
          </button>
        ))}
      </div>

      {findings.isError ? (
        <QueryError title="The findings could not be loaded" query={findings} />
      ) : !data ? (
        <Skeleton label="findings" rows={5} />
      ) : data.findings.length === 0 ? (
        <EmptyState title={data.scanStatus === 'COMPLETE' ? 'No findings.' : 'No scan results.'}>
          {scanStatusLabel(data.scanStatus)}.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title="No finding of the selected severities.">
          Clear the filter to see all {data.findings.length} findings.
        </EmptyState>
      ) : (
        <div className={`${PANEL} overflow-x-auto`}>
          <FindingsTable findings={shown} />
        </div>
      )}
    </section>
  );
}
