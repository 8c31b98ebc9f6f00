// Faults on X-Ray, ECR and EKS over the wire, with the real SDK v3 clients: each service
// answers an injected throttle with its own error, and every kind of fault reaches it.
import {
  DescribeRepositoriesCommand,
  DescribeImagesCommand,
  ECRClient,
  ECRServiceException,
} from '@aws-sdk/client-ecr';
import {
  DescribeClusterCommand,
  EKSClient,
  EKSServiceException,
  ListClustersCommand,
} from '@aws-sdk/client-eks';
import {
  GetServiceGraphCommand,
  GetTraceSummariesCommand,
  ThrottledException,
  XRayClient,
  XRayServiceException,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { controlCall, startSimulator } from '../testing/sim-client.js';
import type { Simulator } from '../simulator.js';

let simulator: Simulator;
let xray: XRayClient;
let ecr: ECRClient;
let eks: EKSClient;

const clientConfig = () => ({
  region: 'us-east-1',
  endpoint: simulator.endpoint,
  credentials: { accessKeyId: 'AKIDSIMTEST', secretAccessKey: 'not-checked' },
  maxAttempts: 1,
});

beforeAll(async () => {
  ({ simulator } = await startSimulator({ scenario: 'demo' }));
  xray = new XRayClient(clientConfig());
  ecr = new ECRClient(clientConfig());
  eks = new EKSClient(clientConfig());
});
afterAll(async () => {
  xray.destroy();
  ecr.destroy();
  eks.destroy();
  await simulator.stop();
});

beforeEach(async () => {
  await controlCall(simulator.endpoint, 'DELETE', '/_sim/faults');
  await controlCall(simulator.endpoint, 'DELETE', '/_sim/stats');
});

const inject = async (fault: Record<string, unknown>) => {
  const response = await controlCall(simulator.endpoint, 'POST', '/_sim/faults', fault);
  expect(response.body).not.toHaveProperty('message');
  expect(response.status).toBe(200);
};

const stats = async () => (await controlCall(simulator.endpoint, 'GET', '/_sim/stats')).body;

/** The error a call ends with; fails the test when the call succeeds. */
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error & { $metadata: { httpStatusCode?: number }; $fault?: string };
}

const window = () => ({
  StartTime: new Date(Date.now() - 10 * 60_000),
  EndTime: new Date(Date.now() + 60_000),
});

describe('X-Ray faults (real SDK)', () => {
  it('throttles GetTraceSummaries with a 429 ThrottledException, and nothing else', async () => {
    await inject({ service: 'xray', operations: ['GetTraceSummaries'], throttle: true });
    const error = await failure(xray.send(new GetTraceSummariesCommand(window())));
    expect(error).toBeInstanceOf(ThrottledException);
    expect(error).toBeInstanceOf(XRayServiceException);
    expect(error.name).toBe('ThrottledException');
    expect(error.$metadata.httpStatusCode).toBe(429);
    expect(error.$fault).toBe('client');

    await xray.send(new GetServiceGraphCommand(window()));
    expect(await stats()).toMatchObject({
      total: 2,
      operations: { 'xray:GetTraceSummaries': 1, 'xray:GetServiceGraph': 1 },
      throttled: { 'xray:GetTraceSummaries': 1 },
      faults: { 'xray:GetTraceSummaries': 1 },
    });
  });

  it('hangs an X-Ray call until the client gives up', async () => {
    await inject({ service: 'xray', operations: ['GetServiceGraph'], hang: true });
    const error = await failure(
      xray.send(new GetServiceGraphCommand(window()), { abortSignal: AbortSignal.timeout(200) }),
    );
    expect(error.name).toMatch(/Abort/);
    expect(await stats()).toMatchObject({ faults: { 'xray:GetServiceGraph': 1 } });
  });

  it('keeps the daemon counters beside the call counts in GET /_sim/stats', async () => {
    await xray.send(new GetServiceGraphCommand(window()));
    const body = await stats();
    expect(Object.keys(body).sort()).toEqual([
      'faults',
      'operations',
      'throttled',
      'total',
      'xray',
    ]);
    expect(body.xray).toHaveProperty('stored');
  });
});

