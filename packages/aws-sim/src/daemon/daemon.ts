import { randomUUID } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIPv6, type AddressInfo } from 'node:net';
import { AwsError, serializationError } from '../protocol/errors.js';
import { readBody, sendAwsError, sendJson } from '../protocol/http.js';
import type { Input } from '../protocol/input.js';
import { samplingRules, samplingTargets, type SamplingScope } from '../services/xray/sampling.js';
import { formatEndpoint, type DaemonAddress, type Endpoint } from './address.js';
import { parseDatagram, type DropReason } from './datagram.js';

/** What `GET /_sim/stats` shows under `xray`: datagrams in, segments kept, drops by reason. */
export interface DaemonCounters {
  received: number;
  accepted: number;
  dropped: number;
  dropReasons: Record<DropReason, number>;
  samplingRequests: number;
}

export function newDaemonCounters(): DaemonCounters {
  return {
    received: 0,
    accepted: 0,
    dropped: 0,
    dropReasons: { tooLarge: 0, noHeader: 0, badHeader: 0, noSegment: 0, invalidSegment: 0 },
    samplingRequests: 0,
  };
}

export function resetDaemonCounters(counters: DaemonCounters): void {
  Object.assign(counters, newDaemonCounters());
}

export interface XrayDaemonOptions {
  address: DaemonAddress;
  /** Stores one segment document; false when X-Ray would have rejected it. */
  ingest: (segment: string) => boolean;
  /** The Region and account the sampling rules belong to. */
  scope: SamplingScope;
  /** Simulated epoch ms, for the sampling quotas' expiry. */
  now: () => number;
  counters: DaemonCounters;
}

export interface XrayDaemon {
  readonly udp: Endpoint;
  readonly tcp: Endpoint;
  close(): Promise<void>;
}

/** A burst of segments must wait in the kernel while the event loop is busy; the default is small. */
const RECEIVE_BUFFER_BYTES = 8 * 1024 * 1024;
/** With port 0, UDP picks a port that TCP may find taken: try a few. */
const PORT_ATTEMPTS = 5;

/** start() fails with this when a daemon port is taken or cannot be bound. */
export class DaemonListenError extends Error {
  constructor(
    protocol: string,
    endpoint: Endpoint,
    readonly code: string | undefined,
    cause: string,
  ) {
    super(
      `X-Ray daemon cannot listen on ${protocol} ${formatEndpoint(endpoint)}: ` +
        (code === 'EADDRINUSE' ? 'the port is in use' : cause),
    );
    this.name = 'DaemonListenError';
  }
}

function bindUdp(endpoint: Endpoint, onMessage: (message: Buffer) => void): Promise<Socket> {
  const socket = createSocket({
    type: isIPv6(endpoint.host) ? 'udp6' : 'udp4',
    recvBufferSize: RECEIVE_BUFFER_BYTES,
  });
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      socket.close();
      reject(new DaemonListenError('UDP', endpoint, error.code, error.message));
    };
    socket.once('error', failed);
    socket.bind(endpoint.port, endpoint.host, () => {
      socket.off('error', failed);
      // After binding, a socket error must never take the simulator down with it.
      socket.on('error', () => undefined);
      socket.on('message', onMessage);
      resolve(socket);
    });
  });
}

function listenTcp(endpoint: Endpoint, server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(new DaemonListenError('TCP', endpoint, error.code, error.message));
    server.once('error', failed);
    server.listen(endpoint.port, endpoint.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/** The daemon's TCP side: the two sampling calls the X-Ray SDKs make through it. */
function samplingHandler(options: XrayDaemonOptions) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    try {
      const path = new URL(req.url ?? '/', 'http://daemon').pathname;
      const route = `${req.method ?? 'GET'} ${path}`;
      if (route !== 'POST /GetSamplingRules' && route !== 'POST /SamplingTargets')
        throw new AwsError('NotFoundException', `The X-Ray daemon does not serve ${route}.`, 404);
      options.counters.samplingRequests += 1;
      const raw = await readBody(req);
      let body: Input = {};
      if (raw.length > 0) {
        const parsed: unknown = JSON.parse(raw.toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw serializationError('The request body must be a JSON object.');
        body = parsed as Input;
      }
      const output =
        path === '/GetSamplingRules'
          ? samplingRules(options.scope)
          : samplingTargets(body, options.now() / 1000);
      sendJson(res, 200, output, requestId, 'application/json');
    } catch (error) {
      const awsError =
        error instanceof AwsError ? error : serializationError('Could not parse the request body.');
      if (!res.headersSent) sendAwsError(res, awsError, requestId, 'application/json');
    }
  };
}

async function listen(options: XrayDaemonOptions, onMessage: (message: Buffer) => void) {
  const { udp, tcp } = options.address;
  // The one-address form puts both sides on one port, the way the SDKs will look for them.
  const shared = udp.host === tcp.host && udp.port === tcp.port;
  const handler = samplingHandler(options);
  for (let attempt = 1; ; attempt += 1) {
    const socket = await bindUdp(udp, onMessage);
    const bound = socket.address();
    const server = createServer((req, res) => void handler(req, res));
    const tcpEndpoint = shared ? { host: tcp.host, port: bound.port } : tcp;
    try {
      await listenTcp(tcpEndpoint, server);
      const port = (server.address() as AddressInfo).port;
      return {
        socket,
        server,
        udp: { host: udp.host, port: bound.port },
        tcp: { host: tcpEndpoint.host, port },
      };
    } catch (error) {
      socket.close();
      const retry =
        shared &&
        udp.port === 0 &&
        error instanceof DaemonListenError &&
        error.code === 'EADDRINUSE';
      if (!retry || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

/**
 * Starts the X-Ray daemon: segments over UDP (one per datagram, after a header line), sampling
 * rules over TCP. Malformed datagrams are counted and dropped; nothing a client sends can crash
 * it. Rejects with a clear message when a port is taken.
 */
export async function startXrayDaemon(options: XrayDaemonOptions): Promise<XrayDaemon> {
  const { counters } = options;
  const drop = (reason: DropReason) => {
    counters.dropped += 1;
    counters.dropReasons[reason] += 1;
  };
  const onMessage = (message: Buffer) => {
    counters.received += 1;
    try {
      const datagram = parseDatagram(message);
      if (!datagram.ok) drop(datagram.reason);
      else if (options.ingest(datagram.segment)) counters.accepted += 1;
      else drop('invalidSegment');
    } catch {
      drop('invalidSegment');
    }
  };
  const { socket, server, udp, tcp } = await listen(options, onMessage);
  let closed: Promise<void> | undefined;
  return {
    udp,
    tcp,
    close() {
      closed ??= new Promise<void>((resolve) => {
        let pending = 2;
        const done = () => {
          pending -= 1;
          if (pending === 0) resolve();
        };
        socket.close(done);
        server.close(() => done());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
