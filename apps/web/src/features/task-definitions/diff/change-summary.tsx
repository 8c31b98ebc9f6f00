import type { DiffChange } from '@deckhand/shared/taskdef';
import { useId } from 'react';
import { MUTED, PANEL } from '../../../components/ui/styles';
import {
  CATEGORY_LABEL,
  countCategories,
  formatChangeValue,
  groupChanges,
  shortLabel,
} from './lib/change-groups';

/** Category badge colours (literal, so Tailwind finds them); readable in both themes. */
const CATEGORY_BADGE: Record<DiffChange['category'], string> = {
  image: 'bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-200',
  environment: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-200',
  secrets: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200',
  resources: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200',
  ports: 'bg-cyan-100 text-cyan-900 dark:bg-cyan-900/50 dark:text-cyan-200',
  containers: 'bg-fuchsia-100 text-fuchsia-900 dark:bg-fuchsia-900/50 dark:text-fuchsia-200',
  volumes: 'bg-lime-100 text-lime-900 dark:bg-lime-900/50 dark:text-lime-200',
  roles: 'bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-200',
  network: 'bg-indigo-100 text-indigo-900 dark:bg-indigo-900/50 dark:text-indigo-200',
  logging: 'bg-orange-100 text-orange-900 dark:bg-orange-900/50 dark:text-orange-200',
  health: 'bg-teal-100 text-teal-900 dark:bg-teal-900/50 dark:text-teal-200',
  other: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};

function CategoryBadge({ category }: { category: DiffChange['category'] }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${CATEGORY_BADGE[category]}`}>
      {CATEGORY_LABEL[category]}
    </span>
  );
}

function ChangeValues({ change }: { change: DiffChange }) {
  if (change.kind === 'added')
    return (
      <span className="font-mono text-xs">
        <span className={MUTED}>added </span>
        <ins className="text-emerald-800 no-underline dark:text-emerald-300">
          {formatChangeValue(change.after)}
        </ins>
      </span>
    );
  if (change.kind === 'removed')
    return (
      <span className="font-mono text-xs">
        <span className={MUTED}>removed </span>
        <del className="text-red-800 dark:text-red-300">{formatChangeValue(change.before)}</del>
      </span>
    );
  return (
    <span className="font-mono text-xs break-all">
      <del className="text-red-800 dark:text-red-300">{formatChangeValue(change.before)}</del>
      <span aria-hidden="true" className={MUTED}>
        {' → '}
      </span>
      <span className="sr-only"> changed to </span>
      <ins className="text-emerald-800 no-underline dark:text-emerald-300">
        {formatChangeValue(change.after)}
      </ins>
    </span>
  );
}

/**
 * The semantic summary of a diff: what changed per container (and for the task), each change
 * with its category badge (image tag, env, secrets, cpu/memory, ports…) and before → after.
 */
export function ChangeSummary({ changes }: { changes: readonly DiffChange[] }) {
  const groups = groupChanges(changes);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={`${PANEL} p-4`}>
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          What changed
        </h2>
        <span className={`text-sm ${MUTED}`}>
          {changes.length} {changes.length === 1 ? 'change' : 'changes'}
        </span>
        <span className="flex flex-wrap gap-1">
          {countCategories(changes).map(({ category, count }) => (
            <span key={category} className="inline-flex items-center gap-1 text-xs">
              <CategoryBadge category={category} />
              <span className={MUTED}>×{count}</span>
            </span>
          ))}
        </span>
      </div>
      <div className="mt-3 space-y-3">
        {groups.map((group) => {
          const title = group.container === undefined ? 'Task' : `Container ${group.container}`;
          return (
            <section key={group.container ?? ' task'} aria-label={`Changes to ${title}`}>
              <h3 className="text-sm font-semibold">
                {group.container === undefined ? (
                  'Task'
                ) : (
                  <>
                    Container <span className="font-mono">{group.container}</span>
                  </>
                )}
              </h3>
              <ul className="mt-1 divide-y divide-slate-100 text-sm dark:divide-slate-800">
                {group.changes.map((change, index) => (
                  <li
                    key={`${change.path}-${index}`}
                    className="flex flex-wrap items-center gap-x-2 gap-y-1 py-1.5"
                  >
                    <CategoryBadge category={change.category} />
                    <span className="font-medium">{shortLabel(change)}</span>
                    <ChangeValues change={change} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
