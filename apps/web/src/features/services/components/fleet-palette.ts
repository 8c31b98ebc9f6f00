import { colourIndex } from '../lib/fleet-layout';

/**
 * Service colours: each at least 3:1 against the instance canvas in its theme (WCAG 1.4.11,
 * non-text contrast), -600/-700 on light slate, -400 on dark slate. Literal, so Tailwind finds them.
 */
const PALETTE = [
  'bg-sky-600 dark:bg-sky-400',
  'bg-amber-600 dark:bg-amber-400',
  'bg-emerald-600 dark:bg-emerald-400',
  'bg-violet-600 dark:bg-violet-400',
  'bg-rose-600 dark:bg-rose-400',
  'bg-teal-700 dark:bg-teal-400',
  'bg-orange-600 dark:bg-orange-400',
  'bg-indigo-600 dark:bg-indigo-400',
  'bg-lime-700 dark:bg-lime-400',
  'bg-fuchsia-600 dark:bg-fuchsia-400',
  'bg-cyan-700 dark:bg-cyan-400',
  'bg-pink-600 dark:bg-pink-400',
] as const;

/** The background classes of a service's colour; the same for a name everywhere. */
export function serviceColour(service: string): string {
  return PALETTE[colourIndex(service, PALETTE.length)] ?? PALETTE[0];
}
