import { DescribeServicesCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { LiveEvent, StreamReset } from '@deckhand/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EcsReads } from '../aws/ecs-reads.js';
import type { LiveHubOptions } from '../live/live-hub.js';
import { startSimulatedAws, type SimulatedAws } from '../testing/simulated-aws.js';
import { loudEcs } from './streams-fake-ecs.js';
import {
  capturedLogger,
  caughtUp,
  REGION,
  seeded,
  startLiveServer,
  type LiveServer,
} from './streams-harness.js';
import { connectAndCut, RawSseClient, type RawFrame } from './streams-sse-client.js';
import {
  bundleEntry,
  freeTcpPort,
  freeUdpPort,
  spawnNode,
  until,
  type Spawned,
} from './streams-spawn.js';

// Issue 12, streams: each property below is attacked over real TCP against the real LiveHub,
// live router and SSE stream. The simulator's clock is paused and the pollers poll only on
// pollNow(), so what flows is deterministic; only the attacks' timing varies (seeded).
let env: SimulatedAws;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  env = await startSimulatedAws({}, { ttlMs: 5_000 });
  env.simulator.clock.pause();
});
afterAll(() => env.stop());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function live(options: Partial<LiveHubOptions> = {}): Promise<LiveServer> {
  const server = await startLiveServer({ aws: env.aws, ...options });
  cleanups.push(() => server.stop());
  return server;
}

const ecs = () => env.aws.clients.ecs(REGION);

async function scaleBy(cluster: string, service: string, delta: number): Promise<void> {
  const described = await ecs().send(new DescribeServicesCommand({ cluster, services: [service] }));
  const desiredCount = (described.services?.[0]?.desiredCount ?? 0) + delta;
  await ecs().send(new UpdateServiceCommand({ cluster, service, desiredCount }));
}

const idsOf = (frames: RawFrame[]) => frames.map((frame) => Number(frame.id));
const isStrictlyIncreasing = (ids: number[]) =>
  ids.every((id, i) => i === 0 || id > (ids[i - 1] ?? 0));

