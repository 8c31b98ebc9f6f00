import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { CopyButton } from '../../../components/ui/copy-button';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { LINK, MUTED, PANEL, ROW, TABLE_HEAD } from '../../../components/ui/styles';
import { formatTime } from '../../../lib/format';
import { regionSearch } from '../../../lib/url-state';
import { revisionsQueryOptions } from '../api/task-definitions-queries';
import { comparePath, editRevisionPath } from '../studio/lib/links';
import { TaskDefinitionsBreadcrumb } from './breadcrumb';
import { STATUS_BADGE } from './styles';

/** One family's revisions, newest first, each linking to its definition. */
export function TaskDefinitionFamilyPage() {
  const { family = '' } = useParams();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const revisions = useQuery(revisionsQueryOptions({ region, family }));
  const list = revisions.data?.revisions;
  const active = list?.filter((revision) => revision.status === 'ACTIVE').length ?? 0;
  const newest = list?.[0];

  return (
    <section aria-labelledby="family-heading" className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <TaskDefinitionsBreadcrumb region={region} />
          <h1 id="family-heading" className="text-xl font-semibold tracking-tight">
            {family}
          </h1>
          <p className={`text-sm ${MUTED}`}>
            {list ? `${list.length} revisions · ${active} active` : 'Revisions of this family'}{' '}
            <StaleBadge stale={revisions.data?.stale} asOf={revisions.data?.asOf} />
          </p>
        </div>
        {newest && (
          <p className="flex flex-wrap gap-x-3 text-sm">
            <Link to={editRevisionPath(family, newest.revision, region)} className={LINK}>
              New revision from {family}:{newest.revision}
            </Link>
            {list.length > 1 && (
              <Link to={comparePath(family, {}, region)} className={LINK}>
                Compare revisions
              </Link>
            )}
          </p>
        )}
      </header>

      {revisions.isError ? (
        <QueryError title="The revisions could not be loaded" query={revisions} />
      ) : revisions.isPending ? (
        <Skeleton label="revisions" rows={4} />
      ) : revisions.data.revisions.length === 0 ? (
        <EmptyState title={`The family ${family} has no revisions.`}>
          Register a revision with{' '}
          <code className="font-mono">aws ecs register-task-definition</code>.
        </EmptyState>
      ) : (
        <div className={PANEL}>
          <table className="w-full text-left text-sm">
            <thead className={TABLE_HEAD}>
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Revision
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Registered
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  ARN
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {revisions.data.revisions.map((revision, index, all) => (
                <tr key={revision.arn} className={ROW}>
                  <th scope="row" className="px-4 py-3 font-normal">
                    <Link
                      to={`/task-definitions/${encodeURIComponent(family)}/${revision.revision}${regionSearch(region)}`}
                      className={`${LINK} font-mono`}
                    >
                      {family}:{revision.revision}
                    </Link>
                  </th>
                  <td className="px-4 py-3">
                    <span
                      className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_BADGE[revision.status] ?? ''}`}
                    >
                      {revision.status}
                    </span>
                  </td>
                  <td className="px-4 py-3 tabular-nums">
                    {revision.registeredAt ? (
                      <time dateTime={revision.registeredAt}>
                        {formatTime(revision.registeredAt)}
                      </time>
                    ) : (
                      <span className={MUTED}>—</span>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <span className="mr-2 font-mono text-xs break-all">{revision.arn}</span>
                    <CopyButton
                      value={revision.arn}
                      label={`ARN of ${family}:${revision.revision}`}
                    />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {/* Newest first: the next row down is the previous revision. */}
                    {all[index + 1] && (
                      <Link
                        to={comparePath(
                          family,
                          { from: all[index + 1]?.revision, to: revision.revision },
                          region,
                        )}
                        aria-label={`Compare ${family}:${revision.revision} with previous`}
                        className={LINK}
                      >
                        Compare with previous
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
