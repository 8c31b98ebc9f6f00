import type { SimClock } from '../engine/clock.js';
import type { Random } from '../engine/random.js';
import type { World } from '../engine/region-state.js';
import { buildDemo } from './demo.js';
import { buildLarge } from './large.js';

export const SCENARIOS = ['demo', 'large', 'empty'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface ScenarioContext {
  world: World;
  region: string;
  clock: SimClock;
  random: Random;
}

export function isScenario(name: unknown): name is ScenarioName {
  return typeof name === 'string' && (SCENARIOS as readonly string[]).includes(name);
}

/** Fills an empty world with a scenario, in the simulator's home region. */
export function loadScenario(name: ScenarioName, context: ScenarioContext): void {
  if (name === 'demo') buildDemo(context);
  else if (name === 'large') buildLarge(context);
}
