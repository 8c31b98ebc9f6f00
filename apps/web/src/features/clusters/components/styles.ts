/**
 * Shells of the clusters page's tables, in both themes: they scroll sideways and their headers keep
 * the labels' case, unlike the shared ones in components/ui/styles.
 */
export const TABLE_PANEL =
  'overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900';

export const TABLE_HEAD =
  'border-b border-slate-200 bg-slate-50 text-xs text-slate-600 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-300';

export const ARN = 'font-mono text-xs text-slate-600 break-all dark:text-slate-400';
