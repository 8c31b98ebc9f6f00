import { ecsThrottlingCategory } from '@deckhand/shared';

export interface ScheduleOptions {
  /** Between cycles while someone watches (default 5 s). */
  watchedMs: number;
  /** While someone watches and a rollout is under way (default 2 s). */
  busyMs: number;
  /** With nobody watching: keeps history without gaps (default 30 s); `off` stops polling. */
  backgroundMs: number | 'off';
  /** The longest wait after repeated failures. */
  maxBackoffMs: number;
  /**
   * Share of the call budget's sustained rate per throttling category the poller's own calls may
   * use (e.g. 0.25), so user reads are never starved; undefined: unpaced (no budget to share).
   */
  budgetFraction: number | undefined;
}

export interface CycleOutcome {
  watchers: number;
  /** A service is rolling out (see isBusy). */
  busy: boolean;
  /** Failed cycles in a row, this one included. */
  failures: number;
  /** The cycle's AWS calls per operation. */
  calls: Readonly<Record<string, number>>;
  durationMs: number;
}

/** Sustained calls per second the budget allows for an operation's category. */
export type RateOf = (operation: string) => number;

/**
 * The shortest time between cycle starts that keeps the cycle's calls within `fraction` of the
 * budget's sustained rate in every throttling category: a 20,000-task cluster needs 200
 * ListTasks pages, so it is polled less often instead of draining the bucket user reads share.
 */
export function pacedPeriodMs(
  calls: Readonly<Record<string, number>>,
  rateOf: RateOf,
  fraction: number,
): number {
  const perCategory = new Map<string, { calls: number; rate: number }>();
  for (const [operation, count] of Object.entries(calls)) {
    const category = ecsThrottlingCategory(operation);
    const entry = perCategory.get(category) ?? { calls: 0, rate: rateOf(operation) };
    entry.calls += count;
    perCategory.set(category, entry);
  }
  let period = 0;
  for (const { calls: count, rate } of perCategory.values()) {
    if (rate > 0) period = Math.max(period, (count / (rate * fraction)) * 1000);
  }
  return Math.ceil(period);
}

/** Milliseconds from the end of a cycle to the next one; undefined: stop polling. */
export function nextDelay(
  outcome: CycleOutcome,
  options: ScheduleOptions,
  rateOf?: RateOf,
): number | undefined {
  let interval: number;
  if (outcome.watchers > 0) interval = outcome.busy ? options.busyMs : options.watchedMs;
  else if (options.backgroundMs === 'off') return undefined;
  else interval = options.backgroundMs;
  if (outcome.failures > 0) {
    // Throttled or unreachable: back off exponentially, but never wait less than usual.
    const backoff = interval * 2 ** Math.min(outcome.failures, 10);
    interval = Math.max(interval, Math.min(backoff, options.maxBackoffMs));
  }
  if (rateOf && options.budgetFraction !== undefined && options.budgetFraction > 0) {
    const period = pacedPeriodMs(outcome.calls, rateOf, options.budgetFraction);
    interval = Math.max(interval, period - outcome.durationMs);
  }
  return interval;
}
