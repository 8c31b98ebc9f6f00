import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimClock } from './engine/clock.js';
import { Random } from './engine/random.js';
import { World } from './engine/region-state.js';
import { AwsError, serializationError, unknownOperation } from './protocol/errors.js';
import { readBody, sendAwsError, sendJson } from './protocol/http.js';
import type { Input } from './protocol/input.js';
import type { JsonService } from './protocol/operation.js';
import { parseAuthorization } from './protocol/sigv4.js';
import { handleControl } from './control/routes.js';
import { CallStats } from './control/stats.js';
import { isScenario, loadScenario, type ScenarioName } from './scenarios/index.js';
import { ecsService } from './services/ecs/index.js';

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
}

export interface Simulator {
  /** `http://host:port` once started. */
  readonly endpoint: string;
  readonly port: number;
  readonly world: World;
  readonly clock: SimClock;
  readonly stats: CallStats;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Drops all state and loads a scenario afresh. */
  reset(scenario: ScenarioName): void;
}

const JSON_SERVICES: JsonService[] = [ecsService];

/** Creates the simulator: one HTTP endpoint for every simulated AWS service, plus `/_sim/` control routes. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? 'us-east-1';
  const seed = options.seed ?? 20_141_113;
  const world = new World(options.accountId ?? '000000000000');
  const clock = new SimClock(options.speed ?? 1);
  const stats = new CallStats();
  let random = new Random(seed);
  let server: Server | undefined;
  let port = options.port ?? 4566;

  const reset = (scenario: ScenarioName) => {
    world.clear();
    stats.reset();
    random = new Random(seed);
    loadScenario(scenario, { world, region, clock, random });
  };

  const handleJson = async (req: IncomingMessage, res: ServerResponse, requestId: string) => {
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
    stats.record(service.signingName, operationName);
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
    try {
      const url = new URL(req.url ?? '/', 'http://sim');
      if (url.pathname.startsWith('/_sim/')) {
        await handleControl(req, res, url, { stats, clock, reset });
        return;
      }
      if (req.method === 'POST' && url.pathname === '/' && req.headers['x-amz-target']) {
        await handleJson(req, res, requestId);
        return;
      }
      throw unknownOperation();
    } catch (error) {
      if (res.headersSent) {
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
    world,
    clock,
    stats,
    reset,
    start() {
      return new Promise((resolve, reject) => {
        const created = createServer((req, res) => void handle(req, res));
        // SDK clients keep connections alive; match AWS's idle timeout so they are reused.
        created.keepAliveTimeout = 60_000;
        created.once('error', reject);
        created.listen(port, host, () => {
          port = (created.address() as AddressInfo).port;
          server = created;
          resolve();
        });
      });
    },
    stop() {
      return new Promise((resolve) => {
        if (!server) {
          resolve();
          return;
        }
        server.close(() => resolve());
        server.closeAllConnections();
        server = undefined;
      });
    },
  };
}

export { isScenario };
