import type { SpanTone } from '../lib/timeline';

/** Class names shared by the trace pages (literal, so Tailwind finds them). */
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

/** Badge colours per outcome (text on tint, AA in both themes). */
export const TONE_BADGE: Record<SpanTone, string> = {
  fault: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100',
  error: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  throttle: 'bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-100',
  ok: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
};

/** Waterfall bar colours per outcome. */
export const TONE_BAR: Record<SpanTone, string> = {
  fault: 'bg-red-500',
  error: 'bg-amber-500',
  throttle: 'bg-violet-500',
  ok: 'bg-sky-500',
};
