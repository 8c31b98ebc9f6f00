import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimClock } from './engine/clock.js';
import { FleetTicker } from './engine/fleet.js';
import { stopTraffic } from './engine/traffic.js';
import { Random } from './engine/random.js';
import { World } from './engine/region-state.js';
import { AwsError, serializationError, unknownOperation } from './protocol/errors.js';
import { readBody, sendAwsError, sendJson } from './protocol/http.js';
import type { Input } from './protocol/input.js';
import { matchRest, runRest } from './protocol/rest-json.js';
import { parseAuthorization } from './protocol/sigv4.js';
import { handleControl } from './control/routes.js';
import { FaultInjector } from './control/faults.js';
import { CallStats } from './control/stats.js';
import { Throttler, type ThrottlingMode } from './protocol/throttle.js';
import { admit } from './protocol/throttle-gate.js';
import { isScenario, loadScenario, type ScenarioName } from './scenarios/index.js';
import { JSON_SERVICES, REST_SERVICES } from './services/registry.js';
import { DEFAULT_DAEMON_ADDRESS, parseDaemonAddress, type Endpoint } from './daemon/address.js';
import {
  newDaemonCounters,
  resetDaemonCounters,
  startXrayDaemon,
  type XrayDaemon,
} from './daemon/daemon.js';

export interface SimulatorOptions {
  /** TCP port for the AWS endpoint; 0 picks a free one. Default 4566. */
  port?: number;
  host?: string;
  scenario?: ScenarioName;
  /** Simulated clock speed multiplier. */
  speed?: number;
  /** The account every ARN carries. */
  accountId?: string;
  /** The region scenarios are built in. */
  region?: string;
  /** Seed of every random choice: the same seed gives the same fleet and history. */
  seed?: number;
  /** `aws` (default): AWS's token buckets per account, Region and action category; `off`: none. */
  throttling?: ThrottlingMode;
  /**
   * X-Ray daemon address: `host:port` or `tcp:host:port udp:host:port`. Default
   * 127.0.0.1:2000, or free ports (127.0.0.1:0) when `port` is 0, so tests never collide.
   */
  xrayDaemonAddress?: string;
  /** How long traces live after their last update, in simulated ms. Default 1 hour. */
  traceRetentionMs?: number;
}

export interface Simulator {
  /** `http://host:port` once started. */
  readonly endpoint: string;
  readonly port: number;
  readonly world: World;
  readonly clock: SimClock;
  readonly stats: CallStats;
  readonly throttler: Throttler;
  readonly faults: FaultInjector;
  /** Where the X-Ray daemon listens, once started. */
  readonly xrayDaemon: { udp: Endpoint; tcp: Endpoint } | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Drops all state and loads a scenario afresh. */
  reset(scenario: ScenarioName): void;
}

