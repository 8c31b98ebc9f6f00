import { EventQueue } from './event-queue.js';
import { SubnetPool } from './network.js';
import type { Random } from './random.js';
import type { RegionState } from './region-state.js';

/** What the engine passes around while it handles one moment of simulated time. */
export interface FleetContext {
  state: RegionState;
  /** Simulated epoch milliseconds of the moment being handled. */
  now: number;
  random: Random;
}

export type FleetEvent =
  | { at: number; seq: number; kind: 'task'; arn: string }
  | { at: number; seq: number; kind: 'health'; arn: string; healthy: boolean }
  | { at: number; seq: number; kind: 'fault'; arn: string; fault: 'oom' | 'unhealthy' }
  | { at: number; seq: number; kind: 'purge'; arn: string }
  | { at: number; seq: number; kind: 'service'; arn: string }
  | { at: number; seq: number; kind: 'action'; run: (context: FleetContext) => void };

/** Distributive Omit, so each FleetEvent variant keeps its own fields. */
export type FleetEventInput = FleetEvent extends infer E
  ? E extends FleetEvent
    ? Omit<E, 'seq'>
    : never
  : never;

/** How often running service tasks fail on their own (the demo's "bad luck"). */
export interface FaultRates {
  /** Chance that a service task, once RUNNING, is later killed for memory (exit 137). */
  outOfMemory: number;
  /** Chance that it later fails its container health checks (containers with a healthCheck). */
  unhealthy: number;
  /** When: uniformly within this window of simulated seconds after the task started. */
  windowSeconds: [number, number];
}

export const NO_FAULTS: FaultRates = { outOfMemory: 0, unhealthy: 0, windowSeconds: [60, 3600] };

/**
 * The fleet engine's per-region bookkeeping: its timer queue, how far it has advanced, the VPC
 * it hands IPs from, RunTask idempotency tokens, and the scenario's fault settings.
 */
export class FleetState {
  readonly queue = new EventQueue<FleetEvent>();
  /** Simulated time the engine has handled everything up to. */
  cursor: number | undefined;
  faults: FaultRates = NO_FAULTS;
  readonly subnets: SubnetPool;
  /** RunTask clientToken → the request's fingerprint and the tasks it started. */
  readonly runTaskTokens = new Map<string, { fingerprint: string; taskArns: string[] }>();
  /**
   * Task definitions whose tasks never pass their health checks or never pull: how a scenario
   * stages a bad release (for the circuit breaker) without anything non-AWS on the wire.
   */
  readonly unhealthyTaskDefinitions = new Set<string>();
  readonly unpullableTaskDefinitions = new Set<string>();

  constructor(region: string) {
    this.subnets = new SubnetPool(region);
  }

  schedule(event: FleetEventInput): number {
    const seq = this.queue.nextSeq();
    this.queue.push({ ...event, seq });
    return seq;
  }
}
