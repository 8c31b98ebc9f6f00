import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimClock } from '../engine/clock.js';
import { AwsError } from '../protocol/errors.js';
import { readBody, sendJson } from '../protocol/http.js';
import { THROTTLE_POLICIES, type Throttler } from '../protocol/throttle.js';
import { parseThrottlingSettings } from '../protocol/throttle-settings.js';
import { isScenario, SCENARIOS, type ScenarioName } from '../scenarios/index.js';
import { parseFaultRequest, type FaultInjector } from './faults.js';
import type { CallStats } from './stats.js';

export interface ControlDeps {
  stats: CallStats;
  clock: SimClock;
  reset: (scenario: ScenarioName) => void;
  throttler: Throttler;
  faults: FaultInjector;
}

const badRequest = (message: string) => new AwsError('ValidationException', message);

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req);
  if (body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw badRequest('The body must be a JSON object.');
}

const throttlingState = (throttler: Throttler) => ({
  mode: throttler.mode,
  buckets: Object.fromEntries(
    Object.entries(THROTTLE_POLICIES).map(([service, policy]) => [
      service,
      { categories: throttler.bucketsOf(service), unverified: policy.unverified },
    ]),
  ),
});

/**
 * The simulator's own routes, outside anything AWS defines: `/_sim/stats`, `/_sim/reset`,
 * `/_sim/clock`, `/_sim/throttling` and `/_sim/faults`.
 */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ControlDeps,
) {
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  const json = (status: number, body: unknown) =>
    sendJson(res, status, body, 'sim', 'application/json');
  switch (route) {
    case 'GET /_sim/stats':
      json(200, deps.stats.snapshot());
      return;
    case 'DELETE /_sim/stats':
      deps.stats.reset();
      json(200, deps.stats.snapshot());
      return;
    case 'POST /_sim/reset': {
      const { scenario = 'demo' } = await jsonBody(req);
      if (!isScenario(scenario))
        throw badRequest(`scenario must be one of ${SCENARIOS.join(', ')}`);
      deps.reset(scenario);
      json(200, { scenario });
      return;
    }
    case 'POST /_sim/clock': {
      const { speed } = await jsonBody(req);
      if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > 10_000) {
        throw badRequest('speed must be a number between 0 (exclusive) and 10000');
      }
      deps.clock.setSpeed(speed);
      json(200, { speed, now: new Date(deps.clock.now()).toISOString() });
      return;
    }
    case 'GET /_sim/clock':
      json(200, { speed: deps.clock.speed, now: new Date(deps.clock.now()).toISOString() });
      return;
    case 'GET /_sim/throttling':
      json(200, throttlingState(deps.throttler));
      return;
    case 'POST /_sim/throttling': {
      // Every change starts from full buckets, so a benchmark can begin from a known state.
      const { mode, buckets = {} } = parseThrottlingSettings(await jsonBody(req));
      for (const [service, categories] of Object.entries(buckets))
        deps.throttler.setBuckets(service, categories);
      if (mode) deps.throttler.setMode(mode);
      json(200, throttlingState(deps.throttler));
      return;
    }
    case 'GET /_sim/faults':
      json(200, { faults: deps.faults.list() });
      return;
    case 'POST /_sim/faults': {
      const { rule, seed } = parseFaultRequest(await jsonBody(req));
      deps.faults.add(rule, seed);
      json(200, { faults: deps.faults.list() });
      return;
    }
    case 'DELETE /_sim/faults':
      deps.faults.clear();
      json(200, { faults: [] });
      return;
    default:
      throw new AwsError('NotFoundException', `No simulator control route ${route}`, 404);
  }
}
