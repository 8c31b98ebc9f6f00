import type { ServiceRecord } from './model.js';
import type { RegionState } from './region-state.js';

/** The service scheduler reacts to a change within about a second. */
export const SCHEDULER_DELAY_MS = 1000;

/**
 * Asks the service scheduler to look at a service at `at` (simulated ms). Only the earliest
 * pending look is kept, so a burst of task changes costs one reconciliation.
 */
export function wakeService(state: RegionState, service: ServiceRecord, at: number): void {
  if (service.wakeAt !== undefined && service.wakeAt <= at) return;
  service.wakeAt = at;
  service.wakeSeq = state.fleet.schedule({ at, kind: 'service', arn: service.arn });
}

export function wakeServiceOf(state: RegionState, serviceArn: string | undefined, at: number) {
  const service = serviceArn ? state.services.get(serviceArn) : undefined;
  if (service) wakeService(state, service, at);
}
