import type { ReactNode } from 'react';

/** Nothing to show: says so, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-6 py-8 text-center dark:border-slate-700">
      <p className="font-medium text-slate-800 dark:text-slate-100">{title}</p>
      {children && (
        <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{children}</div>
      )}
    </div>
  );
}
