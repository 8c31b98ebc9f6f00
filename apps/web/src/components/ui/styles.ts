/**
 * Class names shared by the pages' panels, tables, links and inputs (literal, so Tailwind finds
 * them). Feature-specific tones and badges stay in their feature.
 */
export const PANEL =
  'overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900';

export const TABLE_HEAD =
  'border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-300';

export const ROW = 'align-top hover:bg-slate-50 dark:hover:bg-slate-800/60';

export const LINK =
  'font-medium text-sky-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:text-sky-300';

export const MUTED = 'text-slate-600 dark:text-slate-400';

export const INPUT =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm outline-none focus:border-sky-500 focus:ring-2 focus:ring-sky-200 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:focus:ring-sky-800';

/** The search box above a list. */
export const SEARCH_INPUT = `w-72 ${INPUT}`;
