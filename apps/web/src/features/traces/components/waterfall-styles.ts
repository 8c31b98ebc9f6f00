/**
 * One colour per service, in order of appearance, as Jaeger does. Red, amber and violet are left
 * out: they mark faults, errors and throttles.
 */
const SERVICE_COLOURS = [
  'bg-sky-500',
  'bg-emerald-500',
  'bg-indigo-500',
  'bg-teal-500',
  'bg-pink-500',
  'bg-lime-600',
  'bg-cyan-700',
  'bg-blue-700',
  'bg-green-700',
  'bg-slate-500',
] as const;

export const serviceColour = (service: number): string =>
  SERVICE_COLOURS[service % SERVICE_COLOURS.length] ?? 'bg-slate-500';

/** The waterfall toolbar's small buttons. */
export const TOOL_BUTTON =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';
