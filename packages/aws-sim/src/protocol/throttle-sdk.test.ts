import {
  DescribeClustersCommand,
  ECSServiceException,
  ListContainerInstancesCommand,
  ListServicesCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { controlCall, rawCall, startSimulator } from '../testing/sim-client.js';
import type { Simulator } from '../simulator.js';

let simulator: Simulator;
let ecs: Awaited<ReturnType<typeof startSimulator>>['ecs'];

beforeAll(async () => {
  ({ simulator, ecs } = await startSimulator({ scenario: 'demo', throttling: 'aws' }));
});
afterAll(() => simulator.stop());

// Full buckets and zeroed counts before each test, so each burst starts where AWS's would.
beforeEach(async () => {
  await controlCall(simulator.endpoint, 'POST', '/_sim/throttling', { mode: 'aws' });
  await controlCall(simulator.endpoint, 'DELETE', '/_sim/stats');
});

const describeCluster = new DescribeClustersCommand({ clusters: ['prod-ec2'] });

/** Sends `count` DescribeClusters one after another; the errors, by position. */
async function describeBurst(count: number, region?: string) {
  const client = ecs(region);
  const errors: (ECSServiceException | undefined)[] = [];
  for (let i = 0; i < count; i += 1) {
    errors.push(
      await client.send(describeCluster).then(
        () => undefined,
        (error: unknown) => {
          expect(error).toBeInstanceOf(ECSServiceException);
          return error as ECSServiceException;
        },
      ),
    );
  }
  return errors;
}

/** Empties the cluster read bucket of us-east-1 (burst 50; the refill cannot land within the burst). */
async function exhaustClusterReads() {
  const errors = await describeBurst(51);
  expect(errors.slice(0, 50).every((error) => error === undefined)).toBe(true);
  return errors[50];
}

describe("AWS's throttling over the wire (real SDK, maxAttempts 1)", () => {
  it('answers the 51st DescribeClusters of a burst with ThrottlingException', async () => {
    const throttled = await exhaustClusterReads();
    expect(throttled?.name).toBe('ThrottlingException');
    expect(throttled?.message).toBe('Rate exceeded');
    expect(throttled?.$metadata.httpStatusCode).toBe(400);
    expect(throttled?.$fault).toBe('client');

    // Exactly as AWS sends it: the type in the body and in x-amzn-ErrorType.
    const raw = await rawCall(
      simulator.endpoint,
      'AmazonEC2ContainerServiceV20141113.DescribeClusters',
      '{}',
    );
    expect(raw.status).toBe(400);
    expect(raw.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
    expect(raw.body).toEqual({ __type: 'ThrottlingException', message: 'Rate exceeded' });

    // A throttled call is still a call.
    const stats = await controlCall(simulator.endpoint, 'GET', '/_sim/stats');
    expect(stats.body).toMatchObject({
      total: 52,
      operations: { 'ecs:DescribeClusters': 52 },
      throttled: { 'ecs:DescribeClusters': 2 },
    });
  });

  it('leaves other categories and Regions alone while cluster reads are throttled', async () => {
    expect((await exhaustClusterReads())?.name).toBe('ThrottlingException');
    const instances = await ecs().send(new ListContainerInstancesCommand({ cluster: 'prod-ec2' }));
    expect(instances.containerInstanceArns).toHaveLength(3);
    const elsewhere = await describeBurst(1, 'eu-west-1');
    expect(elsewhere).toEqual([undefined]);
  });

  it('still answers a service read (its own bucket) while cluster reads are throttled', async () => {
    expect((await exhaustClusterReads())?.name).toBe('ThrottlingException');
    const services = await ecs().send(new ListServicesCommand({ cluster: 'prod-ec2' }));
    expect(services.serviceArns?.length).toBeGreaterThan(0);
  });

  it('refills by wall-clock time', async () => {
    expect((await exhaustClusterReads())?.name).toBe('ThrottlingException');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const errors = await describeBurst(21);
    expect(errors.filter((error) => error === undefined)).toHaveLength(20);
    expect(errors[20]?.name).toBe('ThrottlingException');
  });

  it('never throttles when switched off at run time', async () => {
    const off = await controlCall(simulator.endpoint, 'POST', '/_sim/throttling', { mode: 'off' });
    expect(off.body.mode).toBe('off');
    const client = ecs();
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => client.send(describeCluster)),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const stats = await controlCall(simulator.endpoint, 'GET', '/_sim/stats');
    expect(stats.body).toMatchObject({
      operations: { 'ecs:DescribeClusters': 200 },
      throttled: {},
    });
  });
});

describe("throttling: 'off' from the start", () => {
  it('never throttles', async () => {
    const { simulator: unthrottled, ecs: client } = await startSimulator({ throttling: 'off' });
    try {
      expect(unthrottled.throttler.mode).toBe('off');
      for (let i = 0; i < 120; i += 1) await client().send(describeCluster);
      expect(unthrottled.stats.snapshot().throttled).toEqual({});
    } finally {
      await unthrottled.stop();
    }
  });
});
