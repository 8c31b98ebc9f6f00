import type { ServiceEventKind } from '../schemas/services.js';

/**
 * What a service event is about, from ECS's wording (REFERENCE.md §4). ECS events carry only a
 * message, so the wording is the only signal; the most specific rules come first ("has stopped 1
 * running tasks … due to an unhealthy status" is about health, not a routine stop).
 */
const RULES: readonly [ServiceEventKind, RegExp][] = [
  ['steady-state', /\bhas reached a steady state\b/i],
  [
    'placement-failure',
    /\b(was|is) unable to place a task\b|\bfailed to launch a task\b|\binsufficient capacity\b/i,
  ],
  [
    'unhealthy',
    /\bfailed (container|ELB) health checks\b|\bis unhealthy in \(target-group\b|\bdue to an unhealthy status\b|\bunable to consistently start tasks\b/i,
  ],
  ['deployment', /\(deployment [^)]+\)|\brolling back\b|\bdeployment (completed|failed)\b/i],
  [
    'load-balancer',
    /\b(de)?registered \d+ targets?\b|\bdraining connections\b|\bfailed to (de)?register targets\b|\(target-group\b/i,
  ],
  ['task-started', /\bhas started \d+ tasks?\b/i],
  ['task-stopped', /\bhas stopped \d+ (running )?tasks?\b/i],
];

export function classifyServiceEvent(message: string): ServiceEventKind {
  for (const [kind, pattern] of RULES) if (pattern.test(message)) return kind;
  return 'other';
}

/** ECS could not place a task because the closest instance already binds one of its static host ports. */
export function isPortPlacementFailure(message: string): boolean {
  return /already using a port required by your task/i.test(message);
}

/** The container instance id an event names, e.g. `(container-instance 5a8d…)`. */
export function containerInstanceIdIn(message: string): string | undefined {
  const match = /\(container-instance ([^)\s]+)\)/i.exec(message);
  const reference = match?.[1];
  return reference?.split('/').pop();
}
