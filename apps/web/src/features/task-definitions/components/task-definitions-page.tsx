import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { SortHeader } from '../../../components/ui/sort-header';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { LINK, MUTED, PANEL, ROW, SEARCH_INPUT, TABLE_HEAD } from '../../../components/ui/styles';
import { formatSort, parseSort, regionSearch, toggleSort, withParam } from '../../../lib/url-state';
import { familiesQueryOptions } from '../api/task-definitions-queries';
import { newTaskDefinitionPath } from '../studio/lib/links';
import {
  DEFAULT_FAMILY_SORT,
  FAMILY_SORT_KEYS,
  filterFamilies,
  sortFamilies,
  type FamilySortKey,
} from '../lib/families';

/** Every task definition family of the region, filterable and sortable (both kept in the URL). */
export function TaskDefinitionsPage() {
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const filter = params.get('q') ?? '';
  const sort = parseSort(params.get('sort'), FAMILY_SORT_KEYS, DEFAULT_FAMILY_SORT);
  const families = useQuery(familiesQueryOptions(region));
  const all = families.data?.families;
  const shown = all ? sortFamilies(filterFamilies(all, filter), sort) : [];
  const keep = regionSearch(region);

  const setParam = (key: string, value: string) =>
    setParams((current) => withParam(current, key, value), { replace: true });
  const onSort = (column: FamilySortKey) => setParam('sort', formatSort(toggleSort(sort, column)));

  return (
    <section aria-labelledby="task-definitions-heading" className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="task-definitions-heading" className="text-xl font-semibold tracking-tight">
            Task definitions
          </h1>
          <p className={`text-sm ${MUTED}`}>
            {all
              ? `${shown.length} of ${all.length} families${families.isFetching ? ' · refreshing…' : ''}`
              : 'Task definition families in this region'}{' '}
            <StaleBadge stale={families.data?.stale} asOf={families.data?.asOf} />
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Link
            to={newTaskDefinitionPath(region)}
            className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-sky-700 dark:hover:bg-sky-600"
          >
            New task definition
          </Link>
          <input
            type="search"
            aria-label="Filter task definitions"
            data-page-filter
            value={filter}
            onChange={(event) => setParam('q', event.target.value)}
            placeholder="Filter by family name"
            className={SEARCH_INPUT}
          />
        </div>
      </header>

      {families.isError ? (
        <QueryError title="Task definitions could not be loaded" query={families} />
      ) : families.isPending ? (
        <Skeleton label="task definitions" rows={4} />
      ) : all && all.length === 0 ? (
        <EmptyState title="No task definitions in this region.">
          Register one with{' '}
          <code className="font-mono">
            aws ecs register-task-definition --cli-input-json file://taskdef.json
          </code>
          , then it shows here.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title={`No family matches “${filter}”.`}>
          Clear the filter to see all {all?.length ?? 0} families.
        </EmptyState>
      ) : (
        <div className={PANEL}>
          <table className="w-full text-left text-sm">
            <thead className={TABLE_HEAD}>
              <tr>
                <SortHeader label="Family" column="name" sort={sort} onSort={onSort} />
                <SortHeader
                  label="Latest revision"
                  column="latestRevision"
                  sort={sort}
                  onSort={onSort}
                  align="right"
                />
                <SortHeader
                  label="Active revisions"
                  column="activeRevisions"
                  sort={sort}
                  onSort={onSort}
                  align="right"
                />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {shown.map((family) => {
                const path = `/task-definitions/${encodeURIComponent(family.name)}`;
                return (
                  <tr key={family.name} className={ROW}>
                    <th scope="row" className="px-4 py-3 font-normal">
                      <Link to={`${path}${keep}`} className={LINK}>
                        {family.name}
                      </Link>
                    </th>
                    <td className="px-4 py-3 text-right tabular-nums">
                      {family.latestRevision === undefined ? (
                        <span className={MUTED}>none active</span>
                      ) : (
                        <Link
                          to={`${path}/${family.latestRevision}${keep}`}
                          aria-label={`${family.name}:${family.latestRevision}`}
                          className={LINK}
                        >
                          {family.latestRevision}
                        </Link>
                      )}
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">{family.activeRevisions}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
