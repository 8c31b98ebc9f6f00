import {
  CreateClusterCommand,
  ECSServiceException,
  RegisterContainerInstanceCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import { expect, vi } from 'vitest';
import type { Input } from '../protocol/input.js';
import { storeTaskDefinition } from '../services/ecs/task-definitions.js';
import { controlCall, startSimulator } from './sim-client.js';

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
 * do not depend on RegisterTaskDefinition's validation.
 */
export async function startFleet(cluster = 'conformance') {
  const started = await startSimulator({ scenario: 'empty' });
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
  /** Runs simulated time `speed` times faster (through `/_sim/clock`) until `check` passes. */
  const fastUntil = async (check: () => Promise<void>, speed = 400) => {
    await controlCall(simulator.endpoint, 'POST', '/_sim/clock', { speed });
    try {
      await vi.waitFor(check, { timeout: 8000, interval: 25 });
    } finally {
      await controlCall(simulator.endpoint, 'POST', '/_sim/clock', { speed: 1 });
    }
  };
  return { ...started, client, cluster, instanceArns, taskDefinition, fastUntil };
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
