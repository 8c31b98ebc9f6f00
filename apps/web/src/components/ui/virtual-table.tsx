import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { TABLE_HEAD } from './styles';

/** The sorted column and its direction (what a feature keeps in its URL, however it spells it). */
export interface VirtualSort<K extends string> {
  column: K;
  direction: 'asc' | 'desc';
}

function ariaSort<K extends string>(sort: VirtualSort<K>, column: K) {
  if (sort.column !== column) return undefined;
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

export interface Column<T, K extends string> {
  /** The sort key and React key. */
  key: K;
  label: string;
  /** Width in px: the layout is fixed, so rows coming and going never move the columns. */
  width: number;
  align?: 'left' | 'right';
  /** The cell naming the row (a `<th scope="row">`). */
  rowHeader?: boolean;
  /** Classes of the cell itself (fewer wrapper elements per row: REFERENCE.md §7). */
  className?: string;
  /** The cell's tooltip: the whole value where it may be cut short. */
  title?: (row: T) => string | undefined;
  cell: (row: T) => ReactNode;
}

interface VirtualTableProps<T, K extends string> {
  /** The table's accessible name. */
  label: string;
  rows: readonly T[];
  columns: readonly Column<T, K>[];
  rowKey: (row: T) => string;
  /** Every row is exactly this tall (px), which is what makes the window exact and cheap. */
  rowHeight: number;
  sort: VirtualSort<K>;
  onSort: (column: K) => void;
  /** A literal Tailwind class capping the scroll area, e.g. `max-h-[70vh]`. */
  maxHeight: string;
  /** Extra attributes of each row (e.g. `data-task-id`). */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  /** Columns whose header is plain text (no sort button). */
  unsortable?: readonly K[];
}

const OVERSCAN = 5;
/** A typical viewport: what the window is sized by before (or without) a layout. */
const NO_LAYOUT = { width: 1024, height: 600 };

/**
 * The scroll area's size as the browser lays it out, or `NO_LAYOUT` when it has none (jsdom, a
 * hidden panel): a zero-height window would show no row at all.
 */
const observeRect: typeof observeElementRect<HTMLDivElement> = (instance, callback) =>
  observeElementRect(instance, (rect) =>
    callback(rect.width === 0 && rect.height === 0 ? NO_LAYOUT : rect),
  );

/**
 * A table that keeps only the rows in view (plus a few) in the DOM: 20,000 tasks cost what 30
 * do (REFERENCE.md §7: past ~1,400 nodes a page is heavy). It stays a real `<table>`, with
 * `aria-rowcount`/`aria-rowindex` telling assistive technology the full size, a sticky header
 * of sort buttons, and spacer rows standing in for the rows out of view.
 */
export function VirtualTable<T, K extends string>({
  label,
  rows,
  columns,
  rowKey,
  rowHeight,
  sort,
  onSort,
  maxHeight,
  rowData,
  unsortable = [],
}: VirtualTableProps<T, K>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The project does not run the React Compiler, whose memoisation this hook would defeat.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : rowKey(row);
    },
    overscan: OVERSCAN,
    initialRect: NO_LAYOUT,
    observeElementRect: observeRect,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first?.start ?? 0;
  const after = last ? virtualizer.getTotalSize() - last.end : 0;
  const minWidth = columns.reduce((sum, column) => sum + column.width, 0);
  const align = (column: Column<T, K>) => (column.align === 'right' ? 'text-right' : 'text-left');
  const cellClass = (column: Column<T, K>) =>
    `truncate px-3 ${align(column)} ${column.className ?? ''}`;

  return (
    <div ref={scrollRef} className={`${maxHeight} overflow-auto`}>
      <table
        aria-label={label}
        aria-rowcount={rows.length + 1}
        className="w-full table-fixed text-sm"
        style={{ minWidth }}
      >
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead className={`sticky top-0 z-10 ${TABLE_HEAD}`}>
          <tr aria-rowindex={1}>
            {columns.map((column) => {
              const active = sort.column === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={ariaSort(sort, column.key)}
                  className={`px-3 py-2 font-medium ${align(column)}`}
                >
                  {unsortable.includes(column.key) ? (
                    column.label
                  ) : (
                    <button
                      type="button"
                      onClick={() => onSort(column.key)}
                      className={`inline-flex items-center gap-1 rounded uppercase tracking-wide hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:text-white ${active ? 'text-slate-900 dark:text-white' : ''}`}
                    >
                      {column.label}
                      <span aria-hidden="true" className={active ? '' : 'opacity-40'}>
                        {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        {/* No borders between rows: they would add to the row height and the window would drift. */}
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: before, padding: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <tr
                key={item.key}
                aria-rowindex={item.index + 2}
                style={{ height: rowHeight }}
                className={`hover:bg-sky-50 dark:hover:bg-slate-800 ${item.index % 2 === 1 ? 'bg-slate-50 dark:bg-slate-800/40' : ''}`}
                {...rowData?.(row)}
              >
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th
                      key={column.key}
                      scope="row"
                      title={column.title?.(row)}
                      className={`font-medium ${cellClass(column)}`}
                    >
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} title={column.title?.(row)} className={cellClass(column)}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: after, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
