import {
  CreateClusterCommand,
  ECSServiceException,
  RegisterContainerInstanceCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import { expect } from 'vitest';
import type { Input } from '../protocol/input.js';
import { storeTaskDefinition } from '../services/ecs/task-definitions.js';
import { startSimulator } from './sim-client.js';

/** An EC2 instance as the ECS agent registers it (instance identity document, resources). */
export function registerInput(cluster: string, zone: string, instanceId: string) {
  return {
    cluster,
    instanceIdentityDocument: JSON.stringify({
      instanceId,
      instanceType: 'm5.large',
      availabilityZone: zone,
      region: 'us-east-1',
    }),
    totalResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: 7680 },
      {
        name: 'PORTS',
        type: 'STRINGSET',
        stringSetValue: ['22', '2375', '2376', '51678', '51679', '51680'],
      },
      { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
    ],
    versionInfo: { agentVersion: '1.89.2', dockerVersion: 'DockerVersion: 25.0.8' },
  };
}

/**
 * An empty simulator with one EC2 cluster of three m5.large instances (one per zone), registered
 * over the wire as the agent would. Task definitions go straight into the store, so these tests
 * do not depend on RegisterTaskDefinition's validation. The simulated clock is paused: time
 * moves only through `advanceUntil`, so nothing depends on how fast the machine is.
 */
export async function startFleet(cluster = 'conformance') {
  const started = await startSimulator({ scenario: 'empty' });
  started.simulator.clock.pause();
  const client = started.ecs();
  await client.send(new CreateClusterCommand({ clusterName: cluster }));
  const instanceArns: string[] = [];
  for (const [i, zone] of ['us-east-1a', 'us-east-1b', 'us-east-1c'].entries()) {
    const { containerInstance } = await client.send(
      new RegisterContainerInstanceCommand(
        registerInput(cluster, zone, `i-0${String(i).repeat(16)}`),
      ),
    );
    instanceArns.push(containerInstance?.containerInstanceArn ?? '');
  }
  const { simulator } = started;
  const taskDefinition = (definition: Input) =>
    storeTaskDefinition(simulator.world.region('us-east-1'), simulator.clock.now(), definition).arn;
  /**
   * Steps simulated time (`stepMs` at a time, at most `limitMs` in all) until `check` passes;
   * past the limit, `check`'s own failure is the test's. Each call the check makes lets the
   * fleet catch up with the clock first, as every handler does.
   */
  const advanceUntil = async (
    check: () => Promise<void>,
    { stepMs = 5_000, limitMs = 60 * 60_000 }: { stepMs?: number; limitMs?: number } = {},
  ) => {
    for (let elapsed = 0; ; elapsed += stepMs) {
      try {
        await check();
        return;
      } catch (error) {
        if (elapsed >= limitMs) throw error;
      }
      simulator.clock.advance(stepMs);
    }
  };
  return { ...started, client, cluster, instanceArns, taskDefinition, advanceUntil };
}

/** The AWS error a call fails with (and that it fails). */
export async function awsError(promise: Promise<unknown>): Promise<ECSServiceException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ECSServiceException);
  return error as ECSServiceException;
}

export type Fleet = Awaited<ReturnType<typeof startFleet>>;
export type { ECSClient };
