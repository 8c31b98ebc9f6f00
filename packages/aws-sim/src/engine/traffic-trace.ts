import type { JsonObject } from '../services/xray/json.js';
import { epoch, runApi, type ApiWork } from './traffic-api.js';
import {
  clientIp,
  latency,
  pickOutcome,
  pickRoute,
  TIERS,
  USER_AGENTS,
  type Outcome,
} from './traffic-catalog.js';
import { failedApiCall, failureCause, failureDelay, type Failing } from './traffic-failure.js';
import type { TrafficInstance } from './traffic-fleet.js';
import type { Random } from './random.js';

/** A segment document and the simulated ms at which it reaches X-Ray. */
export interface EmittedDocument {
  at: number;
  document: JsonObject;
}

export interface RequestContext {
  random: Random;
  region: string;
  web: TrafficInstance;
  api: TrafficInstance;
  /** Set when the web or api task the request was routed to is failing: it answers 502. */
  failing?: Failing;
}

/** Segments running longer than this are sent in progress first, as the SDKs stream them. */
const IN_PROGRESS_AFTER_MS = 2_000;
/** How long web waits for api before answering 504. */
const API_TIMEOUT_MS = 30_000;

const SDK = {
  web: { sdk: 'X-Ray for Node.js', sdk_version: '3.10.1', package: 'aws-xray-sdk' },
  api: { sdk: 'X-Ray for Node.js', sdk_version: '3.10.1', package: 'aws-xray-sdk-core' },
};

function webStatus(outcome: Outcome, api: ApiWork | undefined): number {
  if (outcome === 'edgeThrottle') return 429;
  if (outcome === 'webBug') return 500;
  if (outcome === 'apiCrash') return 504;
  const status = api?.status ?? 200;
  // web passes client errors through and turns the api's faults into a bad gateway.
  return status >= 500 ? 502 : status;
}

const flagsOf = (status: number) =>
  status === 429
    ? { error: true, throttle: true }
    : status >= 500
      ? { fault: true }
      : status >= 400
        ? { error: true }
        : {};

/** The in-progress copy the SDK sends of a long segment: no end, no subsegments yet. */
function inProgress(segment: JsonObject): JsonObject {
  const { end_time: _end, subsegments: _subsegments, ...rest } = segment;
  return { ...rest, in_progress: true };
}

/**
 * Simulates one request through the shop starting at `start` (simulated ms): ALB → web → api →
 * DynamoDB, the orders database and the payment provider. Returns the documents the two
 * services' X-Ray SDKs send, each with the time it arrives. A request routed to a failing task
 * gets a 502 and the exception that names it, whatever else would have happened.
 */
