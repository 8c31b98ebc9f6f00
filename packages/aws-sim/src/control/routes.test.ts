import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../testing/sim-client.js';
import type { Simulator } from '../simulator.js';

let simulator: Simulator;
let ecs: Awaited<ReturnType<typeof startSimulator>>['ecs'];

beforeAll(async () => {
  ({ simulator, ecs } = await startSimulator({ scenario: 'demo' }));
});
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
    expect(stats.body).toEqual({ total: 2, operations: { 'ecs:ListClusters': 2 } });
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
    const ok = await control('/_sim/clock', { method: 'POST', body: '{"speed":5}' });
    expect(ok.body.speed).toBe(5);
    expect(simulator.clock.speed).toBe(5);
    const bad = await control('/_sim/clock', { method: 'POST', body: '{"speed":-1}' });
    expect(bad.status).toBe(400);
    expect(bad.body.__type).toBe('ValidationException');
    const unknown = await control('/_sim/reset', { method: 'POST', body: '{"scenario":"huge"}' });
    expect(unknown.status).toBe(400);
  });
});
