import { createContext, useContext } from 'react';
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

/**
 * The background classes of a service's colour. Given the cluster's services (sorted), each gets
 * the next colour, so up to twelve services never share one; otherwise a hash of the name.
 */
export function serviceColour(service: string, services: readonly string[] = []): string {
  const position = services.indexOf(service);
  const index = position >= 0 ? position % PALETTE.length : colourIndex(service, PALETTE.length);
  return PALETTE[index] ?? PALETTE[0];
}

/** The cluster's services, in the order their colours are handed out. */
export const ServiceColours = createContext<readonly string[]>([]);

/** A service's colour within the fleet map that provides ServiceColours. */
export function useServiceColour(): (service: string) => string {
  const services = useContext(ServiceColours);
  return (service) => serviceColour(service, services);
}
