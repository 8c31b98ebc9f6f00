import type { Service } from '@deckhand/shared';
import { useDeferredValue, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  DEFAULT_SERVICE_SORT,
  filterServiceRows,
  firstServiceDirection,
  parseServiceFilter,
  SERVICE_SORT_COLUMNS,
  sortServiceRows,
  toServiceRow,
  type ServiceRow,
  type ServiceSortColumn,
} from '../lib/service-rows';
import { nextSort, readSort, SERVICE_PARAMS, sortParams, withParams } from '../lib/table-params';
import { SERVICE_ROW_HEIGHT, serviceColumns } from './service-columns';
import { UrlFilterInput } from './url-filter-input';
import { VirtualTable } from '../../../components/ui/virtual-table';

const FILTER_HELP =
  'Words match anywhere. Columns: name:, status:, state: (steady, deploying, failed, below), rev:, family:, launch:, strategy: (replica, daemon). Quote values with spaces, join alternatives with commas, and put - before a term to exclude it.';

/**
 * A cluster's services (2,000 in a big one, so virtualized): counts, what the deployment is
 * doing with the rollout's progress, revision, launch type and scheduling strategy. Filter and
 * sort live in the URL (`?sq=state:deploying&ssort=running&sdir=desc`).
 */
export function ServicesTable({
  services,
  cluster,
  region,
  images,
}: {
  services: Service[];
  cluster: string;
  region: string | undefined;
  /** Each service's images, when the cluster's tasks are at hand (`imagesByService`). */
  images?: ReadonlyMap<string, string[]>;
}) {
  const [params, setParams] = useSearchParams();
  const sort = readSort(params, SERVICE_PARAMS, SERVICE_SORT_COLUMNS, DEFAULT_SERVICE_SORT);
  const filterText = useDeferredValue(params.get(SERVICE_PARAMS.filter) ?? '');
  const rows = useMemo(
    () => services.map((service) => toServiceRow(service, images?.get(service.name))),
    [services, images],
  );
  const filter = useMemo(() => parseServiceFilter(filterText), [filterText]);
  const filtered = useMemo(() => filterServiceRows(rows, filter), [rows, filter]);
  const { column, direction } = sort;
  const shown = useMemo(
    () => sortServiceRows(filtered, { column, direction }),
    [filtered, column, direction],
  );
  const columns = useMemo(() => serviceColumns({ cluster, region }), [cluster, region]);

  const onSort = (next: ServiceSortColumn) =>
    setParams(
      (current) =>
        withParams(
          current,
          sortParams(SERVICE_PARAMS, nextSort(sort, next, firstServiceDirection(next))),
        ),
      { replace: true },
    );

  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <UrlFilterInput
          param={SERVICE_PARAMS.filter}
          label="Filter services"
          placeholder="state:deploying strategy:daemon"
          help={FILTER_HELP}
        />
        <p
          data-testid="services-count"
          className="text-xs text-slate-600 tabular-nums dark:text-slate-400"
        >
          {shown.length.toLocaleString('en')} of {rows.length.toLocaleString('en')} services
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
          No services match this filter.
        </p>
      ) : (
        <VirtualTable<ServiceRow, ServiceSortColumn>
          label="Services"
          rows={shown}
          columns={columns}
          rowKey={(row) => row.service.arn}
          rowHeight={SERVICE_ROW_HEIGHT}
          sort={sort}
          onSort={onSort}
          maxHeight="max-h-[60vh]"
        />
      )}
    </div>
  );
}
