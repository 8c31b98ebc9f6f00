import type { SpanTone } from '../lib/timeline';

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
