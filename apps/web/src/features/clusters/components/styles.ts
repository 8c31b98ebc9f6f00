/** Shells of the clusters page's tables, in both themes. */
export const TABLE_PANEL =
  'overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900';

export const TABLE_HEAD =
  'border-b border-slate-200 bg-slate-50 text-xs text-slate-600 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-300';

export const ROW = 'align-top hover:bg-slate-50 dark:hover:bg-slate-800/60';

export const ARN = 'font-mono text-xs text-slate-600 break-all dark:text-slate-400';
