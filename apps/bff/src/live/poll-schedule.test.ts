import { describe, expect, it } from 'vitest';
import { CallBudget } from '../aws/call-budget.js';
import {
  nextDelay,
  pacedPeriodMs,
  type CycleOutcome,
  type ScheduleOptions,
} from './poll-schedule.js';

const options: ScheduleOptions = {
  watchedMs: 5_000,
  busyMs: 2_000,
  backgroundMs: 30_000,
  maxBackoffMs: 300_000,
  budgetFraction: 0.25,
};
const quiet: CycleOutcome = {
  watchers: 1,
  busy: false,
  failures: 0,
  calls: { ListServices: 1, DescribeServices: 1, ListTasks: 2 },
  durationMs: 50,
};
// DECKHAND_AWS_CALL_BUDGET=0.5: ListTasks/DescribeTasks (clusterResourceRead) 10/s, services 10/s.
const rateOf = (operation: string) => new CallBudget(0.5).specFor(operation).rate;

describe('nextDelay', () => {
  it('polls every 5 s while watched, every 2 s while a rollout runs, every 30 s unwatched', () => {
    expect(nextDelay(quiet, options, rateOf)).toBe(5_000);
    expect(nextDelay({ ...quiet, busy: true }, options, rateOf)).toBe(2_000);
    expect(nextDelay({ ...quiet, watchers: 0 }, options, rateOf)).toBe(30_000);
    expect(nextDelay({ ...quiet, watchers: 0, busy: true }, options, rateOf)).toBe(30_000);
  });

  it('stops with nobody watching when background polling is off', () => {
    expect(nextDelay({ ...quiet, watchers: 0 }, { ...options, backgroundMs: 'off' })).toBe(
      undefined,
    );
    expect(nextDelay(quiet, { ...options, backgroundMs: 'off' })).toBe(5_000);
  });

  it('backs off exponentially after failures, up to the maximum', () => {
    expect(nextDelay({ ...quiet, failures: 1 }, options)).toBe(10_000);
    expect(nextDelay({ ...quiet, failures: 3 }, options)).toBe(40_000);
    expect(nextDelay({ ...quiet, failures: 30 }, options)).toBe(300_000);
    expect(nextDelay({ ...quiet, failures: 1 }, { ...options, maxBackoffMs: 1_000 })).toBe(5_000);
  });

  it('stretches the wait of a huge cluster to stay within a quarter of the budget', () => {
    // 20,000 running tasks: 200 ListTasks pages (+ 10 STOPPED pages) at 10/s × 0.25 = 84 s.
    const huge = { ...quiet, calls: { ListServices: 1, DescribeServices: 2, ListTasks: 210 } };
    expect(pacedPeriodMs(huge.calls, rateOf, 0.25)).toBe(84_000);
    expect(nextDelay({ ...huge, durationMs: 4_000 }, options, rateOf)).toBe(80_000);
    // Unpaced (no budget share): the usual interval.
    expect(nextDelay(huge, { ...options, budgetFraction: undefined }, rateOf)).toBe(5_000);
    expect(nextDelay(huge, options)).toBe(5_000);
  });

  it('adds up the calls of one throttling category', () => {
    // ListTasks and DescribeTasks share clusterResourceRead: 30 calls at 2.5/s = 12 s.
    expect(pacedPeriodMs({ ListTasks: 10, DescribeTasks: 20 }, rateOf, 0.25)).toBe(12_000);
    expect(pacedPeriodMs({}, rateOf, 0.25)).toBe(0);
  });
});