/** Creates the simulator: one HTTP endpoint for every simulated AWS service, plus `/_sim/` control routes. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? 'us-east-1';
  const seed = options.seed ?? 20_141_113;
  const world = new World(options.accountId ?? '000000000000');
  const clock = new SimClock(options.speed ?? 1);
  const stats = new CallStats();
  const throttler = new Throttler(options.throttling ?? 'aws');
  const faults = new FaultInjector();
  // Requests still being answered, so stop() can end the ones held by latency or hang faults.
  const inflight = new Set<AbortController>();
  let random = new Random(seed);
  // The live fleet: task lifecycles, service scheduler, faults, on the simulated clock.
  const ticker = new FleetTicker(world, clock, () => random);
  let server: Server | undefined;
  let port = options.port ?? 4566;
  // The X-Ray daemon feeds the home Region's traces, as a real daemon sends to its own Region.
  const daemonAddress = parseDaemonAddress(
    options.xrayDaemonAddress ?? (options.port === 0 ? '127.0.0.1:0' : DEFAULT_DAEMON_ADDRESS),
  );
  const daemonCounters = newDaemonCounters();
  let daemon: XrayDaemon | undefined;
  stats.addSection('xray', {
    read: () => ({ ...daemonCounters, stored: world.region(region).traces.counts() }),
    reset: () => resetDaemonCounters(daemonCounters),
  });

  const reset = (scenario: ScenarioName) => {
    stopTraffic(world);
    world.clear();
    world.region(region).traces.configure({ retentionMs: options.traceRetentionMs });
    stats.reset();
    faults.clear();
    throttler.reset();
    random = new Random(seed);
    loadScenario(scenario, { world, region, clock, random });
  };

  const handleJson = async (
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    signal: AbortSignal,
  ) => {
    const target = req.headers['x-amz-target'];
    const [prefix, operationName] = typeof target === 'string' ? target.split('.', 2) : [];
    const service = JSON_SERVICES.find((candidate) => candidate.targetPrefix === prefix);
    const operation = operationName ? service?.operations[operationName] : undefined;
    if (!service || !operation || !operationName) throw unknownOperation();
    const scope = parseAuthorization(req.headers.authorization);
    const body = await readBody(req);
    let input: Input = {};
    if (body.length > 0) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw serializationError('Start of structure or map found where not expected.');
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw serializationError('Start of structure or map found where not expected.');
      }
      input = parsed as Input;
    }
    const call = {
      accountId: world.accountId,
      region: scope.region,
      service: service.signingName,
      operation: operationName,
    };
    await admit(call, { stats, faults, throttler }, signal, service.throttledError);
    const output = operation(input, {
      state: world.region(scope.region),
      clock,
      random,
      requestId,
    });
    sendJson(res, 200, output ?? {}, requestId);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    const request = new AbortController();
    inflight.add(request);
    res.once('close', () => {
      inflight.delete(request);
      request.abort();
    });
    try {
      const url = new URL(req.url ?? '/', 'http://sim');
      if (url.pathname.startsWith('/_sim/')) {
        await handleControl(req, res, url, { stats, clock, reset, throttler, faults });
        return;
      }
      if (req.method === 'POST' && url.pathname === '/' && req.headers['x-amz-target']) {
        await handleJson(req, res, requestId, request.signal);
        return;
      }
      const rest = matchRest(REST_SERVICES, req.method ?? 'GET', url.pathname);
      if (rest) {
        const scope = parseAuthorization(req.headers.authorization);
        const call = {
          accountId: world.accountId,
          region: scope.region,
          service: rest.service.signingName,
          operation: rest.route.operation,
        };
        await admit(
          call,
          { stats, faults, throttler },
          request.signal,
          rest.service.throttledError,
        );
        await runRest(req, res, url, rest, (region) => ({
          state: world.region(region),
          clock,
          random,
          requestId,
        }));
        return;
      }
      throw unknownOperation();
    } catch (error) {
      // Aborted: the client left or the simulator is stopping; there is no one to answer.
      if (res.headersSent || request.signal.aborted) {
        res.destroy();
        return;
      }
      const awsError =
        error instanceof AwsError
          ? error
          : new AwsError('ServerException', 'An internal error occurred.', 500);
      sendAwsError(res, awsError, requestId);
    }
  };

  reset(options.scenario ?? 'demo');

  return {
    get endpoint() {
      return `http://${host}:${port}`;
    },
    get port() {
      return port;
    },
    get xrayDaemon() {
      return daemon ? { udp: daemon.udp, tcp: daemon.tcp } : undefined;
    },
    world,
    clock,
    stats,
    throttler,
    faults,
    reset,
    async start() {
      // The daemon first: a taken UDP port fails start() before anything else listens.
      const started = await startXrayDaemon({
        address: daemonAddress,
        ingest: (segment) => world.region(region).traces.put(segment, clock.now()).ok,
        scope: { region, accountId: world.accountId },
        now: () => clock.now(),
        counters: daemonCounters,
      });
      daemon = started;
      await new Promise<void>((resolve, reject) => {
        const created = createServer((req, res) => void handle(req, res));
        // SDK clients keep connections alive; match AWS's idle timeout so they are reused.
        created.keepAliveTimeout = 60_000;
        created.once('error', (error) => {
          daemon = undefined;
          void started.close().then(() => reject(error));
        });
        created.listen(port, host, () => {
          port = (created.address() as AddressInfo).port;
          server = created;
          ticker.start();
          resolve();
        });
      });
    },
    stop() {
      ticker.stop();
      stopTraffic(world);
      const daemonClosed = daemon?.close();
      daemon = undefined;
      const serverClosed = new Promise<void>((resolve) => {
        if (!server) {
          resolve();
          return;
        }
        // Hanging and delayed requests end now, their timers cleared, before the sockets close.
        for (const request of inflight) request.abort();
        server.close(() => resolve());
        server.closeAllConnections();
        server = undefined;
      });
      return Promise.all([serverClosed, daemonClosed]).then(() => undefined);
    },
  };
}

export { isScenario };
