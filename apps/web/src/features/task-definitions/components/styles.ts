/** Badge colours of the task definition pages (literal, so Tailwind finds them). */
export const STATUS_BADGE: Record<string, string> = {
  ACTIVE: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200',
  INACTIVE: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  DELETE_IN_PROGRESS: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200',
};
