import type { SimClock } from '../engine/clock.js';
import type { Random } from '../engine/random.js';
import type { RegionState } from '../engine/region-state.js';
import type { AwsError } from './errors.js';
import type { Input } from './input.js';

/** What every operation handler gets besides its input. */
export interface OperationContext {
  state: RegionState;
  clock: SimClock;
  random: Random;
  requestId: string;
}

export type Operation = (input: Input, context: OperationContext) => unknown;

/** A service on the awsJson1_1 protocol: its `X-Amz-Target` prefix and its operations by name. */
export interface JsonService {
  targetPrefix: string;
  /** The SigV4 signing name, also the throttling namespace (`ecs`, `ecr`). */
  signingName: string;
  operations: Record<string, Operation>;
  /** The service's own throttling error; absent means awsJson's 400 `ThrottlingException`. */
  throttledError?: () => AwsError;
}
