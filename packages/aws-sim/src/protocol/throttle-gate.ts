import type { FaultInjector } from '../control/faults.js';
import type { CallStats } from '../control/stats.js';
import { throttled, type AwsError } from './errors.js';
import type { ThrottledCall, Throttler } from './throttle.js';

export interface Admission {
  stats: CallStats;
  faults: FaultInjector;
  throttler: Throttler;
}

/**
 * What stands between AWS's front door and an operation: the call is counted, injected faults
 * act, then the account's throttling bucket is drawn from. Throws the AwsError to answer instead
 * of running the operation; rejects with the signal's reason when the request ends meanwhile.
 * A throttled call, by a bucket or an injected fault, gets the service's own `throttledError`.
 */
export async function admit(
  call: ThrottledCall,
  { stats, faults, throttler }: Admission,
  signal: AbortSignal,
  throttledError: () => AwsError = throttled,
): Promise<void> {
  stats.record(call.service, call.operation);
  await faults.apply(call, signal, stats, throttledError);
  if (!throttler.take(call)) {
    stats.recordThrottled(call.service, call.operation);
    throw throttledError();
  }
}
