import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { INPUT, LINK, MUTED } from '../../../components/ui/styles';
import { regionSearch } from '../../../lib/url-state';
import { revisionsQueryOptions, taskDefinitionQueryOptions } from '../api/task-definitions-queries';
import { TaskDefinitionsBreadcrumb } from '../components/breadcrumb';
import { compareDefaults } from './lib/compare-defaults';
import { TaskDefinitionDiff } from './task-definition-diff';

function RevisionSelect({
  label,
  value,
  options,
  family,
  onChange,
}: {
  label: string;
  value: number | undefined;
  options: readonly { revision: number; status: string }[];
  family: string;
  onChange: (revision: string) => void;
}) {
  const listed = value === undefined || options.some((option) => option.revision === value);
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <select
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        className={`${INPUT} font-mono`}
      >
        {value === undefined && <option value="">—</option>}
        {!listed && (
          <option value={value}>
            {family}:{value}
          </option>
        )}
        {options.map((option) => (
          <option key={option.revision} value={option.revision}>
            {family}:{option.revision}
            {option.status === 'ACTIVE' ? '' : ` (${option.status.toLowerCase()})`}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Two revisions of a family side by side (`?from=&to=` in the URL; `to` defaults to the newest,
 * `from` to the revision before it): the semantic summary and the normalised JSON diff.
 */
export function CompareRevisionsPage() {
  const { family = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const revisions = useQuery(revisionsQueryOptions({ region, family }));
  const list = revisions.data?.revisions;
  const { from, to } = compareDefaults({ from: params.get('from'), to: params.get('to') }, list);
  const before = useQuery({
    ...taskDefinitionQueryOptions({ region, family, revision: from ?? 0 }),
    enabled: from !== undefined,
  });
  const after = useQuery({
    ...taskDefinitionQueryOptions({ region, family, revision: to ?? 0 }),
    enabled: to !== undefined,
  });
  const keep = regionSearch(region);
  const revisionLink = (revision: number) =>
    `/task-definitions/${encodeURIComponent(family)}/${revision}${keep}`;

  const choose = (key: 'from' | 'to', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        // The URL holds both ends, so a shared link shows the same comparison.
        if (from !== undefined) next.set('from', String(from));
        if (to !== undefined) next.set('to', String(to));
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const failed = [before, after].find((query) => query.isError);
  const beforeDoc = before.data?.taskDefinition;
  const afterDoc = after.data?.taskDefinition;

  return (
    <section aria-labelledby="compare-heading" className="space-y-4">
      <header className="space-y-3">
        <div>
          <TaskDefinitionsBreadcrumb region={region} family={family} />
          <h1 id="compare-heading" className="text-xl font-semibold tracking-tight">
            Compare revisions of <span className="font-mono">{family}</span>
          </h1>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <RevisionSelect
            label="From revision"
            value={from}
            options={list ?? []}
            family={family}
            onChange={(value) => choose('from', value)}
          />
          <span aria-hidden="true" className={`pb-2 ${MUTED}`}>
            →
          </span>
          <RevisionSelect
            label="To revision"
            value={to}
            options={list ?? []}
            family={family}
            onChange={(value) => choose('to', value)}
          />
          {from !== undefined && to !== undefined && (
            <p className={`pb-2 text-sm ${MUTED}`}>
              <Link to={revisionLink(from)} className={LINK}>
                Open {family}:{from}
              </Link>
              {' · '}
              <Link to={revisionLink(to)} className={LINK}>
                Open {family}:{to}
              </Link>
            </p>
          )}
        </div>
      </header>

      {revisions.isError && to === undefined ? (
        <QueryError title="The revisions could not be loaded" query={revisions} />
      ) : list && to === undefined ? (
        <EmptyState title={`The family ${family} has no revisions.`} />
      ) : to !== undefined && from === undefined && list ? (
        <EmptyState title={`${family}:${to} is the first revision.`}>
          There is no earlier revision to compare it with; pick another one above.
        </EmptyState>
      ) : failed ? (
        <QueryError title="A revision could not be loaded" query={failed} />
      ) : beforeDoc && afterDoc && from !== undefined && to !== undefined ? (
        <TaskDefinitionDiff
          before={beforeDoc}
          after={afterDoc}
          beforeLabel={`${family}:${from}`}
          afterLabel={`${family}:${to}`}
        />
      ) : (
        <Skeleton label="revisions to compare" rows={6} />
      )}
    </section>
  );
}
