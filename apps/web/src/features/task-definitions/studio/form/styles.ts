/** Class names of the form (literal, so Tailwind finds them); light and dark. */

export const LABEL = 'mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300';

export const HINT = 'mt-0.5 text-xs text-slate-500 dark:text-slate-400';

export const PROBLEM = 'mt-0.5 text-xs font-medium text-red-700 dark:text-red-400';

export const CONTROL =
  'block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm outline-none focus:border-sky-500 focus:ring-2 focus:ring-sky-200 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 aria-invalid:border-red-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:focus:ring-sky-800 dark:disabled:bg-slate-900 dark:disabled:text-slate-500 dark:aria-invalid:border-red-400';

export const READ_ONLY_CONTROL =
  'block w-full rounded-md border border-dashed border-amber-400 bg-amber-50 px-2 py-1 font-mono text-xs text-slate-800 outline-none focus:ring-2 focus:ring-sky-200 dark:border-amber-700 dark:bg-amber-950/40 dark:text-slate-100 dark:focus:ring-sky-800';

export const CHECKBOX =
  'h-4 w-4 shrink-0 rounded border-slate-300 accent-sky-600 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600';

export const SMALL_BUTTON =
  'inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-transparent dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800';

export const SUBHEAD =
  'text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400';

export const SUBPANEL = 'rounded-md border border-slate-200 p-3 dark:border-slate-700';

export const GRID = 'grid gap-3 sm:grid-cols-2 lg:grid-cols-3';