export function simulateRequest(start: number, context: RequestContext): EmittedDocument[] {
  const { random, region, web, api, failing } = context;
  const route = pickRoute(random);
  const outcome = failing ? 'ok' : pickOutcome(random, route);
  const paths = route.paths(random);
  const traceId = `1-${Math.floor(start / 1000)
    .toString(16)
    .padStart(8, '0')}-${random.hex(24)}`;
  const webId = random.hex(16);
  const tier = random.pick(TIERS);
  const emitted: EmittedDocument[] = [];

  let t = start + latency(random, 2.5, 0.4);
  const subsegments: JsonObject[] = [];
  let work: ApiWork | undefined;
  let webCause: JsonObject | undefined;
  if (failing?.service === 'web') {
    // X-Ray has no ALB segment: the load balancer's 502 is recorded on the dying web task's own.
    webCause = failureCause(random, failing.kind);
    t += failureDelay(random, failing.kind);
  } else if (failing?.service === 'api') {
    const call = failedApiCall(random, failing, {
      method: route.method,
      url: `http://api.internal:8080${paths.api}`,
      start: t,
      target: api,
    });
    subsegments.push(call.subsegment);
    t = call.end;
  } else if (outcome === 'webBug') {
    webCause = {
      working_directory: '/app',
      paths: ['/app/dist/routes/products.js'],
      exceptions: [
        {
          id: random.hex(16),
          type: 'TypeError',
          message: "Cannot read properties of undefined (reading 'price')",
          stack: [
            { path: 'dist/routes/products.js', line: 57, label: 'renderProduct' },
            { path: 'node_modules/express/lib/router/layer.js', line: 95, label: 'Layer.handle' },
          ],
        },
      ],
    };
  } else if (outcome !== 'edgeThrottle') {
    const callId = random.hex(16);
    const callStart = t;
    const apiId = random.hex(16);
    const apiStart = callStart + 0.8;
    work = runApi(random, route, outcome, region, apiStart);
    const crashed = outcome === 'apiCrash';
    const callEnd = crashed ? callStart + API_TIMEOUT_MS : work.end + 0.8;
    const status = crashed ? 504 : work.status;
    subsegments.push({
      id: callId,
      name: 'api',
      start_time: epoch(callStart),
      end_time: epoch(callEnd),
      namespace: 'remote',
      traced: true,
      http: {
        request: { method: route.method, url: `http://api.internal:8080${paths.api}` },
        ...(crashed ? {} : { response: { status, content_length: random.int(90, 30_000) } }),
      },
      ...flagsOf(status),
      ...(crashed
        ? {
            cause: {
              exceptions: [
                { id: random.hex(16), type: 'Error', message: 'socket hang up', remote: true },
              ],
            },
          }
        : {}),
    });
    t = callEnd;

    const apiSegment: JsonObject = {
      name: 'api',
      id: apiId,
      trace_id: traceId,
      parent_id: callId,
      start_time: epoch(apiStart),
      end_time: epoch(work.end),
      origin: 'AWS::ECS::Container',
      http: {
        request: {
          method: route.method,
          url: `http://api.internal:8080${paths.api}`,
          user_agent: 'undici',
          client_ip: web.ip,
        },
        response: { status: work.status, content_length: random.int(90, 30_000) },
      },
      aws: { ecs: api.ecs, xray: SDK.api },
      service: { version: '2.14.3' },
      annotations: {
        route: route.template,
        ...(tier === 'anonymous' ? {} : { customer_tier: tier }),
      },
      metadata: {
        debug: { handler: `${route.method} ${route.template}`, pool: { idle: random.int(0, 8) } },
      },
      ...work.flags,
      ...(work.cause ? { cause: work.cause } : {}),
      subsegments: work.subsegments,
    };
    if (crashed || work.end - apiStart > IN_PROGRESS_AFTER_MS)
      emitted.push({ at: apiStart + 20, document: inProgress(apiSegment) });
    if (!crashed) emitted.push({ at: work.end + random.int(1, 5), document: apiSegment });
    for (const { at, subsegment } of work.independent)
      emitted.push({
        at: at + 1,
        document: { ...subsegment, type: 'subsegment', trace_id: traceId, parent_id: apiId },
      });
  }
  if (route.method === 'GET' && work && work.status < 400 && outcome !== 'apiCrash') {
    const render = latency(random, 3, 0.5);
    subsegments.push({
      id: random.hex(16),
      name: 'render',
      start_time: epoch(t),
      end_time: epoch(t + render),
    });
    t += render;
  }

  const end = t + latency(random, 1.5, 0.4);
  const status = failing ? 502 : webStatus(outcome, work);
  const webSegment: JsonObject = {
    name: 'web',
    id: webId,
    trace_id: traceId,
    start_time: epoch(start),
    end_time: epoch(end),
    origin: 'AWS::ECS::Container',
    http: {
      request: {
        method: route.method,
        url: `https://shop.example.com${paths.web}`,
        user_agent: random.pick(USER_AGENTS),
        client_ip: clientIp(random),
        // The ALB's X-Forwarded-For, not the connection's address.
        x_forwarded_for: true,
      },
      response: { status, content_length: random.int(400, 60_000) },
    },
    aws: { ecs: web.ecs, xray: SDK.web },
    service: { version: '1.42.0' },
    ...(tier === 'anonymous' ? {} : { user: `customer-${random.int(1000, 9999)}` }),
    annotations: {
      route: route.template,
      customer_tier: tier,
      ab_variant: random.pick(['a', 'b']),
    },
    metadata: {
      default: { request_id: random.uuid(), feature_flags: { new_checkout: tier === 'gold' } },
    },
    ...flagsOf(status),
    ...(webCause ? { cause: webCause } : {}),
    subsegments,
  };
  if (end - start > IN_PROGRESS_AFTER_MS)
    emitted.push({ at: start + 20, document: inProgress(webSegment) });
  emitted.push({ at: end + random.int(1, 5), document: webSegment });
  return emitted;
}
