import {
  DescribeClustersCommand,
  ECSClient,
  ECSServiceException,
  ListClustersCommand,
  ListContainerInstancesCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { controlCall, startSimulator } from '../testing/sim-client.js';
import type { Simulator } from '../simulator.js';

let simulator: Simulator;
let ecs: Awaited<ReturnType<typeof startSimulator>>['ecs'];

beforeAll(async () => {
  ({ simulator, ecs } = await startSimulator({ scenario: 'demo' }));
});
afterAll(() => simulator.stop());

beforeEach(async () => {
  await controlCall(simulator.endpoint, 'DELETE', '/_sim/faults');
  await controlCall(simulator.endpoint, 'DELETE', '/_sim/stats');
});

const inject = async (fault: Record<string, unknown>) => {
  const response = await controlCall(simulator.endpoint, 'POST', '/_sim/faults', fault);
  expect(response.status).toBe(200);
};

const stats = async () => (await controlCall(simulator.endpoint, 'GET', '/_sim/stats')).body;

/** The SDK error a call ends with. */
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as ECSServiceException;
}

const clientWith = (config: Partial<ConstructorParameters<typeof ECSClient>[0]>) =>
  new ECSClient({
    region: 'us-east-1',
    endpoint: simulator.endpoint,
    credentials: { accessKeyId: 'AKIDSIMTEST', secretAccessKey: 'not-checked' },
    ...config,
  });

const activeTimers = () =>
  process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('injected faults over the wire (real SDK)', () => {
  it('throttles the named operations only', async () => {
    await inject({ operations: ['ListClusters'], throttle: true });
    const error = await failure(ecs().send(new ListClustersCommand({})));
    expect(error).toBeInstanceOf(ECSServiceException);
    expect(error.name).toBe('ThrottlingException');
    expect(error.message).toBe('Rate exceeded');
    expect(error.$metadata.httpStatusCode).toBe(400);
    await ecs().send(new ListContainerInstancesCommand({ cluster: 'prod-ec2' }));
    expect(await stats()).toMatchObject({
      total: 2,
      throttled: { 'ecs:ListClusters': 1 },
      faults: { 'ecs:ListClusters': 1 },
    });
  });

  it('answers a chosen error code, which the SDK surfaces by name and does not retry', async () => {
    await inject({ errorRate: 1, status: 400, code: 'ExpiredTokenException' });
    const error = await failure(clientWith({}).send(new ListClustersCommand({})));
    expect(error).toBeInstanceOf(ECSServiceException);
    expect(error.name).toBe('ExpiredTokenException');
    expect(error.message).toBe('The security token included in the request is expired');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(await stats()).toMatchObject({ total: 1, faults: { 'ecs:ListClusters': 1 } });
  });

  it('answers errorRate 1.0 with ServerException 500, which the SDK retries', async () => {
    await inject({ operations: ['ListClusters'], errorRate: 1 });
    const once = await failure(ecs().send(new ListClustersCommand({})));
    expect(once.name).toBe('ServerException');
    expect(once.message).toBe('An internal error occurred.');
    expect(once.$metadata.httpStatusCode).toBe(500);
    expect(once.$fault).toBe('server');

    // Standard retry mode: 3 attempts for a 5xx, each one a call the simulator counts.
    await controlCall(simulator.endpoint, 'DELETE', '/_sim/stats');
    const retried = await failure(clientWith({}).send(new ListClustersCommand({})));
    expect(retried.name).toBe('ServerException');
    expect(retried.$metadata.attempts).toBe(3);
    expect(await stats()).toMatchObject({
      operations: { 'ecs:ListClusters': 3 },
      faults: { 'ecs:ListClusters': 3 },
      throttled: {},
    });
  });

  it('adds real latency', async () => {
    await inject({ operations: ['ListClusters'], latencyMs: 200 });
    const started = performance.now();
    const { clusterArns } = await ecs().send(new ListClustersCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    expect(clusterArns).toHaveLength(3);
  });

  it('hangs until the client gives up (abort signal or request timeout)', async () => {
    await inject({ operations: ['ListClusters'], hang: true });
    const aborted = await failure(
      ecs().send(new ListClustersCommand({}), { abortSignal: AbortSignal.timeout(300) }),
    );
    expect(aborted.name).toMatch(/Abort/);

    // @smithy/node-http-handler 4.x only logs a warning when requestTimeout passes, unless
    // throwOnRequestTimeout is set: without it the SDK would wait for this hang forever.
    const timedOut = await failure(
      clientWith({
        maxAttempts: 1,
        requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true },
      }).send(new ListClustersCommand({})),
    );
    expect(timedOut.name).toBe('TimeoutError');
    expect(await stats()).toMatchObject({ faults: { 'ecs:ListClusters': 2 } });

    // Other operations are untouched, and the endpoint still answers.
    await ecs().send(new ListContainerInstancesCommand({ cluster: 'prod-ec2' }));
  });

  it('lists and clears faults', async () => {
    await inject({ throttle: true });
    await inject({ operations: ['ListTasks'], latencyMs: 5 });
    const listed = await controlCall(simulator.endpoint, 'GET', '/_sim/faults');
    expect(listed.body.faults).toEqual([
      { service: 'ecs', throttle: true, errorRate: 0, status: 500, latencyMs: 0, hang: false },
      {
        service: 'ecs',
        operations: ['ListTasks'],
        throttle: false,
        errorRate: 0,
        status: 500,
        latencyMs: 5,
        hang: false,
      },
    ]);
    expect((await controlCall(simulator.endpoint, 'DELETE', '/_sim/faults')).body).toEqual({
      faults: [],
    });
    await ecs().send(new ListClustersCommand({}));
  });
});

describe('simulator.stop() with requests held by faults', () => {
  it('ends hanging and delayed requests and leaves no timer behind', async () => {
    const { simulator: held } = await startSimulator({ scenario: 'empty' });
    const timersBefore = activeTimers();
    await controlCall(held.endpoint, 'POST', '/_sim/faults', {
      operations: ['ListClusters'],
      hang: true,
    });
    await controlCall(held.endpoint, 'POST', '/_sim/faults', {
      operations: ['DescribeClusters'],
      latencyMs: 600_000,
    });
    // Clients that would wait forever: only the simulator can end these requests.
    const client = new ECSClient({
      region: 'us-east-1',
      endpoint: held.endpoint,
      credentials: { accessKeyId: 'AKIDSIMTEST', secretAccessKey: 'not-checked' },
      maxAttempts: 1,
    });
    const hanging = failure(client.send(new ListClustersCommand({})));
    const delayed = failure(client.send(new DescribeClustersCommand({})));
    while (
      held.stats.snapshot().faults['ecs:DescribeClusters'] === undefined ||
      held.stats.total() < 2
    )
      await new Promise((resolve) => setTimeout(resolve, 10));

    const started = performance.now();
    await held.stop();
    expect(performance.now() - started).toBeLessThan(1_000);
    // The connections closed under them: the SDK reports a socket error, not an AWS answer.
    for (const error of [await hanging, await delayed]) {
      expect(error).not.toBeInstanceOf(ECSServiceException);
      expect(error.$metadata.httpStatusCode).toBeUndefined();
    }
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
    client.destroy();
  });
});
