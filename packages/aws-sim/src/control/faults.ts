import { setTimeout as delay } from 'node:timers/promises';
import { Random } from '../engine/random.js';
import { AwsError, throttled } from '../protocol/errors.js';
import type { FaultRule } from './faults-input.js';
import type { CallStats } from './stats.js';

export { parseFaultRequest, type FaultRule, type FaultRequest } from './faults-input.js';

/** The error-rate draws repeat for the same seed, so a test sees the same failures every run. */
export const DEFAULT_FAULT_SEED = 5_000;

/** AWS's own wording for the error codes a fault is most often asked to answer with. */
const KNOWN_MESSAGES: Record<string, string> = {
  ExpiredTokenException: 'The security token included in the request is expired',
  UnrecognizedClientException: 'The security token included in the request is invalid.',
  AccessDeniedException: 'User is not authorized to perform this operation.',
  ServiceUnavailableException: 'The service is unavailable. Please try again later.',
};

/** What AWS answers for its own faults; other statuses get the matching generic error. */
function injectedError(status: number, code: string | undefined): AwsError {
  if (code !== undefined) {
    return new AwsError(
      code,
      KNOWN_MESSAGES[code] ?? 'The request was refused by an injected fault.',
      status,
    );
  }
  if (status >= 500) return new AwsError('ServerException', 'An internal error occurred.', status);
  return new AwsError('ClientException', 'The request was refused by an injected fault.', status);
}

/** Resolves never; rejects when the request ends (client gone or simulator stopping). No timers. */
function hangUntil(signal: AbortSignal): Promise<never> {
  const ended = () =>
    signal.reason instanceof Error ? signal.reason : new Error('The request ended.');
  return new Promise((_, reject) => {
    if (signal.aborted) reject(ended());
    else signal.addEventListener('abort', () => reject(ended()), { once: true });
  });
}

/** Faults injected through `/_sim/faults`: they act before the operation runs. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private random = new Random(DEFAULT_FAULT_SEED);

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** Adds a rule and restarts the error-rate draws from `seed`. */
  add(rule: FaultRule, seed = DEFAULT_FAULT_SEED): void {
    this.rules.push(rule);
    this.random = new Random(seed);
  }

  clear(): void {
    this.rules = [];
    this.random = new Random(DEFAULT_FAULT_SEED);
  }

  /**
   * Applies every rule matching the call, in the order they were added: latency, then hang,
   * then a forced throttle (the service's own `throttledError`), then the error rate. Throws the
   * AwsError to answer; rejects with the signal's reason when the request ends while waiting.
   */
  async apply(
    call: { service: string; operation: string },
    signal: AbortSignal,
    stats: CallStats,
    throttledError: () => AwsError = throttled,
  ): Promise<void> {
    let counted = false;
    const acted = () => {
      if (!counted) stats.recordFault(call.service, call.operation);
      counted = true;
    };
    for (const rule of this.rules) {
      if (rule.service !== call.service) continue;
      if (rule.operations && !rule.operations.includes(call.operation)) continue;
      if (rule.latencyMs > 0) {
        acted();
        // The signal clears the timer when the client leaves or the simulator stops.
        await delay(rule.latencyMs, undefined, { signal });
      }
      if (rule.hang) {
        acted();
        await hangUntil(signal);
      }
      if (rule.throttle) {
        acted();
        stats.recordThrottled(call.service, call.operation);
        throw throttledError();
      }
      if (rule.errorRate > 0 && this.random.next() < rule.errorRate) {
        acted();
        throw injectedError(rule.status, rule.code);
      }
    }
  }
}
