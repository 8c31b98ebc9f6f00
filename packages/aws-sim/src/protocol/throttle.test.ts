import * as ecsSdk from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { ECS_THROTTLING } from './throttle-ecs.js';
import { TokenBucket, Throttler, type ThrottledCall } from './throttle.js';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const call = (operation: string, region = 'us-east-1'): ThrottledCall => ({
  accountId: '000000000000',
  region,
  service: 'ecs',
  operation,
});

/** How many of `count` calls in a row pass. */
function burst(throttler: Throttler, operation: string, count: number, region?: string) {
  let passed = 0;
  for (let i = 0; i < count; i += 1) if (throttler.take(call(operation, region))) passed += 1;
  return passed;
}

describe('TokenBucket', () => {
  it('allows the burst, then adds the refill once per whole second', () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ burst: 50, refillPerSecond: 20 }, clock.now());
    for (let i = 0; i < 50; i += 1) expect(bucket.take(clock.now())).toBe(true);
    expect(bucket.take(clock.now())).toBe(false);
    clock.advance(999);
    expect(bucket.take(clock.now())).toBe(false);
    clock.advance(1);
    expect(bucket.available(clock.now())).toBe(20);
    clock.advance(2_000);
    expect(bucket.available(clock.now())).toBe(50);
  });

  it('never holds more than the burst, however long it rests', () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ burst: 5, refillPerSecond: 1 }, clock.now());
    clock.advance(3_600_000);
    expect(bucket.available(clock.now())).toBe(5);
  });

  it('counts the refill from the first call into a full bucket', () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ burst: 2, refillPerSecond: 1 }, clock.now());
    clock.advance(10_700);
    expect(bucket.take(clock.now())).toBe(true);
    expect(bucket.take(clock.now())).toBe(true);
    clock.advance(500);
    // 11.2 s after creation but only 0.5 s after the burst began: nothing back yet.
    expect(bucket.take(clock.now())).toBe(false);
    clock.advance(500);
    expect(bucket.take(clock.now())).toBe(true);
  });
});

describe('Throttler', () => {
  it("uses AWS's numbers: DescribeClusters and ListClusters share the cluster read bucket", () => {
    const clock = manualClock();
    const throttler = new Throttler('aws', clock.now);
    expect(burst(throttler, 'DescribeClusters', 30)).toBe(30);
    expect(burst(throttler, 'ListClusters', 30)).toBe(20);
    clock.advance(1_000);
    expect(burst(throttler, 'DescribeClusters', 30)).toBe(20);
  });

  it.each([
    ['ListServices', 100, 20],
    ['DescribeTasks', 100, 20],
    ['DescribeTaskDefinition', 50, 20],
    ['UpdateService', 50, 5],
    ['StopTask', 100, 40],
    ['RegisterTaskDefinition', 20, 1],
    ['DeleteTaskDefinitions', 5, 1],
    ['ListTagsForResource', 50, 20],
  ])('%s: burst %i, refill %i a second', (operation, burstSize, refill) => {
    const clock = manualClock();
    const throttler = new Throttler('aws', clock.now);
    expect(burst(throttler, operation, burstSize + 10)).toBe(burstSize);
    clock.advance(1_000);
    expect(burst(throttler, operation, burstSize)).toBe(refill);
  });

  it('keeps categories apart: an empty cluster read bucket leaves service reads alone', () => {
    const throttler = new Throttler('aws', manualClock().now);
    expect(burst(throttler, 'DescribeClusters', 51)).toBe(50);
    expect(burst(throttler, 'DescribeServices', 100)).toBe(100);
    expect(burst(throttler, 'ListTasks', 100)).toBe(100);
  });

  it('keeps Regions and accounts apart', () => {
    const throttler = new Throttler('aws', manualClock().now);
    expect(burst(throttler, 'DescribeClusters', 60, 'us-east-1')).toBe(50);
    expect(burst(throttler, 'DescribeClusters', 60, 'eu-west-1')).toBe(50);
    expect(throttler.take({ ...call('DescribeClusters'), accountId: '111111111111' })).toBe(true);
  });

  it('never throttles when off, and starts from full buckets when switched back on', () => {
    const throttler = new Throttler('off', manualClock().now);
    expect(burst(throttler, 'DeleteTaskDefinitions', 1_000)).toBe(1_000);
    throttler.setMode('aws');
    expect(burst(throttler, 'DeleteTaskDefinitions', 10)).toBe(5);
    throttler.setMode('aws');
    expect(burst(throttler, 'DeleteTaskDefinitions', 10)).toBe(5);
  });

  it('lets a guessed bucket be set and a service without a policy through', () => {
    const throttler = new Throttler('aws', manualClock().now);
    throttler.setBuckets('ecs', { 'cluster-modify': { burst: 3, refillPerSecond: 1 } });
    expect(burst(throttler, 'CreateCluster', 10)).toBe(3);
    expect(throttler.take({ ...call('DescribeRepositories'), service: 'ecr' })).toBe(true);
  });
});

describe('the ECS category table', () => {
  it('places every operation of the ECS API, implemented or not', () => {
    const operations = Object.keys(ecsSdk)
      .filter((name) => /^[A-Z]\w+Command$/.test(name))
      .map((name) => name.slice(0, -'Command'.length));
    expect(operations.length).toBeGreaterThan(50);
    const missing = operations.filter((operation) => !(operation in ECS_THROTTLING.categories));
    expect(missing).toEqual([]);
    for (const category of Object.values(ECS_THROTTLING.categories))
      expect(ECS_THROTTLING.buckets[category]).toBeDefined();
  });
});
