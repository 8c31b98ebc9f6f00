import { describe, expect, it } from 'vitest';
import { CallBudget, TokenBucket } from './call-budget.js';

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
