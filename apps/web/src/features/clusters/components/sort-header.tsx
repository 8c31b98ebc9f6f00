import type { ClusterSort, SortKey } from '../lib/sort-clusters';

const BUTTON =
  'inline-flex items-center gap-1 rounded uppercase tracking-wide hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:hover:text-white';

/** A column's sort button: its name, and an arrow for the current direction. */
export function SortButton({
  label,
  column,
  sort,
  onSort,
}: {
  label: string;
  column: SortKey;
  sort: ClusterSort;
  onSort: (column: SortKey) => void;
}) {
  const active = sort.key === column;
  return (
    <button type="button" onClick={() => onSort(column)} className={BUTTON}>
      {label}
      <span aria-hidden="true" className={active ? '' : 'text-slate-400 dark:text-slate-500'}>
        {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
      </span>
    </button>
  );
}

/** `aria-sort` of a header cell holding the given columns' buttons. */
export function ariaSort(sort: ClusterSort, ...columns: SortKey[]) {
  if (!columns.includes(sort.key)) return 'none' as const;
  return sort.dir === 'asc' ? ('ascending' as const) : ('descending' as const);
}

/** A sortable column header. */
export function SortHeader({
  label,
  column,
  sort,
  onSort,
  className = '',
}: {
  label: string;
  column: SortKey;
  sort: ClusterSort;
  onSort: (column: SortKey) => void;
  className?: string;
}) {
  return (
    <th
      scope="col"
      aria-sort={ariaSort(sort, column)}
      className={`px-4 py-2 font-medium ${className}`}
    >
      <SortButton label={label} column={column} sort={sort} onSort={onSort} />
    </th>
  );
}
