import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../testing/sim-client.js';
import type { Simulator } from '../simulator.js';

let simulator: Simulator;
let ecs: Awaited<ReturnType<typeof startSimulator>>['ecs'];

beforeAll(async () => {
  ({ simulator, ecs } = await startSimulator({ scenario: 'demo' }));
  // The SDK's first call and Node's first fetch() load the rest of their modules (most of a
  // second, far more on a busy machine): pay that here, not inside the first test's timeout.
  // The counting test resets the counts first.
  await ecs().send(new ListClustersCommand({}));
  await fetch(`${simulator.endpoint}/_sim/stats`).then((response) => response.json());
}, 60_000);
afterAll(() => simulator.stop());

const control = (path: string, init?: RequestInit) =>
  fetch(`${simulator.endpoint}${path}`, init).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
  }));

describe('/_sim control routes', () => {
  it('counts calls per operation', async () => {
    await control('/_sim/stats', { method: 'DELETE' });
    await ecs().send(new ListClustersCommand({}));
    await ecs().send(new ListClustersCommand({}));
    const stats = await control('/_sim/stats');
    // `total` and `operations` keep their original shape; `throttled` and `faults` were added.
    expect(stats.body).toEqual({
      total: 2,
      operations: { 'ecs:ListClusters': 2 },
      throttled: {},
      faults: {},
      // The X-Ray daemon's counters (and the trace store's) ride along under `xray`.
      xray: expect.objectContaining({ received: 0, accepted: 0, dropped: 0 }),
    });
  });

  it('resets to another scenario', async () => {
    expect(
      (await control('/_sim/reset', { method: 'POST', body: '{"scenario":"empty"}' })).status,
    ).toBe(200);
    expect((await ecs().send(new ListClustersCommand({}))).clusterArns).toEqual([]);
    await control('/_sim/reset', { method: 'POST', body: '{"scenario":"demo"}' });
    expect((await ecs().send(new ListClustersCommand({}))).clusterArns).toHaveLength(3);
  });

  it('changes the clock speed and refuses nonsense', async () => {
    try {
      const ok = await control('/_sim/clock', { method: 'POST', body: '{"speed":5}' });
      expect(ok.body.speed).toBe(5);
      expect(simulator.clock.speed).toBe(5);
      const bad = await control('/_sim/clock', { method: 'POST', body: '{"speed":-1}' });
      expect(bad.status).toBe(400);
      expect(bad.body.__type).toBe('ValidationException');
      const unknown = await control('/_sim/reset', { method: 'POST', body: '{"scenario":"huge"}' });
      expect(unknown.status).toBe(400);
    } finally {
      // The other tests run on a real-time clock, whatever order they run in.
      simulator.clock.setSpeed(1);
    }
  });

  it('switches throttling at run time and shows the buckets', async () => {
    const shown = await control('/_sim/throttling');
    expect(shown.body).toMatchObject({
      mode: 'off',
      buckets: { ecs: { categories: { 'cluster-read': { burst: 50, refillPerSecond: 20 } } } },
    });
    const on = await control('/_sim/throttling', { method: 'POST', body: '{"mode":"aws"}' });
    expect(on.body.mode).toBe('aws');
    expect(simulator.throttler.mode).toBe('aws');
    const resized = await control('/_sim/throttling', {
      method: 'POST',
      body: JSON.stringify({
        mode: 'off',
        buckets: { ecs: { 'cluster-modify': { burst: 40, refillPerSecond: 2 } } },
      }),
    });
    expect(resized.body).toMatchObject({
      mode: 'off',
      buckets: { ecs: { categories: { 'cluster-modify': { burst: 40, refillPerSecond: 2 } } } },
    });
  });

  it.each([
    ['/_sim/throttling', '{"mode":"fast"}', 'mode'],
    ['/_sim/throttling', '{}', 'mode'],
    ['/_sim/throttling', '{"mode":"aws","speed":1}', 'speed'],
    ['/_sim/throttling', '{"buckets":{"ecs":{"cluster-party":{"burst":1}}}}', 'cluster-party'],
    ['/_sim/throttling', '{"buckets":{"ecs":{"cluster-read":{"burst":0}}}}', 'cluster-read'],
    ['/_sim/faults', '{"errorRate":2}', 'errorRate'],
    ['/_sim/faults', '{"latencyMs":"200"}', 'latencyMs'],
    ['/_sim/faults', '{"operations":["ListTask"],"throttle":true}', 'ListTask'],
    ['/_sim/faults', '{"throttle":true,"service":"s3"}', 'service'],
    ['/_sim/faults', '{"hang":"yes"}', 'hang'],
    ['/_sim/faults', '[1]', 'JSON object'],
    ['/_sim/faults', 'not json', 'JSON object'],
  ])('POST %s %s → 400 naming %s', async (path, body, field) => {
    const response = await control(path, { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(response.body.__type).toBe('ValidationException');
    expect(response.body.message).toContain(field);
  });

  it('clears faults and refills buckets on reset', async () => {
    await control('/_sim/faults', { method: 'POST', body: '{"throttle":true}' });
    expect((await control('/_sim/faults')).body.faults).toHaveLength(1);
    await control('/_sim/reset', { method: 'POST', body: '{"scenario":"demo"}' });
    expect((await control('/_sim/faults')).body).toEqual({ faults: [] });
  });
});
