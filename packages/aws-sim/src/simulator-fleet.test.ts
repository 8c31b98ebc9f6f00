import { DescribeServicesCommand, ListClustersCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './simulator.js';
import { controlCall, startSimulator } from './testing/sim-client.js';

let simulator: Simulator;
let ecs: Awaited<ReturnType<typeof startSimulator>>['ecs'];

beforeAll(async () => {
  ({ simulator, ecs } = await startSimulator({ scenario: 'demo' }));
});
afterAll(() => simulator.stop());

describe('the live fleet in the running simulator', () => {
  it('restarts cleanly on reset and keeps moving on the simulated clock', async () => {
    // Paused, simulated time moves only when the test says: nothing hangs on the machine's speed.
    simulator.clock.pause();
    try {
      await controlCall(simulator.endpoint, 'POST', '/_sim/reset', { scenario: 'empty' });
      expect((await ecs().send(new ListClustersCommand({}))).clusterArns).toEqual([]);
      await controlCall(simulator.endpoint, 'POST', '/_sim/reset', { scenario: 'demo' });
      const describeWeb = async () =>
        (
          await ecs().send(
            new DescribeServicesCommand({ cluster: 'prod-ec2', services: ['web', 'api'] }),
          )
        ).services ?? [];
      const before = await describeWeb();
      expect(before.map((s) => s.runningCount)).toEqual([3, 3]);
      const deployments = (services: typeof before) =>
        services.map((s) => s.deployments?.[0]?.id ?? '').join();
      // The demo's release train ships within minutes: step a minute at a time, two hours at most.
      let after = deployments(before);
      for (let minutes = 0; after === deployments(before) && minutes < 120; minutes += 1) {
        simulator.clock.advance(60_000);
        after = deployments(await describeWeb());
      }
      expect(after).not.toBe(deployments(before));
    } finally {
      simulator.clock.resume();
    }
  });
});
