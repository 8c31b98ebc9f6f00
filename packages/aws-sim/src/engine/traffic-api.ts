import type { JsonObject } from '../services/xray/json.js';
import {
  latency,
  PAYMENT,
  sqlDatabase,
  type Call,
  type Outcome,
  type Route,
} from './traffic-catalog.js';
import type { Random } from './random.js';

/** Simulated epoch ms to X-Ray's epoch seconds, microsecond precision. */
export const epoch = (ms: number) => Math.round(ms * 1000) / 1e6;

/** What the api did for one request: its subsegments, how it answered, when it finished. */
export interface ApiWork {
  end: number;
  status: number;
  subsegments: JsonObject[];
  /** Sent as independent subsegment documents (parent: the api segment) at `at`. */
  independent: { at: number; subsegment: JsonObject }[];
  flags: { error?: true; throttle?: true; fault?: true };
  cause?: JsonObject;
}

const exception = (random: Random, type: string, message: string, extra: JsonObject = {}) => ({
  id: random.hex(16),
  type,
  message,
  ...extra,
});

const stack = (frames: [string, number, string][]) =>
  frames.map(([path, line, label]) => ({ path, line, label }));

/** The api's own exception with its stack, as the X-Ray SDK records an unhandled error. */
function apiCause(
  random: Random,
  type: string,
  message: string,
  frames: [string, number, string][],
) {
  return {
    working_directory: '/usr/src/app',
    paths: [...new Set(frames.map(([path]) => `/usr/src/app/${path}`))],
    exceptions: [exception(random, type, message, { stack: stack(frames) })],
  };
}

function callSubsegment(random: Random, call: Call, region: string, start: number, end: number) {
  const base = { id: random.hex(16), start_time: epoch(start), end_time: epoch(end) };
  if (call.kind === 'dynamodb')
    return {
      ...base,
      name: 'DynamoDB',
      namespace: 'aws',
      http: { response: { status: 200, content_length: random.int(60, 24_000) } },
      aws: {
        operation: call.operation,
        region,
        request_id: random.hex(52).toUpperCase(),
        table_name: call.table,
        resource_names: [call.table],
        retries: 0,
      },
    };
  if (call.kind === 'sql') {
    const database = sqlDatabase(region);
    return {
      ...base,
      name: database.name,
      namespace: 'remote',
      sql: {
        url: database.url,
        sanitized_query: call.query,
        database_type: 'PostgreSQL',
        database_version: '15.4',
        driver_version: 'node-postgres 8.11.3',
        user: 'api_rw',
        preparation: 'prepared',
      },
    };
  }
  return {
    ...base,
    name: PAYMENT.name,
    namespace: 'remote',
    // Some HTTP clients report the length as a string; X-Ray accepts both.
    http: {
      request: { method: 'POST', url: PAYMENT.url },
      response: { status: 201, content_length: String(random.int(380, 460)) },
    },
  };
}

const MEDIANS: Record<Call['kind'], number> = { dynamodb: 7, sql: 14, payment: 220 };

/**
 * Runs the api's side of a request starting at `start` (simulated ms): its calls in order,
 * stopping at the first failure, which decides the answer.
 */
export function runApi(
  random: Random,
  route: Route,
  outcome: Outcome,
  region: string,
  start: number,
): ApiWork {
  const work: ApiWork = { end: 0, status: 200, subsegments: [], independent: [], flags: {} };
  let t = start + latency(random, 1.5, 0.4);
  if (outcome === 'badRequest') {
    work.status = 400;
    work.flags = { error: true };
  }
  for (const [index, call] of outcome === 'badRequest' ? [] : route.calls.entries()) {
    let duration = latency(random, MEDIANS[call.kind]);
    if (outcome === 'slow' && index === 0) duration = random.int(15_000, 40_000);
    if (outcome === 'sqlTimeout' && call.kind === 'sql') duration = 5_000 + random.int(0, 30);
    const subsegment: JsonObject = callSubsegment(random, call, region, t, t + duration);
    t += duration;

    if (call.kind === 'payment') {
      if (outcome === 'paymentThrottle') {
        // Told to slow down once; the retry after a short back-off goes through.
        subsegment.error = true;
        subsegment.throttle = true;
        subsegment.http = {
          request: { method: 'POST', url: PAYMENT.url },
          response: { status: 429 },
        };
        work.independent.push({ at: t, subsegment });
        t += 200 + random.int(0, 50);
        const retryDuration = latency(random, MEDIANS.payment);
        const retry = callSubsegment(random, call, region, t, t + retryDuration);
        t += retryDuration;
        work.independent.push({ at: t, subsegment: retry });
        continue;
      }
      work.independent.push({ at: t, subsegment });
    } else {
      work.subsegments.push(subsegment);
    }

    if (outcome === 'dynamoThrottle' && call.kind === 'dynamodb') {
      Object.assign(subsegment, { error: true, throttle: true });
      subsegment.http = { response: { status: 400, content_length: 212 } };
      (subsegment.aws as JsonObject).retries = 3;
      subsegment.cause = {
        exceptions: [
          exception(
            random,
            'ProvisionedThroughputExceededException',
            'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
            { remote: true },
          ),
        ],
      };
      work.status = 429;
      work.flags = { error: true, throttle: true };
      break;
    }
    if (outcome === 'sqlTimeout' && call.kind === 'sql') {
      subsegment.fault = true;
      subsegment.cause = {
        exceptions: [
          exception(random, 'DatabaseError', 'canceling statement due to statement timeout', {
            remote: true,
          }),
        ],
      };
      work.status = 500;
      work.flags = { fault: true };
      work.cause = apiCause(random, 'QueryTimeoutError', 'Query read timeout after 5000 ms', [
        ['src/orders/repository.ts', 88, 'OrdersRepository.insert'],
        ['src/orders/service.ts', 41, 'OrderService.place'],
        ['src/http/routes/orders.ts', 23, 'postOrder'],
        ['node_modules/pg/lib/client.js', 545, 'Client._handleErrorMessage'],
      ]);
      break;
    }
    if (outcome === 'paymentDown' && call.kind === 'payment') {
      subsegment.fault = true;
      subsegment.http = {
        request: { method: 'POST', url: PAYMENT.url },
        response: { status: 503 },
      };
      subsegment.cause = {
        exceptions: [exception(random, 'HTTPError', 'Service Unavailable', { remote: true })],
      };
      work.status = 502;
      work.flags = { fault: true };
      work.cause = apiCause(random, 'PaymentGatewayError', 'payment provider answered 503', [
        ['src/payments/client.ts', 57, 'PaymentsClient.charge'],
        ['src/orders/service.ts', 52, 'OrderService.place'],
        ['src/http/routes/orders.ts', 23, 'postOrder'],
      ]);
      break;
    }
    if (outcome === 'notFound' && index === route.calls.length - 1) {
      work.status = 404;
      work.flags = { error: true };
    }
    t += 0.3;
  }
  if (route.template === '/checkout' && work.status === 200) work.status = 201;
  work.end = t + latency(random, 1, 0.3);
  return work;
}
