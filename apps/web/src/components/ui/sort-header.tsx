import type { SortState } from '../../lib/url-state';

/** A column header that sorts the table by its column; `aria-sort` says how it is sorted. */
export function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
  align = 'left',
}: {
  label: string;
  column: K;
  sort: SortState<K>;
  onSort: (column: K) => void;
  align?: 'left' | 'right';
}) {
  const active = sort.key === column;
  const direction = sort.descending ? 'descending' : 'ascending';
  return (
    <th
      scope="col"
      aria-sort={active ? direction : 'none'}
      className={`px-4 py-2 font-medium ${align === 'right' ? 'text-right' : ''}`}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900 focus-visible:rounded focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:text-white"
      >
        {label}
        <span aria-hidden="true">{active ? (sort.descending ? '↓' : '↑') : '↕'}</span>
      </button>
    </th>
  );
}
