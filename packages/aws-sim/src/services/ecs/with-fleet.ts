import { advanceFleet } from '../../engine/fleet.js';
import type { FleetContext } from '../../engine/fleet-state.js';
import type { Operation, OperationContext } from '../../protocol/operation.js';

/** The engine's view of a request: the region, the simulated now, the simulator's Random. */
export const fleetContext = ({ state, clock, random }: OperationContext): FleetContext => ({
  state,
  now: clock.now(),
  random,
});

/**
 * Wraps every ECS operation so the fleet is brought up to the simulated now before it runs:
 * a Describe always shows what the clock says, however long ago the ticker last fired.
 */
export function withFleet(operations: Record<string, Operation>): Record<string, Operation> {
  return Object.fromEntries(
    Object.entries(operations).map(([name, operation]) => [
      name,
      (input, context) => {
        advanceFleet(context.state, context.clock.now(), context.random);
        return operation(input, context);
      },
    ]),
  );
}
