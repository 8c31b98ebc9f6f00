import { describe, expect, it } from 'vitest';
import {
  callPriority,
  CallBudget,
  FAIR_EVERY,
  inBackground,
  TokenBucket,
  type CallPriority,
  type PriorityScope,
} from './call-budget.js';

/** A budget of 1 token and no refill (the clock stands still; each wait ends at once). */
function tightBudget() {
  const waits: number[] = [];
  const budget = new CallBudget(
    0.01,
    () => 0,
    (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  );
  const order: string[] = [];
  const call = (name: string, priority?: CallPriority, continuation = false) =>
    budget
      .acquire('us-east-1', 'ecs', 'DescribeTasks', {
        ...(priority ? { priority } : {}),
        continuation,
      })
      .then(() => order.push(name));
  return { budget, order, call, waits };
}

describe('TokenBucket', () => {
  it('serves the burst at once, then books tokens at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket({ burst: 3, rate: 2 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 0]);
    expect(bucket.take()).toBe(500);
    expect(bucket.take()).toBe(1000);
    now = 1000;
    // Two tokens came back; both were already booked by the waiters above.
    expect(bucket.take()).toBe(500);
  });

  it('refills up to the burst, never beyond', () => {
    let now = 0;
    const bucket = new TokenBucket({ burst: 2, rate: 10 }, () => now);
    bucket.take();
    bucket.take();
    now = 60_000;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 100]);
  });
});

describe('CallBudget', () => {
  it('takes its share of AWS’s buckets per category', () => {
    const budget = new CallBudget(0.5);
    expect(budget.specFor('DescribeTasks')).toEqual({ burst: 50, rate: 10 });
    expect(budget.specFor('ListServices')).toEqual({ burst: 50, rate: 10 });
    expect(budget.specFor('RegisterTaskDefinition')).toEqual({ burst: 10, rate: 0.5 });
  });

  it('waits once the share of the burst is spent, per region and category', async () => {
    const waits: number[] = [];
    const budget = new CallBudget(
      0.1,
      () => 0,
      (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    );
    // cluster resource read: AWS 100/20 → 10 burst, 2 per second.
    for (let i = 0; i < 10; i += 1) await budget.acquire('us-east-1', 'ecs', 'ListTasks');
    expect(waits).toEqual([]);
    await budget.acquire('us-east-1', 'ecs', 'DescribeTasks');
    expect(waits).toEqual([500]);
    // Another category and another region have their own buckets.
    await budget.acquire('us-east-1', 'ecs', 'ListServices');
    await budget.acquire('eu-west-1', 'ecs', 'ListTasks');
    expect(waits).toEqual([500]);
    expect(budget.snapshot()).toEqual({
      'ecs:DescribeTasks': 1,
      'ecs:ListServices': 1,
      'ecs:ListTasks': 11,
    });
  });

  it('never waits without a share, and still counts', async () => {
    const waits: number[] = [];
    const budget = new CallBudget(
      undefined,
      () => 0,
      (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    );
    for (let i = 0; i < 500; i += 1) await budget.acquire('us-east-1', 'ecs', 'DescribeTasks');
    expect(waits).toEqual([]);
    expect(budget.snapshot()).toEqual({ 'ecs:DescribeTasks': 500 });
  });
});

describe('CallBudget priorities', () => {
  it('serves the waiting calls of browser requests before background ones, in order within each', async () => {
    const { budget, order, call } = tightBudget();
    const calls = [
      call('first'),
      inBackground(() => call('poll-1')),
      call('scan-1', 'background'),
      callPriority.run({ priority: 'refresh' }, () => call('refresh-1')),
      call('page-1'),
      call('page-2', 'interactive'),
    ];
    expect(budget.waiting).toBe(5);
    await Promise.all(calls);
    expect(order).toEqual(['first', 'page-1', 'page-2', 'refresh-1', 'poll-1', 'scan-1']);
    expect(Object.fromEntries(budget.grants)).toEqual({
      interactive: 3,
      refresh: 1,
      background: 2,
    });
  });

  it('never starves background calls: one grant in FAIR_EVERY goes to the longest waiter', async () => {
    const { order, call } = tightBudget();
    const calls = [call('first'), call('poll', 'background')];
    for (let i = 1; i <= 3 * FAIR_EVERY; i += 1) calls.push(call(`page-${i}`));
    calls.push(call('poll-2', 'background'));
    await Promise.all(calls);
    expect(order.indexOf('poll')).toBe(FAIR_EVERY);
    // Every call got its token; the later background one after the pages queued before it.
    expect(order).toHaveLength(3 * FAIR_EVERY + 3);
    expect(order.slice(0, FAIR_EVERY)).toEqual([
      'first',
      ...Array.from({ length: FAIR_EVERY - 1 }, (_, i) => `page-${i + 1}`),
    ]);
  });

  it('serves the next page of a listing first within its priority', async () => {
    const { order, call } = tightBudget();
    const calls = [
      call('first'),
      call('page-a'),
      call('page-b'),
      call('listing-page-7', 'interactive', true),
      call('poll-page-3', 'background', true),
    ];
    await Promise.all(calls);
    expect(order).toEqual(['first', 'listing-page-7', 'page-a', 'page-b', 'poll-page-3']);
  });

  it('moves queued calls up when their load is raised (a request started waiting on it)', async () => {
    const { order, call } = tightBudget();
    const scope: PriorityScope = { priority: 'background' };
    const calls = [
      call('first'),
      call('other-poll', 'background'),
      callPriority.run(scope, () => call('shared-load')),
      call('page'),
    ];
    scope.priority = 'interactive';
    await Promise.all(calls);
    expect(order).toEqual(['first', 'shared-load', 'page', 'other-poll']);
  });

  it('gives a booked token back when nobody is left to use it, and serves arrivals while it waits', async () => {
    let now = 0;
    const sleeps: (() => void)[] = [];
    const budget = new CallBudget(
      0.01,
      () => now,
      () => new Promise<void>((resolve) => sleeps.push(resolve)),
    );
    await budget.acquire('us-east-1', 'ecs', 'ListTasks');
    const order: string[] = [];
    const poll = inBackground(() =>
      budget.acquire('us-east-1', 'ecs', 'ListTasks').then(() => order.push('poll')),
    );
    // A page arrives while the poll waits for the next token: the token goes to the page.
    const page = budget.acquire('us-east-1', 'ecs', 'ListTasks').then(() => order.push('page'));
    now = 5000;
    sleeps.shift()?.();
    await page;
    expect(order).toEqual(['page']);
    now = 10_000;
    sleeps.shift()?.();
    await poll;
    expect(order).toEqual(['page', 'poll']);
    expect(budget.waiting).toBe(0);
  });
});
