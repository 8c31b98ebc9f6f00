import type { Tone } from '../lib/describe-event';

/** Tailwind classes per event colour (literal, so Tailwind finds them). */
export const TONE_BADGE: Record<Tone, string> = {
  green: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200',
  red: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200',
  amber: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200',
  blue: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-200',
  violet: 'bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-200',
  slate: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};

export const TONE_BORDER: Record<Tone, string> = {
  green: 'border-l-emerald-500',
  red: 'border-l-red-500',
  amber: 'border-l-amber-500',
  blue: 'border-l-sky-500',
  violet: 'border-l-violet-500',
  slate: 'border-l-slate-300 dark:border-l-slate-600',
};

export const TABLE_HEAD =
  'border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-400';
