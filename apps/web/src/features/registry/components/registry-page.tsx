import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { CopyButton } from '../../../components/ui/copy-button';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { SortHeader } from '../../../components/ui/sort-header';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { LINK, MUTED, PANEL, ROW, SEARCH_INPUT, TABLE_HEAD } from '../../../components/ui/styles';
import { formatTime } from '../../../lib/format';
import { formatSort, parseSort, regionSearch, toggleSort, withParam } from '../../../lib/url-state';
import { repositoriesQueryOptions } from '../api/registry-queries';
import {
  DEFAULT_REPOSITORY_SORT,
  filterRepositories,
  REPOSITORY_SORT_KEYS,
  sortRepositories,
  type RepositorySortKey,
} from '../lib/repositories';

/** Every ECR repository of the region, filterable and sortable (both kept in the URL). */
export function RegistryPage() {
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const filter = params.get('q') ?? '';
  const sort = parseSort(params.get('sort'), REPOSITORY_SORT_KEYS, DEFAULT_REPOSITORY_SORT);
  const repositories = useQuery(repositoriesQueryOptions(region));
  const all = repositories.data?.repositories;
  const shown = all ? sortRepositories(filterRepositories(all, filter), sort) : [];

  const setParam = (key: string, value: string) =>
    setParams((current) => withParam(current, key, value), { replace: true });
  const onSort = (column: RepositorySortKey) =>
    setParam('sort', formatSort(toggleSort(sort, column)));

  return (
    <section aria-labelledby="registry-heading" className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="registry-heading" className="text-xl font-semibold tracking-tight">
            Registry
          </h1>
          <p className={`text-sm ${MUTED}`}>
            {all
              ? `${shown.length} of ${all.length} repositories${repositories.isFetching ? ' · refreshing…' : ''}`
              : 'ECR repositories in this region'}{' '}
            <StaleBadge stale={repositories.data?.stale} asOf={repositories.data?.asOf} />
          </p>
        </div>
        <input
          type="search"
          aria-label="Filter repositories"
          data-page-filter
          value={filter}
          onChange={(event) => setParam('q', event.target.value)}
          placeholder="Filter by name or URI"
          className={SEARCH_INPUT}
        />
      </header>

      {repositories.isError ? (
        <QueryError title="Repositories could not be loaded" query={repositories} />
      ) : repositories.isPending ? (
        <Skeleton label="repositories" rows={4} />
      ) : all && all.length === 0 ? (
        <EmptyState title="No repositories in this region.">
          Create one with{' '}
          <code className="font-mono">aws ecr create-repository --repository-name NAME</code>, then
          push an image to it.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title={`No repository matches “${filter}”.`}>
          Clear the filter to see all {all?.length ?? 0} repositories.
        </EmptyState>
      ) : (
        <div className={`${PANEL} overflow-x-auto`}>
          <table className="w-full text-left text-sm">
            <thead className={TABLE_HEAD}>
              <tr>
                <SortHeader label="Repository" column="name" sort={sort} onSort={onSort} />
                <th scope="col" className="px-4 py-2 font-medium">
                  Tags
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Scan on push
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Encryption
                </th>
                <SortHeader
                  label="Images"
                  column="imageCount"
                  sort={sort}
                  onSort={onSort}
                  align="right"
                />
                <SortHeader label="Last pushed" column="lastPushedAt" sort={sort} onSort={onSort} />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {shown.map((repository) => (
                <tr key={repository.arn} className={ROW}>
                  <th scope="row" className="px-4 py-3 font-normal">
                    <Link
                      to={`/registry/${encodeURIComponent(repository.name)}${regionSearch(region)}`}
                      className={LINK}
                    >
                      {repository.name}
                    </Link>
                    <div className="mt-1 flex flex-wrap items-center gap-2">
                      <span className={`font-mono text-xs break-all ${MUTED}`}>
                        {repository.uri}
                      </span>
                      <CopyButton value={repository.uri} label={`URI of ${repository.name}`} />
                    </div>
                  </th>
                  <td className="px-4 py-3">
                    {repository.imageTagMutability.startsWith('IMMUTABLE')
                      ? 'Immutable'
                      : 'Mutable'}
                  </td>
                  <td className="px-4 py-3">{repository.scanOnPush ? 'on' : 'off'}</td>
                  <td className="px-4 py-3">
                    {repository.encryption.type}
                    {repository.encryption.kmsKey && (
                      <span className={`block font-mono text-xs break-all ${MUTED}`}>
                        {repository.encryption.kmsKey}
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{repository.imageCount}</td>
                  <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                    {repository.lastPushedAt ? (
                      <time dateTime={repository.lastPushedAt}>
                        {formatTime(repository.lastPushedAt)}
                      </time>
                    ) : (
                      <span className={MUTED}>never</span>
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
