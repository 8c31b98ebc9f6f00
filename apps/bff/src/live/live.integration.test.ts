import { DescribeServicesCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { Simulator } from '@deckhand/aws-sim';
import { ErrorBody, LiveEvent, StreamReset } from '@deckhand/shared';
import express from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AwsLayer } from '../aws/aws-layer.js';
import { errorMiddleware } from '../http/error-middleware.js';
import { createRegionResolver } from '../http/region.js';
import { MemoryHistory } from '../testing/memory-history.js';
import { startSimulatedAws, type SimulatedAws } from '../testing/simulated-aws.js';
import { SseClient, type SseFrame } from '../testing/sse-client.js';
import { LiveHub, type LiveHubOptions } from './live-hub.js';
import { createLiveRouter } from './live.router.js';
import { PROCESS_ID_BASE } from './replay-buffer.js';

// The live streams over real HTTP, polling the simulator's demo with the real SDK. The
// simulated clock is paused: the fleet moves only by advance(), the pollers only by pollNow()
// (their own timers are set far beyond the test), so every count below is deterministic.
const REGION = 'us-east-1';
const HOUR = 3_600_000;
let env: SimulatedAws;
let simulator: Simulator;
let aws: AwsLayer;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  // A 5 s cache: the stream's cluster check is a shared cached read, as in the app.
  env = await startSimulatedAws({}, { ttlMs: 5_000 });
  ({ simulator, aws } = env);
  simulator.clock.pause();
});
afterAll(() => env.stop());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startLive(options: Partial<LiveHubOptions> = {}) {
  const hub = new LiveHub({
    aws,
    history: new MemoryHistory(),
    logger: pino({ level: 'silent' }),
    budgetShare: 1,
    schedule: { watchedMs: HOUR, busyMs: HOUR, backgroundMs: HOUR },
    ...options,
  });
  const app = express();
  // As app.ts does for the whole API: the stream must override it.
  app.use('/api/v1', (_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  });
  app.use(
    '/api/v1',
    createLiveRouter({ live: hub, region: createRegionResolver(REGION, [REGION]) }),
  );
  app.use(errorMiddleware);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const clients: SseClient[] = [];
  const stop = async () => {
    for (const client of clients) client.close();
    await hub.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  cleanups.push(stop);
  return {
    hub,
    stop,
    async open(path: string, headers: Record<string, string> = {}) {
      const client = await SseClient.open(`http://127.0.0.1:${port}/api/v1${path}`, headers);
      clients.push(client);
      return client;
    },
    /** The cluster stream's current id: every frame up to it has been written. */
    position: (cluster: string) =>
      hub.stats().clusters.find((c) => c.cluster === cluster)?.position,
  };
}

const ecs = () => aws.clients.ecs(REGION);

async function scaleBy(cluster: string, service: string, delta: number): Promise<void> {
  const described = await ecs().send(new DescribeServicesCommand({ cluster, services: [service] }));
  const desiredCount = (described.services?.[0]?.desiredCount ?? 0) + delta;
  await ecs().send(new UpdateServiceCommand({ cluster, service, desiredCount }));
}

/** Waits until the client has every frame up to the stream's current position. */
const caughtUp = (client: SseClient, position: number | undefined) =>
  client.waitFor((frame) => frame.id === String(position));

const parsed = (frame: SseFrame) => LiveEvent.parse(JSON.parse(frame.data ?? 'null'));
const idsOf = (frames: SseFrame[]) => frames.map((frame) => Number(frame.id));
const opsOf = () => simulator.stats.snapshot().operations;

describe('live streams ↔ simulator', () => {
  it('replays exactly the missed events after a reconnect with Last-Event-ID', async () => {
    const live = await startLive();
    const always = await live.open('/clusters/prod-fargate/events');
    const flaky = await live.open('/clusters/prod-fargate/events');
    await live.hub.pollNow(REGION, 'prod-fargate');
    await scaleBy('prod-fargate', 'payments', 1);
    simulator.clock.advance(90_000);
    await live.hub.pollNow(REGION, 'prod-fargate');
    await caughtUp(flaky, live.position('prod-fargate'));
    const lastSeen = flaky.frames.findLast((frame) => frame.id !== undefined)?.id;
    flaky.close();
    await vi.waitFor(() => expect(live.hub.stats().subscribers).toBe(1));

    // While it is away: a scale-out of payments, polled once the new task runs.
    await scaleBy('prod-fargate', 'payments', 1);
    simulator.clock.advance(90_000);
    const report = await live.hub.pollNow(REGION, 'prod-fargate');
    await caughtUp(always, live.position('prod-fargate'));
    const missed = always.messages.filter((frame) => Number(frame.id) > Number(lastSeen));
    expect(missed).toHaveLength(report.events);
    // Known count: the new task's start and steady-state, counts, deployment, task.started.
    expect(missed.map((frame) => frame.event)).toEqual([
      'service.event',
      'service.event',
      'service.event',
      'deployment.updated',
      'service.updated',
      'task.started',
    ]);
    // The task on the feed is mapped like the task in the list: its ENI and its ports.
    const startedFrame = missed[5];
    if (!startedFrame) throw new Error('expected a sixth event');
    const started = parsed(startedFrame);
    if (started.type !== 'task.started') throw new Error('expected task.started');
    expect(started.task.eni?.privateIp).toMatch(/^10\./);
    expect(started.task.containers.flatMap((c) => c.portMappings).length).toBeGreaterThan(0);

    const back = await live.open('/clusters/prod-fargate/events', {
      'last-event-id': String(lastSeen),
    });
    await caughtUp(back, live.position('prod-fargate'));
    expect(back.messages).toEqual(missed);
    expect(new Set(idsOf(back.messages)).size).toBe(back.messages.length);
    for (const frame of back.messages) expect(parsed(frame).cluster).toBe('prod-fargate');

    // And it goes on live from there, without a duplicate.
    await scaleBy('prod-fargate', 'payments', -2);
    simulator.clock.advance(90_000);
    await live.hub.pollNow(REGION, 'prod-fargate');
    await caughtUp(back, live.position('prod-fargate'));
    await caughtUp(always, live.position('prod-fargate'));
    const since = (client: SseClient) =>
      client.messages.filter((frame) => Number(frame.id) > Number(lastSeen));
    expect(since(back)).toEqual(since(always));
    expect(idsOf(since(back))).toEqual([...idsOf(since(back))].sort((a, b) => a - b));
  });

  it('makes the same AWS calls per cycle for 200 subscribers as for 1', async () => {
    const live = await startLive();
    const first = await live.open('/clusters/prod-ec2/events');
    await live.hub.pollNow(REGION, 'prod-ec2');
    const measure = async () => {
      simulator.stats.reset();
      aws.budget.resetCounts();
      for (let cycle = 0; cycle < 3; cycle += 1) await live.hub.pollNow(REGION, 'prod-ec2');
      return { simulator: opsOf(), budget: aws.budget.snapshot() };
    };
    const one = await measure();
    const others = await Promise.all(
      Array.from({ length: 199 }, () => live.open('/clusters/prod-ec2/events')),
    );
    await vi.waitFor(() =>
      expect(live.hub.stats()).toMatchObject({ pollers: 1, subscribers: 200 }),
    );
    const many = await measure();
    expect(many).toEqual(one);
    expect(one.simulator).toEqual({
      'ecs:DescribeServices': 3,
      'ecs:ListServices': 3,
      'ecs:ListTasks': 6,
    });

    // One poll, fanned out to all 200.
    await scaleBy('prod-ec2', 'worker', 1);
    simulator.clock.advance(60_000);
    await live.hub.pollNow(REGION, 'prod-ec2');
    const position = live.position('prod-ec2');
    await Promise.all([first, ...others].map((client) => caughtUp(client, position)));
    const expected = first.messages.map((frame) => frame.id);
    expect(expected.length).toBeGreaterThan(0);
    for (const client of others) expect(client.messages.map((frame) => frame.id)).toEqual(expected);
  });

  it('sends event: reset for an id from before a restart, then goes on live', async () => {
    const before = await startLive();
    const client = await before.open('/clusters/prod-fargate/events');
    await before.hub.pollNow(REGION, 'prod-fargate');
    await scaleBy('prod-fargate', 'checkout', 1);
    simulator.clock.advance(90_000);
    await before.hub.pollNow(REGION, 'prod-fargate');
    await caughtUp(client, before.position('prod-fargate'));
    const lastSeen = String(before.position('prod-fargate'));
    await before.stop();

    // The restarted BFF: its ids start later, at its own start time.
    const after = await startLive({ idBase: PROCESS_ID_BASE + 1_000_000_000 });
    const back = await after.open('/clusters/prod-fargate/events', { 'last-event-id': lastSeen });
    const reset = await back.waitFor((frame) => frame.event === 'reset');
    expect(StreamReset.parse(JSON.parse(reset.data ?? '')).reason).toBe('server-restarted');
    expect(Number(reset.id)).toBeGreaterThanOrEqual(PROCESS_ID_BASE + 1_000_000_000);

    await after.hub.pollNow(REGION, 'prod-fargate');
    await scaleBy('prod-fargate', 'checkout', -1);
    simulator.clock.advance(90_000);
    await after.hub.pollNow(REGION, 'prod-fargate');
    await caughtUp(back, after.position('prod-fargate'));
    expect(back.messages.filter((frame) => frame.event !== 'reset').length).toBeGreaterThan(0);

    // The query fallback (a re-created EventSource cannot set headers) and an id from the future.
    const resumed = await after.open(`/clusters/prod-fargate/events?lastEventId=${reset.id ?? ''}`);
    await caughtUp(resumed, after.position('prod-fargate'));
    expect(resumed.messages).toEqual(back.messages.filter((frame) => frame.event !== 'reset'));
    const future = String((after.position('prod-fargate') ?? 0) + 10);
    const confused = await after.open('/clusters/prod-fargate/events', { 'last-event-id': future });
    const unknown = await confused.waitFor((frame) => frame.event === 'reset');
    expect(StreamReset.parse(JSON.parse(unknown.data ?? '')).reason).toBe('unknown-id');
  });

  it('sends the SSE headers, retry first, and comment heartbeats', async () => {
    const live = await startLive({ sse: { heartbeatMs: 20 } });
    const client = await live.open('/clusters/prod-ec2/events');
    expect(client.status).toBe(200);
    expect(client.headers.get('content-type')).toBe('text/event-stream');
    expect(client.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(client.headers.get('x-accel-buffering')).toBe('no');
    expect(client.headers.get('connection')).toBe('keep-alive');
    expect(client.headers.get('content-encoding')).toBeNull();
    await client.waitFor((frame) => frame.comments.includes('heartbeat'));
    expect(client.frames[0]).toEqual({ retry: 3000, comments: [] });
    // The position frame: an id with no data, so even a quiet stream resumes from its start.
    expect(client.frames[1]).toEqual({ id: String(live.position('prod-ec2')), comments: [] });
  });

  it('keeps a service stream to that service, in the cluster stream’s id space', async () => {
    const live = await startLive();
    const cluster = await live.open('/clusters/prod-ec2/events');
    const web = await live.open('/clusters/prod-ec2/services/web/events');
    await live.hub.pollNow(REGION, 'prod-ec2');
    const start = live.position('prod-ec2');
    await scaleBy('prod-ec2', 'web', 1);
    await scaleBy('prod-ec2', 'api', 1);
    simulator.clock.advance(60_000);
    await live.hub.pollNow(REGION, 'prod-ec2');
    await caughtUp(cluster, live.position('prod-ec2'));
    await caughtUp(web, live.position('prod-ec2'));
    const services = (frames: SseFrame[]) => new Set(frames.map((f) => parsed(f).service));
    expect(services(cluster.messages).size).toBeGreaterThan(1);
    expect(web.messages.length).toBeGreaterThan(0);
    expect(
      web.messages.every((frame) => {
        const event = parsed(frame);
        return (event.type === 'service.updated' ? event.service.name : event.service) === 'web';
      }),
    ).toBe(true);
    const webOfCluster = cluster.messages.filter((frame) =>
      web.messages.some((w) => w.id === frame.id),
    );
    expect(web.messages).toEqual(webOfCluster);
    // Resuming the service stream replays only its own events.
    const again = await live.open('/clusters/prod-ec2/services/web/events', {
      'last-event-id': String(start),
    });
    await caughtUp(again, live.position('prod-ec2'));
    expect(again.messages).toEqual(web.messages);
  });

  it('answers a JSON 404 for an unknown cluster and 400 for a bad name, before any stream', async () => {
    const live = await startLive();
    const missing = await live.open('/clusters/ghost/events');
    expect(missing.status).toBe(404);
    expect(ErrorBody.parse(JSON.parse(missing.body ?? '')).error.code).toBe('not_found');
    const bad = await live.open('/clusters/not%20a%20name/services/web/events');
    expect(bad.status).toBe(400);
    expect(live.hub.stats()).toMatchObject({ pollers: 0, subscribers: 0 });
  });

  it('ends every stream with a last comment on close', async () => {
    const live = await startLive();
    const client = await live.open('/clusters/prod-ec2/events');
    await vi.waitFor(() => expect(live.hub.stats().subscribers).toBe(1));
    await live.hub.close();
    await client.waitForEnd();
    expect(client.frames.at(-1)?.comments).toEqual(['server shutting down']);
    expect(live.hub.stats()).toMatchObject({ pollers: 0, subscribers: 0 });
  });
});