describe('ECR faults (real SDK)', () => {
  it('fails DescribeRepositories at the error rate, leaving other operations alone', async () => {
    const before = await ecr.send(new DescribeRepositoriesCommand({}));
    expect(before.repositories?.length).toBeGreaterThan(0);
    await inject({
      service: 'ecr',
      operations: ['DescribeRepositories'],
      errorRate: 1,
      status: 503,
    });
    const error = await failure(ecr.send(new DescribeRepositoriesCommand({})));
    expect(error).toBeInstanceOf(ECRServiceException);
    expect(error.name).toBe('ServerException');
    expect(error.$metadata.httpStatusCode).toBe(503);

    const name = before.repositories?.[0]?.repositoryName ?? '';
    await ecr.send(new DescribeImagesCommand({ repositoryName: name }));
    expect(await stats()).toMatchObject({
      faults: { 'ecr:DescribeRepositories': 1 },
      operations: { 'ecr:DescribeRepositories': 2, 'ecr:DescribeImages': 1 },
    });
  });

  it('throttles with a 400 ThrottlingException', async () => {
    await inject({ service: 'ecr', throttle: true });
    const error = await failure(ecr.send(new DescribeRepositoriesCommand({})));
    expect(error.name).toBe('ThrottlingException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe('EKS faults (real SDK)', () => {
  it('delays ListClusters by the latency asked for', async () => {
    const quick = performance.now();
    await eks.send(new ListClustersCommand({}));
    expect(performance.now() - quick).toBeLessThan(250);

    await inject({ service: 'eks', operations: ['ListClusters'], latencyMs: 300 });
    const started = performance.now();
    const { clusters } = await eks.send(new ListClustersCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(clusters?.length).toBeGreaterThan(0);
    expect(await stats()).toMatchObject({ faults: { 'eks:ListClusters': 1 } });
  });

  it('throttles with a 429 ThrottlingException, as the EKS model says', async () => {
    await inject({ service: 'eks', operations: ['DescribeCluster'], throttle: true });
    const error = await failure(eks.send(new DescribeClusterCommand({ name: 'anything' })));
    expect(error).toBeInstanceOf(EKSServiceException);
    expect(error.name).toBe('ThrottlingException');
    expect(error.$metadata.httpStatusCode).toBe(429);
  });
});

describe('POST /_sim/faults validation', () => {
  it.each([
    [{ service: 'sqs', throttle: true }, 'service must be one of ecr, ecs, eks, xray'],
    [
      { service: 'xray', operations: ['GetTraceSummary', 'ListClusters'], throttle: true },
      'operations: GetTraceSummary, ListClusters are not xray operations',
    ],
    [
      { service: 'eks', operations: ['ListNodeGroups'], latencyMs: 5 },
      'operations: ListNodeGroups is not an eks operation',
    ],
  ])('refuses %j with a 400 ValidationException', async (body, message) => {
    const response = await controlCall(simulator.endpoint, 'POST', '/_sim/faults', body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ __type: 'ValidationException', message });
    expect((await controlCall(simulator.endpoint, 'GET', '/_sim/faults')).body).toEqual({
      faults: [],
    });
  });

  it('lists faults of several services side by side', async () => {
    await inject({ service: 'xray', throttle: true });
    await inject({ service: 'ecr', operations: ['DescribeImages'], latencyMs: 5 });
    const listed = await controlCall(simulator.endpoint, 'GET', '/_sim/faults');
    expect(listed.body.faults).toEqual([
      { service: 'xray', throttle: true, errorRate: 0, status: 500, latencyMs: 0, hang: false },
      {
        service: 'ecr',
        operations: ['DescribeImages'],
        throttle: false,
        errorRate: 0,
        status: 500,
        latencyMs: 5,
        hang: false,
      },
    ]);
  });
});
