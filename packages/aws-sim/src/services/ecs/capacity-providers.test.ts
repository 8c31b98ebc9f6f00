import {
  CreateClusterCommand,
  DescribeCapacityProvidersCommand,
  ECSServiceException,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../testing/sim-client.js';
import type { Simulator } from '../../simulator.js';

let simulator: Simulator;
let ecs: Awaited<ReturnType<typeof startSimulator>>['ecs'];

beforeAll(async () => {
  ({ simulator, ecs } = await startSimulator({ scenario: 'empty' }));
});
afterAll(() => simulator.stop());

const providerArn = (name: string) =>
  `arn:aws:ecs:us-east-1:000000000000:capacity-provider/${name}`;

async function awsError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ECSServiceException);
  return error as ECSServiceException;
}

describe('DescribeCapacityProviders over the wire (real SDK)', () => {
  it('describes the two AWS-managed providers', async () => {
    const result = await ecs().send(new DescribeCapacityProvidersCommand({}));
    expect(result.capacityProviders).toEqual([
      {
        capacityProviderArn: providerArn('FARGATE'),
        name: 'FARGATE',
        status: 'ACTIVE',
        type: 'FARGATE',
      },
      {
        capacityProviderArn: providerArn('FARGATE_SPOT'),
        name: 'FARGATE_SPOT',
        status: 'ACTIVE',
        type: 'FARGATE_SPOT',
      },
    ]);
    expect(result.failures).toEqual([]);
    expect(result.nextToken).toBeUndefined();
  });

  it('takes names or ARNs, reports unknown ones as MISSING, and adds tags on request', async () => {
    const result = await ecs().send(
      new DescribeCapacityProvidersCommand({
        capacityProviders: [providerArn('FARGATE_SPOT'), 'my-asg-provider'],
        include: ['TAGS'],
      }),
    );
    expect(result.capacityProviders?.map((p) => [p.name, p.tags])).toEqual([['FARGATE_SPOT', []]]);
    expect(result.capacityProviders?.[0]?.autoScalingGroupProvider).toBeUndefined();
    expect(result.failures).toEqual([{ arn: providerArn('my-asg-provider'), reason: 'MISSING' }]);
  });

  it('answers only the providers of a cluster when one is named', async () => {
    await ecs().send(
      new CreateClusterCommand({ clusterName: 'spot-only', capacityProviders: ['FARGATE_SPOT'] }),
    );
    await ecs().send(new CreateClusterCommand({ clusterName: 'plain' }));
    const spot = await ecs().send(new DescribeCapacityProvidersCommand({ cluster: 'spot-only' }));
    expect(spot.capacityProviders?.map((p) => p.name)).toEqual(['FARGATE_SPOT']);
    const plain = await ecs().send(new DescribeCapacityProvidersCommand({ cluster: 'plain' }));
    expect(plain.capacityProviders).toEqual([]);
    const ghost = await awsError(
      ecs().send(new DescribeCapacityProvidersCommand({ cluster: 'ghost' })),
    );
    expect(ghost.name).toBe('ClusterNotFoundException');
  });

  it('pages with maxResults 1 to 10', async () => {
    const first = await ecs().send(new DescribeCapacityProvidersCommand({ maxResults: 1 }));
    expect(first.capacityProviders?.map((p) => p.name)).toEqual(['FARGATE']);
    expect(first.nextToken).toBeTruthy();
    const second = await ecs().send(
      new DescribeCapacityProvidersCommand({ maxResults: 1, nextToken: first.nextToken }),
    );
    expect(second.capacityProviders?.map((p) => p.name)).toEqual(['FARGATE_SPOT']);
    expect(second.nextToken).toBeUndefined();
    const tooMany = await awsError(
      ecs().send(new DescribeCapacityProvidersCommand({ maxResults: 11 })),
    );
    expect(tooMany.name).toBe('InvalidParameterException');
  });
});
