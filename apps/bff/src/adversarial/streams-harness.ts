import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino, type Logger } from 'pino';
import { errorMiddleware } from '../http/error-middleware.js';
import { createRegionResolver } from '../http/region.js';
import { LiveHub, type LiveHubOptions } from '../live/live-hub.js';
import { createLiveRouter } from '../live/live.router.js';
import { MemoryHistory } from '../testing/memory-history.js';
import { RawSseClient, type OpenOptions } from './streams-sse-client.js';

export const REGION = 'us-east-1';
export const HOUR = 3_600_000;

/** A pino logger whose JSON lines land in `lines` (parsed), for asserting what was logged. */
export function capturedLogger(level = 'info'): {
  logger: Logger;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: pino({ level }, sink), lines };
}

export interface LiveServer {
  hub: LiveHub;
  url(path: string): string;
  open(path: string, options?: OpenOptions): Promise<RawSseClient>;
  /** The cluster stream's current id. */
  position(cluster: string): number | undefined;
  /** Weak references to every response the server created: what GC must be able to free. */
  responses: WeakRef<ServerResponse>[];
  requests: WeakRef<IncomingMessage>[];
  stop(): Promise<void>;
}

/**
 * The real LiveHub and live router on a real HTTP server on port 0, as live.integration.test.ts
 * mounts them; pollers poll only on pollNow() unless the options say otherwise.
 */
export async function startLiveServer(
  base: Pick<LiveHubOptions, 'aws'> & Partial<LiveHubOptions>,
): Promise<LiveServer> {
  const hub = new LiveHub({
    history: new MemoryHistory(),
    logger: pino({ level: 'silent' }),
    budgetShare: 1,
    schedule: { watchedMs: HOUR, busyMs: HOUR, backgroundMs: HOUR },
    ...base,
  });
  const app = express();
  app.use(
    '/api/v1',
    createLiveRouter({ live: hub, region: createRegionResolver(REGION, [REGION]) }),
  );
  app.use(errorMiddleware);
  const server = createServer(app);
  const responses: WeakRef<ServerResponse>[] = [];
  const requests: WeakRef<IncomingMessage>[] = [];
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    requests.push(new WeakRef(req));
    responses.push(new WeakRef(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const clients: RawSseClient[] = [];
  const url = (path: string) => `http://127.0.0.1:${port}/api/v1${path}`;
  let stopped: Promise<void> | undefined;
  return {
    hub,
    url,
    responses,
    requests,
    async open(path, options) {
      const client = await RawSseClient.open(url(path), options);
      clients.push(client);
      return client;
    },
    position: (cluster) => hub.stats().clusters.find((c) => c.cluster === cluster)?.position,
    stop() {
      stopped ??= (async () => {
        for (const client of clients) client.kill();
        await hub.close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      })();
      return stopped;
    },
  };
}

/** Waits until the client has every frame up to `position` (an id, event or position frame). */
export const caughtUp = (client: RawSseClient, position: number | undefined, timeoutMs = 10_000) =>
  client.waitFor(
    (frame) => frame.id !== undefined && Number(frame.id) >= (position ?? 0),
    timeoutMs,
  );

/** A small seeded PRNG (mulberry32): the kill timings vary, yet every run is the same run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