/** A real garbage collector even without --expose-gc: V8's flag set at run time. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('no gc');
  return () => (gc as () => void)();
}

async function settleHeap(gc: () => void): Promise<number> {
  for (let round = 0; round < 4; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc();
  }
  return process.memoryUsage().heapUsed;
}

describe('adversarial: live streams', () => {
  it('loses and duplicates nothing when connections are killed mid-deployment and resume with Last-Event-ID', async () => {
    const server = await live();
    const path = '/clusters/prod-ec2/events';
    const control = await server.open(path);
    let flaky = await server.open(path);
    await server.hub.pollNow(REGION, 'prod-ec2');
    const joinedAt = Number(flaky.lastEventId);
    expect(joinedAt).toBeGreaterThan(0);

    // A rolling deployment of web and a scale-out of api: tasks start, stop, deployments move.
    await ecs().send(
      new UpdateServiceCommand({ cluster: 'prod-ec2', service: 'web', forceNewDeployment: true }),
    );
    await scaleBy('prod-ec2', 'api', 2);

    const random = seeded(12);
    // The clients, not their messages: `messages` is a snapshot, read once every stream is done.
    const clients = [flaky];
    let kills = 0;
    for (let round = 0; round < 16; round += 1) {
      env.simulator.clock.advance(10_000);
      // The poll publishes while the connection is cut: before, during or after its fan-out.
      const poll = server.hub.pollNow(REGION, 'prod-ec2');
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 25)));
      flaky.kill();
      kills += 1;
      await poll;
      // As a browser: reconnect with the last id of a complete block.
      flaky = await server.open(path, { lastEventId: flaky.lastEventId ?? String(joinedAt) });
      clients.push(flaky);
      if (round === 8) await scaleBy('prod-ec2', 'api', -2);
    }
    env.simulator.clock.advance(60_000);
    await server.hub.pollNow(REGION, 'prod-ec2');
    const end = server.position('prod-ec2');
    await caughtUp(control, end);
    await caughtUp(flaky, end);

    const connections: RawFrame[][] = clients.map((client) => client.messages);
    const seen = connections.flatMap((messages) => idsOf(messages));
    const expected = idsOf(control.messages.filter((frame) => Number(frame.id) > joinedAt));
    // The deployment really flowed through the attack: enough events to have been cut mid-way.
    expect(kills).toBe(16);
    expect(expected.length).toBeGreaterThanOrEqual(20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(isStrictlyIncreasing(seen)).toBe(true);
    expect(seen).toEqual(expected);
    // And the frames themselves are the same events, not just the same ids.
    const byId = new Map(control.messages.map((frame) => [frame.id, frame.data]));
    for (const frame of connections.flat()) {
      expect(frame.data).toBe(byId.get(frame.id));
      expect(LiveEvent.safeParse(JSON.parse(frame.data ?? 'null')).success).toBe(true);
    }
    await vi.waitFor(() => expect(server.hub.stats().subscribers).toBe(2), { timeout: 5_000 });
  }, 30_000);

  it('answers a Last-Event-ID older than the replay buffer with event: reset first, then resumes from it', async () => {
    const server = await live({ replay: { maxEvents: 4 } });
    const path = '/clusters/prod-fargate/events';
    const away = await server.open(path);
    await server.hub.pollNow(REGION, 'prod-fargate');
    await caughtUp(away, server.position('prod-fargate'));
    const lastSeen = away.lastEventId ?? '';
    away.kill();

    // While it is away, more than the buffer holds.
    await scaleBy('prod-fargate', 'payments', 2);
    env.simulator.clock.advance(90_000);
    const report = await server.hub.pollNow(REGION, 'prod-fargate');
    expect(report.events).toBeGreaterThan(4);

    const back = await server.open(path, { lastEventId: lastSeen });
    const reset = await back.waitFor((frame) => frame.event === 'reset');
    // Nothing but the retry before the reset: no stale event sneaks in ahead of it.
    expect(back.frames.indexOf(reset)).toBe(1);
    expect(back.frames[0]?.retry).toBeGreaterThan(0);
    expect(StreamReset.parse(JSON.parse(reset.data ?? '')).reason).toBe('gap-too-old');
    expect(Number(reset.id)).toBe(server.position('prod-fargate'));

    // The client reloads (a fresh GET of its data) and resumes from the reset's id: live, no reset.
    back.kill();
    const reloaded = await server.open(path, { lastEventId: reset.id ?? '' });
    await caughtUp(reloaded, server.position('prod-fargate'));
    await scaleBy('prod-fargate', 'payments', -2);
    env.simulator.clock.advance(90_000);
    const after = await server.hub.pollNow(REGION, 'prod-fargate');
    await caughtUp(reloaded, server.position('prod-fargate'));
    expect(reloaded.frames.some((frame) => frame.event === 'reset')).toBe(false);
    expect(reloaded.messages).toHaveLength(after.events);

    // Garbage positions are resets too, never a 500 or a replay of everything.
    for (const bogus of ['-1', '1e99', '0x10', '99999999999999999999', 'abc']) {
      const client = await server.open(path, { lastEventId: bogus });
      expect(client.status).toBe(200);
      const frame = await client.waitFor((f) => f.event === 'reset');
      expect(StreamReset.parse(JSON.parse(frame.data ?? '')).reason).toMatch(
        /unknown-id|server-restarted/,
      );
      client.kill();
    }
  }, 30_000);

  it('returns to zero subscribers, the background schedule and the baseline heap after 1,000 connect/disconnect cycles', async () => {
    const gc = collector();
    // The stream's cluster check answers after a real wait (as an uncached DescribeClusters
    // would, without its CPU cost ×1,000), so a client can go away while its request is still
    // in the router, before the stream opens.
    const reads = Object.create(env.aws.ecs) as EcsReads;
    reads.cluster = async (region, cluster) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return env.aws.ecs.cluster(region, cluster);
    };
    const server = await live({ aws: { ...env.aws, ecs: reads } });
    const path = '/clusters/prod-ec2/events';
    // Warm-up: the poller exists (background state) and every code path has run once.
    const first = await server.open(path);
    await server.hub.pollNow(REGION, 'prod-ec2');
    first.kill();
    const cycle = async (index: number) => {
      switch (index % 4) {
        case 0: {
          // Cut as soon as the stream is open.
          const client = await RawSseClient.open(server.url(path));
          client.kill();
          return;
        }
        case 1: {
          // Cut after the first frames.
          const client = await RawSseClient.open(server.url(path));
          await client.waitFor((frame) => frame.id !== undefined);
          client.kill();
          return;
        }
        case 2:
          // Cut while the server is still checking the cluster, before the stream opened.
          return connectAndCut(server.url(path), 'at-once');
        default:
          return connectAndCut(server.url(path), 'on-headers');
      }
    };
    const run = async (from: number, count: number) => {
      const lanes = 8;
      await Promise.all(
        Array.from({ length: lanes }, async (_, lane) => {
          for (let index = from + lane; index < from + count; index += lanes) await cycle(index);
        }),
      );
    };
    await run(0, 200);
    await vi.waitFor(() => expect(server.hub.stats().subscribers).toBe(0), { timeout: 10_000 });
    const baseline = await settleHeap(gc);
    const refsBefore = server.responses.length;

    await run(200, 1_000);
    await vi.waitFor(() => expect(server.hub.stats().subscribers).toBe(0), { timeout: 10_000 });
    expect(server.responses.length - refsBefore).toBeGreaterThanOrEqual(900);
    const stats = server.hub.stats();
    expect(stats.pollers).toBe(1);
    // Back to the background schedule (an hour here), not the watched one.
    expect(stats.clusters[0]?.nextPollInMs ?? 0).toBeGreaterThan(10 * 60_000);

    const after = await settleHeap(gc);
    // Every response of the 1,000 cycles can be collected: nothing (a sink, a listener, a
    // heartbeat timer) still holds one.
    await vi.waitFor(
      async () => {
        await settleHeap(gc);
        const alive = server.responses.slice(refsBefore).filter((ref) => ref.deref() !== undefined);
        expect(alive).toHaveLength(0);
      },
      { timeout: 10_000, interval: 200 },
    );
    // ~10 KB per leaked stream would be ~10 MB; allow noise well below that.
    expect(after - baseline).toBeLessThan(6 * 1024 * 1024);
  }, 60_000);

  it('drops a consumer that stops reading once it is over the bound, while a normal one gets every event', async () => {
    const cluster = 'chatty';
    const source = loudEcs({ cluster, perPoll: 100, messageBytes: 6_000 });
    const { logger, lines } = capturedLogger('warn');
    const maxBufferedBytes = 256 * 1024;
    const server = await live({
      aws: source.aws,
      budgetShare: undefined,
      logger,
      sse: { maxBufferedBytes },
    });
    const path = `/clusters/${cluster}/events`;
    const normal = await server.open(path);
    const slow = await server.open(path);
    await slow.waitFor((frame) => frame.id !== undefined);
    slow.stopReading();
    // Where both joined (the poller's own first cycle is the baseline: it publishes nothing).
    const start = Number((await normal.waitFor((frame) => frame.id !== undefined)).id);

    // ~600 KB per cycle, every cycle caught up by the normal client: the slow one is over the
    // bound as soon as the kernel's socket buffers (a few MB at most on loopback) are full.
    // At least 10 cycles, then on until it has been dropped (at most 40, ~24 MB).
    let cycles = 0;
    let published = 0;
    let droppedAfter: number | undefined;
    while (cycles < 10 || (droppedAfter === undefined && cycles < 40)) {
      await server.hub.pollNow(REGION, cluster);
      // Counted from the stream's position: a scheduled poll may run between two of these.
      published = (server.position(cluster) ?? start) - start;
      cycles += 1;
      await caughtUp(normal, server.position(cluster));
      if (droppedAfter === undefined && server.hub.stats().subscribers === 1)
        droppedAfter = published;
    }
    // Every poll publishes 100 events (a pollNow that joined a scheduled poll adds none).
    expect(published % 100).toBe(0);
    expect(published).toBeGreaterThanOrEqual((cycles - 1) * 100);
    expect(droppedAfter).toBeDefined();
    expect(droppedAfter ?? Infinity).toBeLessThan(published);
    expect(server.hub.stats().subscribers).toBe(1);
    expect(lines.some((line) => line.msg === 'Live stream client is too slow; dropping it')).toBe(
      true,
    );
    const ids = idsOf(normal.messages);
    expect(ids).toHaveLength(published);
    expect(ids).toEqual(Array.from({ length: published }, (_, i) => start + 1 + i));
    // The slow one got a prefix at most, never a reordered or duplicated stream.
    const slowIds = idsOf(slow.messages);
    expect(slowIds).toEqual(ids.slice(0, slowIds.length));
    // A client back from a long gap gets the whole replay (~9 MB, far over the bound) in one
    // burst: that is the server's burst, not a slow client, and it must not be dropped for it.
    const late = await server.open(path, { lastEventId: String(start) });
    await caughtUp(late, server.position(cluster), 20_000);
    expect(idsOf(late.messages)).toEqual(ids);
    expect(server.hub.stats().subscribers).toBe(2);
  }, 30_000);
});

describe('adversarial: SIGTERM with open streams', () => {
  let serverFile: string;
  let dataDir: string;
  const running: Spawned[] = [];

  beforeAll(async () => {
    serverFile = await bundleEntry('src/server.ts', 'server');
    dataDir = mkdtempSync(join(tmpdir(), 'deckhand-sigterm-'));
  }, 60_000);
  afterAll(() => {
    for (const spawned of running)
      if (spawned.child.exitCode === null) spawned.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(serverFile, { force: true });
  });

  it('shuts down cleanly (exit 0, streams ended, not hung) and the clients resume on the restarted BFF', async () => {
    const [port, simPort, udpPort] = [
      await freeTcpPort(),
      await freeTcpPort(),
      await freeUdpPort(),
    ];
    const envVars = {
      HOST: '127.0.0.1',
      PORT: String(port),
      DECKHAND_MODE: 'simulator',
      DECKHAND_SIM_PORT: String(simPort),
      DECKHAND_XRAY_DAEMON_ADDRESS: `127.0.0.1:${udpPort}`,
      DECKHAND_SIM_SPEED: '30',
      DECKHAND_SIM_THROTTLING: 'off',
      DECKHAND_POLL_INTERVAL: '0.25',
      DECKHAND_BACKGROUND_POLL_INTERVAL: 'off',
      DECKHAND_DATA_DIR: dataDir,
      DECKHAND_LOG_LEVEL: 'info',
    };
    const base = `http://127.0.0.1:${port}`;
    const start = async () => {
      const spawned = spawnNode(serverFile, envVars);
      running.push(spawned);
      await until(
        async () => (await fetch(`${base}/readyz`)).status === 200,
        30_000,
        () => `the BFF to be ready\n${spawned.output()}`,
      );
      return spawned;
    };
    const scale = async (service: string, desiredCount: number) => {
      const response = await fetch(`${base}/api/v1/clusters/prod-ec2/services/${service}/scale`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-deckhand-request': '1' },
        body: JSON.stringify({ desiredCount }),
      });
      expect(response.status).toBe(200);
    };
    const streams = ['/clusters/prod-ec2/events', '/clusters/prod-ec2/services/web/events'];

    const first = await start();
    const clients = await Promise.all(
      streams.map((path) => RawSseClient.open(`${base}/api/v1${path}`)),
    );
    for (const client of clients) expect(client.status).toBe(200);
    await scale('web', 4);
    await Promise.all(
      clients.map((client) => client.waitFor((f) => f.event !== undefined, 20_000)),
    );

    const signalledAt = performance.now();
    first.child.kill('SIGTERM');
    await Promise.all(clients.map((client) => client.waitForEnd(5_000)));
    const exit = await first.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    // Well inside the 5 s force-exit: the clean path ran, not the timeout.
    expect(exit.at - signalledAt).toBeLessThan(4_000);
    for (const client of clients) {
      expect(client.endedBy).toBe('end');
      expect(client.frames.at(-1)?.comments).toEqual(['server shutting down']);
    }
    const logged = first
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(logged.filter((line) => line.level >= 50)).toEqual([]);
    expect(logged.some((line) => line.msg === 'shutting down')).toBe(true);

    // The restarted BFF on the same port: each client resumes with its Last-Event-ID, is told
    // to reload (ids of a previous life), and then goes on live.
    const second = await start();
    const resumed = await Promise.all(
      clients.map((client, index) =>
        RawSseClient.open(`${base}/api/v1${streams[index] ?? ''}`, {
          lastEventId: client.lastEventId ?? '',
        }),
      ),
    );
    for (const client of resumed) {
      const reset = await client.waitFor((frame) => frame.event === 'reset');
      expect(StreamReset.parse(JSON.parse(reset.data ?? '')).reason).toBe('server-restarted');
    }
    await scale('web', 2);
    await Promise.all(
      resumed.map((client) =>
        client.waitFor((f) => f.event !== undefined && f.event !== 'reset', 20_000),
      ),
    );
    const events = resumed.flatMap((client) => client.messages.filter((f) => f.event !== 'reset'));
    for (const frame of events)
      expect(LiveEvent.safeParse(JSON.parse(frame.data ?? '')).success).toBe(true);

    second.child.kill('SIGTERM');
    await Promise.all(resumed.map((client) => client.waitForEnd(5_000)));
    expect(await second.exited).toMatchObject({ code: 0 });
  }, 80_000);
});
