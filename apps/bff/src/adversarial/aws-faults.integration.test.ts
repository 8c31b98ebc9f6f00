import { createSimulator, type Simulator } from '@deckhand/aws-sim';
import {
  ContainerInstancesResponse,
  ErrorBody,
  ServicesResponse,
  TasksResponse,
} from '@deckhand/shared';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app.js';
import { createAwsLayer, type AwsLayer, type AwsLayerOptions } from '../aws/aws-layer.js';
import { CLIENT_DEFAULTS } from '../aws/clients.js';
import { createClustersService } from '../modules/clusters/clusters.service.js';
import { createEcsServices } from '../modules/ecs-routes.js';
import { createEksService } from '../modules/eks/eks.service.js';
import { createRegistryService } from '../modules/registry/registry.service.js';
import { createTracesService } from '../modules/traces/traces.service.js';
import { startWatchingProxy, type WatchingProxy } from './aws-faults-proxy.js';

/*
 * AWS misbehaving, through the simulator's own fault injection (`/_sim/faults` over HTTP) and
 * the BFF's real AWS layer (SDK clients, retries, timeouts, call budget, read cache) over real
 * HTTP. Each case holds a number the unfixed BFF got wrong: AWS calls per minute of throttling,
 * attempts per hung call, sockets, the credentials signing after a refresh, Describe failures.
 */

const MAX_ATTEMPTS = CLIENT_DEFAULTS.maxAttempts;
/** The BFF's read TTL, and the longest rest of a failing read (read-cache.ts). */
const TTL_MS = 5_000;
const MAX_REST_MS = 30_000;

let simulator: Simulator;
const layers: AwsLayer[] = [];
const proxies: WatchingProxy[] = [];

beforeAll(async () => {
  simulator = createSimulator({ port: 0, scenario: 'demo' });
  await simulator.start();
});

afterAll(async () => {
  await simulator.stop();
});

beforeEach(async () => {
  await control('DELETE', '/_sim/faults');
  await control('DELETE', '/_sim/stats');
});

