import { useMemo, useState } from 'react';
import { MUTED, PANEL } from '../../../components/ui/styles';
import { diffLines, foldUnchanged, toSideBySide, type SideBySideRow } from './lib/line-diff';

const CELL = 'px-2 align-top whitespace-pre-wrap break-all';
const NUMBER =
  'w-10 select-none px-2 text-right align-top tabular-nums text-slate-400 dark:text-slate-500';
const REMOVED = 'bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-200';
const ADDED = 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200';

function Row({ row }: { row: SideBySideRow }) {
  const left = row.left?.changed ? REMOVED : '';
  const right = row.right?.changed ? ADDED : '';
  return (
    <tr>
      <td className={`${NUMBER} ${left}`}>{row.left?.line}</td>
      <td className={`${CELL} ${left} border-r border-slate-200 dark:border-slate-700`}>
        {row.left?.changed && <span className="sr-only">removed: </span>}
        {row.left?.text}
      </td>
      <td className={`${NUMBER} ${right}`}>{row.right?.line}</td>
      <td className={`${CELL} ${right}`}>
        {row.right?.changed && <span className="sr-only">added: </span>}
        {row.right?.text}
      </td>
    </tr>
  );
}

/**
 * Two texts side by side, changed lines highlighted (red on the left, green on the right), long
 * unchanged stretches folded behind a "Show N unchanged lines" button.
 */
export function SideBySideDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
}) {
  const blocks = useMemo(
    () => foldUnchanged(toSideBySide(diffLines(before, after))),
    [before, after],
  );
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());

  return (
    <div className={`${PANEL} overflow-x-auto`}>
      <table
        aria-label={`Side-by-side diff of ${beforeLabel} and ${afterLabel}`}
        className="w-full table-fixed font-mono text-xs text-slate-800 dark:text-slate-200"
      >
        <colgroup>
          <col className="w-10" />
          <col />
          <col className="w-10" />
          <col />
        </colgroup>
        <thead className="border-b border-slate-200 bg-slate-50 text-left font-sans text-xs font-medium dark:border-slate-700 dark:bg-slate-800">
          <tr>
            <th scope="col" colSpan={2} className="px-2 py-1.5">
              {beforeLabel}
            </th>
            <th scope="col" colSpan={2} className="px-2 py-1.5">
              {afterLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {blocks.map((block, index) =>
            block.kind === 'folded' && !opened.has(index) ? (
              <tr key={index} className="bg-slate-50 dark:bg-slate-800/60">
                <td colSpan={4} className="px-2 py-1 text-center font-sans">
                  <button
                    type="button"
                    onClick={() => setOpened((current) => new Set(current).add(index))}
                    className={`text-xs hover:underline ${MUTED}`}
                  >
                    Show {block.rows.length} unchanged lines
                  </button>
                </td>
              </tr>
            ) : (
              block.rows.map((row, rowIndex) => <Row key={`${index}-${rowIndex}`} row={row} />)
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
