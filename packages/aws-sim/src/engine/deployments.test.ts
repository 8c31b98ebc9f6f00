import { describe, expect, it } from 'vitest';
import {
  circuitBreakerThreshold,
  newDeploymentId,
  planRollout,
  type RolloutInput,
} from './deployments.js';
import { Random } from './random.js';

const step = (input: Partial<RolloutInput>) =>
  planRollout({
    desiredCount: 4,
    minimumHealthyPercent: 100,
    maximumPercent: 200,
    keepers: { total: 0, healthy: 0 },
    leavers: { total: 0, healthy: 0 },
    canStart: true,
    ...input,
  });

describe('rolling deployment steps', () => {
  it('100/200: starts a full new set first, stops the old ones once the new are healthy', () => {
    const old = { total: 4, healthy: 4 };
    expect(step({ leavers: old })).toEqual({ start: 4, stopKeepers: 0, stopLeavers: 0 });
    // New tasks started but not healthy yet: nothing old may stop.
    expect(step({ keepers: { total: 4, healthy: 0 }, leavers: old })).toEqual({
      start: 0,
      stopKeepers: 0,
      stopLeavers: 0,
    });
    expect(step({ keepers: { total: 4, healthy: 2 }, leavers: old })).toMatchObject({
      stopLeavers: 2,
    });
    expect(step({ keepers: { total: 4, healthy: 4 }, leavers: old })).toMatchObject({
      stopLeavers: 4,
    });
  });

  it('50/100: stops half the old tasks first, since there is no headroom', () => {
    const first = step({
      minimumHealthyPercent: 50,
      maximumPercent: 100,
      leavers: { total: 4, healthy: 4 },
    });
    expect(first).toEqual({ start: 0, stopKeepers: 0, stopLeavers: 2 });
    const second = step({
      minimumHealthyPercent: 50,
      maximumPercent: 100,
      leavers: { total: 2, healthy: 2 },
    });
    expect(second).toEqual({ start: 2, stopKeepers: 0, stopLeavers: 0 });
  });

  it('0/100 stops everything old at once; 100/150 starts only what fits in 150 %', () => {
    expect(
      step({ minimumHealthyPercent: 0, maximumPercent: 100, leavers: { total: 4, healthy: 4 } }),
    ).toEqual({ start: 0, stopKeepers: 0, stopLeavers: 4 });
    expect(step({ maximumPercent: 150, leavers: { total: 4, healthy: 4 } })).toMatchObject({
      start: 2,
    });
  });

  it('always stops old tasks that are not healthy yet', () => {
    expect(step({ leavers: { total: 3, healthy: 1 } })).toMatchObject({ stopLeavers: 2 });
  });

  it('scales: starts the missing tasks, stops the surplus', () => {
    expect(step({ keepers: { total: 1, healthy: 1 } })).toMatchObject({ start: 3 });
    expect(step({ desiredCount: 1, keepers: { total: 4, healthy: 4 } })).toMatchObject({
      start: 0,
      stopKeepers: 3,
    });
    expect(step({ desiredCount: 0, keepers: { total: 2, healthy: 2 } })).toMatchObject({
      stopKeepers: 2,
    });
  });

  it('launches nothing for a deployment the circuit breaker failed', () => {
    expect(step({ canStart: false })).toMatchObject({ start: 0 });
  });
});

describe('deployment identity and the circuit breaker', () => {
  it('names deployments ecs-svc/ and 19 digits', () => {
    expect(newDeploymentId(new Random(3))).toMatch(/^ecs-svc\/[1-9]\d{18}$/);
  });

  it('fails after half the desired count, at least 3 and at most 200 failed tasks', () => {
    expect(circuitBreakerThreshold(1)).toBe(3);
    expect(circuitBreakerThreshold(10)).toBe(5);
    expect(circuitBreakerThreshold(11)).toBe(6);
    expect(circuitBreakerThreshold(1000)).toBe(200);
  });
});