afterEach(async () => {
  for (const layer of layers.splice(0)) layer.destroy();
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

/** A simulator control route, over HTTP as any client would call it. */
async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${simulator.endpoint}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const fault = (rule: Record<string, unknown>) => control('POST', '/_sim/faults', rule);

/** ECS calls that reached the simulator since the last stats reset, per operation. */
async function ecsCalls(): Promise<{ total: number; operations: Record<string, number> }> {
  const stats = (await control('GET', '/_sim/stats')) as {
    operations: Record<string, number>;
  };
  const operations = Object.fromEntries(
    Object.entries(stats.operations).filter(([key]) => key.startsWith('ecs:')),
  );
  return { total: Object.values(operations).reduce((sum, n) => sum + n, 0), operations };
}

/** A clock the read cache runs on, moved by hand: a minute of outage without a minute of waiting. */
function manualClock() {
  let now = Date.now();
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** The real AWS layer, pointed at the simulator (or a proxy in front of it). */
function layer(options: Partial<AwsLayerOptions> & { endpoint?: string } = {}): AwsLayer {
  const aws = createAwsLayer({
    endpoint: simulator.endpoint,
    credentials: { accessKeyId: 'AKIDADVERSARIAL', secretAccessKey: 'secret' },
    budgetShare: 0.5,
    ...options,
  });
  layers.push(aws);
  return aws;
}

async function proxy(): Promise<WatchingProxy> {
  const started = await startWatchingProxy(simulator.endpoint);
  proxies.push(started);
  return started;
}

function appOver(aws: AwsLayer) {
  return createApp({
    logger: pino({ level: 'silent' }),
    region: 'us-east-1',
    info: { mode: 'simulator', regions: ['us-east-1'], readOnly: false, version: 'test' },
    clusters: createClustersService(aws.ecs),
    ecs: createEcsServices(aws.ecs),
    registry: createRegistryService({ ecr: aws.ecr, ecs: aws.ecs }),
    eks: createEksService(aws.eks),
    traces: createTracesService(aws.xray),
  });
}

const errorOf = (body: unknown) => ErrorBody.parse(body).error;

describe('100 % throttling for a minute', () => {
  it('serves the last good answer marked stale, with a bounded number of AWS calls, and recovers', async () => {
    const clock = manualClock();
    const app = appOver(layer({ ttlMs: TTL_MS, now: clock.now }));
    const good = await request(app).get('/api/v1/clusters/prod-ec2/services').expect(200);
    const before = ServicesResponse.parse(good.body);
    expect(before.stale).toBe(false);
    expect(before.services.length).toBeGreaterThan(0);

    await fault({ service: 'ecs', throttle: true });
    await control('DELETE', '/_sim/stats');
    const started = Date.now();
    // A browser polling every 2 s for one (simulated) minute.
    let reads = 0;
    for (let elapsed = 2_000; elapsed <= 60_000; elapsed += 2_000) {
      clock.advance(2_000);
      const response = await request(app).get('/api/v1/clusters/prod-ec2/services').expect(200);
      reads += 1;
      const body = ServicesResponse.parse(response.body);
      if (elapsed < TTL_MS) {
        expect(body.stale).toBe(false);
        continue;
      }
      // Stale-while-revalidate (read-cache.ts): past the TTL the last good value comes at once
      // while a reload runs; it is marked stale once older than 2 × TTL (or while the key rests
      // after a failed reload), so within 2 × TTL the mark depends on the reload's timing.
      expect(body.asOf).toBe(before.asOf);
      if (elapsed <= 2 * TTL_MS) continue;
      expect(body.stale).toBe(true);
      expect(response.headers['x-deckhand-stale']).toBe('true');
      expect(response.headers['x-deckhand-as-of']).toBe(before.asOf);
      expect(body.asOf).toBe(before.asOf);
      expect(body.services).toEqual(before.services);
    }
    // The first reload after the TTL ran in the background (nobody waited on it): let its
    // attempts finish before counting.
    await vi.waitFor(async () => expect((await ecsCalls()).total % MAX_ATTEMPTS).toBe(0), {
      timeout: 10_000,
      interval: 100,
    });
    const realSeconds = (Date.now() - started) / 1000;
    const { total, operations } = await ecsCalls();
    // Every call that went out was throttled, and none was a retry storm: the read rested after
    // each failure (5, 10, 20, 30 s) so 30 polls made 4 loads of 3 attempts, not 30 of 3.
    expect(Object.keys(operations)).toEqual(['ecs:ListServices']);
    expect(total).toBeGreaterThan(0);
    expect(total % MAX_ATTEMPTS).toBe(0);
    expect(total).toBeLessThanOrEqual(5 * MAX_ATTEMPTS);
    expect(total).toBeLessThan(reads);
    // …and far below what the call budget (half of AWS's 100 burst / 20 per s) would allow.
    expect(total).toBeLessThanOrEqual(50 + 10 * realSeconds);

    // A read with no good answer to fall back on says clearly that AWS throttles.
    const never = await request(app).get('/api/v1/clusters/prod-fargate/services').expect(429);
    expect(errorOf(never.body)).toMatchObject({
      code: 'aws_throttled',
      message: expect.stringMatching(/throttling/i) as string,
    });
    expect(never.headers['retry-after']).toBeDefined();

    // The throttling ends: after at most the longest rest, the next read is fresh. No restart.
    await control('DELETE', '/_sim/faults');
    clock.advance(MAX_REST_MS);
    const fresh = await request(app).get('/api/v1/clusters/prod-ec2/services').expect(200);
    expect(fresh.headers['x-deckhand-stale']).toBeUndefined();
    const after = ServicesResponse.parse(fresh.body);
    expect(after.stale).toBe(false);
    expect(Date.parse(after.asOf)).toBeGreaterThan(Date.parse(before.asOf));
    await request(app).get('/api/v1/clusters/prod-fargate/services').expect(200);
  }, 40_000);
});

describe('a hung endpoint', () => {
  const TIMEOUT_MS = 1_000;
  /** Generous for a loaded 2-core machine, still well under a second attempt's timeout. */
  const SLACK_MS = 1_500;

  it('answers 504 aws_timeout within the request timeout, one attempt per call', async () => {
    const watch = await proxy();
    const app = appOver(
      layer({
        endpoint: watch.endpoint,
        requestTimeoutMs: TIMEOUT_MS,
        budgetShare: undefined,
        // No cache: each read waits on AWS itself (with one, a read resting after a timeout
        // answers 504 at once).
        ttlMs: 0,
      }),
    );
    await fault({ service: 'ecs', hang: true });
    for (let i = 0; i < 3; i += 1) {
      const started = Date.now();
      const response = await request(app).get('/api/v1/clusters/prod-ec2/services').expect(504);
      const took = Date.now() - started;
      expect(errorOf(response.body)).toMatchObject({
        code: 'aws_timeout',
        message: expect.stringContaining('did not answer in time') as string,
      });
      expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(took).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    }
    // A hung attempt is not retried: 3 reads, 3 calls (not 9, three times the wait).
    expect((await ecsCalls()).operations).toEqual({ 'ecs:ListServices': 3 });
    // The hung calls were abandoned, not left open upstream.
    await vi.waitFor(() => expect(watch.inFlight()).toBe(0), { timeout: 5_000 });
  }, 20_000);

  it('does not pile up sockets: concurrent hung reads stay within maxSockets and are all aborted', async () => {
    const watch = await proxy();
    const maxSockets = 4;
    const app = appOver(
      layer({
        endpoint: watch.endpoint,
        requestTimeoutMs: TIMEOUT_MS,
        maxSockets,
        budgetShare: undefined,
        ttlMs: 0,
      }),
    );
    await fault({ service: 'ecs', hang: true });
    // Ten different reads at once (no coalescing can share them), twice over.
    for (let round = 0; round < 2; round += 1) {
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          request(app).get(`/api/v1/clusters/cluster-${round}-${i}/services`),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(504);
        expect(errorOf(answer.body).code).toBe('aws_timeout');
      }
      // Reads queued for a socket time out with the rest: nobody waits for a second round.
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + SLACK_MS);
      expect(watch.maxConnections).toBeLessThanOrEqual(maxSockets);
      await vi.waitFor(() => expect(watch.inFlight()).toBe(0), { timeout: 5_000 });
    }
    // Each hung socket was destroyed with its attempt: none is left open.
    await vi.waitFor(() => expect(watch.openConnections()).toBe(0), { timeout: 5_000 });
    // At most one attempt per read reached AWS (those still queued for a socket, none).
    const { total } = await ecsCalls();
    expect(total).toBeGreaterThanOrEqual(2 * maxSockets);
    expect(total).toBeLessThanOrEqual(20);

    // AWS answers again: the same clients work, on new sockets.
    await control('DELETE', '/_sim/faults');
    await request(app).get('/api/v1/clusters/prod-ec2/services').expect(200);
  }, 30_000);
});

describe('5xx bursts', () => {
  it.each([500, 503])(
    'retries a %i at most maxAttempts times per read, serves stale or 503, then recovers',
    async (status) => {
      const clock = manualClock();
      const app = appOver(layer({ ttlMs: TTL_MS, now: clock.now, budgetShare: 1 }));
      const warm = ServicesResponse.parse(
        (await request(app).get('/api/v1/clusters/prod-ec2/services').expect(200)).body,
      );

      await fault({ service: 'ecs', errorRate: 1, status });
      await control('DELETE', '/_sim/stats');
      // A read with no good answer yet: 503 after exactly maxAttempts calls.
      const failed = await request(app).get('/api/v1/clusters/prod-fargate/services').expect(503);
      expect(errorOf(failed.body)).toMatchObject({
        code: 'aws_unavailable',
        message: expect.stringContaining('AWS answered with an error') as string,
      });
      expect(await ecsCalls()).toEqual({
        total: MAX_ATTEMPTS,
        operations: { 'ecs:ListServices': MAX_ATTEMPTS },
      });

      // The burst goes on for 20 (simulated) seconds, a read per second on each of two pages.
      await control('DELETE', '/_sim/stats');
      let reads = 0;
      for (let second = 1; second <= 20; second += 1) {
        clock.advance(1_000);
        const stale = await request(app).get('/api/v1/clusters/prod-ec2/services').expect(200);
        // Past 2 × TTL (stale-while-revalidate: before, only while resting after a failed reload).
        if (second * 1_000 > 2 * TTL_MS) {
          expect(stale.headers['x-deckhand-stale']).toBe('true');
          expect(ServicesResponse.parse(stale.body)).toMatchObject({
            stale: true,
            asOf: warm.asOf,
          });
        }
        const none = await request(app).get('/api/v1/clusters/prod-fargate/services');
        expect(none.status).toBe(503);
        reads += 2;
      }
      // A reload started in the background (stale-while-revalidate) finishes its attempts first.
      await vi.waitFor(async () => expect((await ecsCalls()).total % MAX_ATTEMPTS).toBe(0), {
        timeout: 10_000,
        interval: 100,
      });
      const { total } = await ecsCalls();
      expect(total % MAX_ATTEMPTS).toBe(0);
      // Loads per page: at most one per rest (5, 10 s…) — 2 + 3, never one per read.
      expect(total).toBeLessThanOrEqual(5 * MAX_ATTEMPTS);
      expect(total).toBeLessThan(reads);

      await control('DELETE', '/_sim/faults');
      clock.advance(MAX_REST_MS);
      for (const cluster of ['prod-ec2', 'prod-fargate']) {
        const fresh = await request(app).get(`/api/v1/clusters/${cluster}/services`).expect(200);
        expect(ServicesResponse.parse(fresh.body).stale).toBe(false);
      }
    },
    20_000,
  );
});

describe('expired credentials', () => {
  it('says the credentials expired, asks their source again, and signs with the new ones', async () => {
    const watch = await proxy();
    // A credential source without an expiry date (environment keys, a profile): the SDK alone
    // would keep the first answer for the life of the process.
    let generation = 1;
    const source = vi.fn(() =>
      Promise.resolve({ accessKeyId: `AKIDGENERATION${generation}`, secretAccessKey: 'secret' }),
    );
    const app = appOver(
      layer({ endpoint: watch.endpoint, credentials: source, ttlMs: 0, budgetShare: 1 }),
    );
    await request(app).get('/api/v1/clusters/prod-ec2/services').expect(200);
    expect(source).toHaveBeenCalledTimes(1);
    expect(new Set(watch.accessKeys)).toEqual(new Set(['AKIDGENERATION1']));

    // The session token runs out; AWS refuses it as expired.
    await fault({ service: 'ecs', errorRate: 1, status: 400, code: 'ExpiredTokenException' });
    await control('DELETE', '/_sim/stats');
    const refused = await request(app).get('/api/v1/clusters/prod-ec2/services').expect(403);
    expect(errorOf(refused.body)).toMatchObject({
      code: 'aws_access_denied',
      message: expect.stringMatching(/credentials have expired.*without a restart/) as string,
    });
    // The source was asked again; it had nothing new, so the call was not repeated.
    expect(source).toHaveBeenCalledTimes(2);
    expect((await ecsCalls()).total).toBe(1);

    // The source is refreshed (`aws sso login`, rotated keys): the next refusal fetches the new
    // credentials and repeats the call once with them. (The simulator refuses every key while
    // the fault is on; AWS would accept the new one here.)
    generation = 2;
    watch.accessKeys.length = 0;
    await request(app).get('/api/v1/clusters/prod-ec2/services').expect(403);
    expect(watch.accessKeys).toEqual(['AKIDGENERATION1', 'AKIDGENERATION2']);

    // AWS accepts them: the BFF recovered without a restart, and keeps signing with the new ones.
    await control('DELETE', '/_sim/faults');
    watch.accessKeys.length = 0;
    const back = await request(app).get('/api/v1/clusters/prod-ec2/services').expect(200);
    expect(ServicesResponse.parse(back.body).stale).toBe(false);
    expect(watch.accessKeys.length).toBeGreaterThan(0);
    expect(new Set(watch.accessKeys)).toEqual(new Set(['AKIDGENERATION2']));
  }, 20_000);
});

describe('partial failures in Describe*', () => {
  const gone = {
    task: 'arn:aws:ecs:us-east-1:000000000000:task/prod-ec2/0123456789abcdef0123456789abcdef',
    service: 'arn:aws:ecs:us-east-1:000000000000:service/prod-ec2/vanished-service',
    instance:
      'arn:aws:ecs:us-east-1:000000000000:container-instance/prod-ec2/fedcba9876543210fedcba9876543210',
  };
  /** The List answer names one more resource than exists: it vanished before the Describe. */
  const plus = (field: string, arn: string) => (body: Record<string, unknown>) => ({
    ...body,
    [field]: [...((body[field] as string[] | undefined) ?? []), arn],
  });

  async function watchedApp() {
    const watch = await proxy();
    return {
      watch,
      app: appOver(layer({ endpoint: watch.endpoint, ttlMs: 0, budgetShare: 1 })),
    };
  }

  it('shows a task listed but gone by DescribeTasks, beside the tasks found', async () => {
    const { watch, app } = await watchedApp();
    const plain = TasksResponse.parse(
      (await request(app).get('/api/v1/clusters/prod-ec2/tasks').expect(200)).body,
    );
    expect(plain.failures).toBeUndefined();
    watch.rewrite('ListTasks', plus('taskArns', gone.task));
    const response = await request(app).get('/api/v1/clusters/prod-ec2/tasks').expect(200);
    const body = TasksResponse.parse(response.body);
    expect(body.tasks.map((task) => task.arn).sort()).toEqual(
      plain.tasks.map((task) => task.arn).sort(),
    );
    expect(body.failures).toEqual([{ arn: gone.task, reason: 'MISSING' }]);
  });

  it('shows a service listed but gone by DescribeServices', async () => {
    const { watch, app } = await watchedApp();
    watch.rewrite('ListServices', plus('serviceArns', gone.service));
    const response = await request(app).get('/api/v1/clusters/prod-ec2/services').expect(200);
    const body = ServicesResponse.parse(response.body);
    expect(body.services.length).toBeGreaterThan(0);
    expect(body.failures).toEqual([{ arn: gone.service, reason: 'MISSING' }]);
  });

  it('shows a container instance listed but gone by DescribeContainerInstances', async () => {
    const { watch, app } = await watchedApp();
    watch.rewrite('ListContainerInstances', plus('containerInstanceArns', gone.instance));
    const response = await request(app)
      .get('/api/v1/clusters/prod-ec2/container-instances')
      .expect(200);
    const body = ContainerInstancesResponse.parse(response.body);
    expect(body.containerInstances).toHaveLength(3);
    expect(body.failures).toEqual([
      expect.objectContaining({
        arn: expect.stringContaining('fedcba98') as string,
        reason: 'MISSING',
      }),
    ]);
  });
});
