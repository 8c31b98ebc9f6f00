import { AwsError } from '../protocol/errors.js';
import { SERVICE_OPERATIONS } from '../services/registry.js';

/** One injected fault, as `POST /_sim/faults` stores it and `GET /_sim/faults` lists it. */
export interface FaultRule {
  /** The SigV4 signing name: `ecs`, `ecr`, `eks` or `xray`. */
  service: string;
  /** Operation names; absent means every operation of the service. */
  operations?: string[];
  /** Answer the service's throttling error (X-Ray: 429 ThrottledException) without touching the buckets. */
  throttle: boolean;
  /** Share of calls (0-1) answered with an error of `status`. */
  errorRate: number;
  status: number;
  /**
   * The error code (`__type`) the error rate answers with, e.g. `ExpiredTokenException`;
   * absent: `ServerException` for 5xx, `ClientException` for 4xx.
   */
  code?: string;
  /** Real milliseconds added before the call proceeds. */
  latencyMs: number;
  /** Never answer; the call ends when the client gives up or the simulator stops. */
  hang: boolean;
}

export interface FaultRequest {
  rule: FaultRule;
  /** Seed of the error-rate draws, so a run is repeatable. */
  seed?: number;
}

/** Ten minutes: longer than any client timeout worth testing; `hang` covers "forever". */
export const MAX_LATENCY_MS = 600_000;

const FIELDS = new Set([
  'service',
  'operations',
  'throttle',
  'errorRate',
  'status',
  'code',
  'latencyMs',
  'hang',
  'seed',
]);

const invalid = (message: string) => new AwsError('ValidationException', message);

/** Operation names by service, as `SERVICE_OPERATIONS` gives them. */
export type OperationCatalogue = ReadonlyMap<string, ReadonlySet<string>>;

function optionalBoolean(body: Record<string, unknown>, field: string): boolean {
  const value = body[field];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw invalid(`${field} must be true or false`);
  return value;
}

function optionalNumber(
  body: Record<string, unknown>,
  field: string,
  fallback: number,
  check: (value: number) => boolean,
  rule: string,
): number {
  const value = body[field];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || !check(value))
    throw invalid(`${field} must be ${rule}`);
  return value;
}

/**
 * Validates a `POST /_sim/faults` body against the simulated services' operations; a
 * ValidationException names the first bad field (and every unknown operation).
 */
export function parseFaultRequest(
  body: Record<string, unknown>,
  catalogue: OperationCatalogue = SERVICE_OPERATIONS,
): FaultRequest {
  for (const field of Object.keys(body)) {
    if (!FIELDS.has(field)) throw invalid(`${field} is not a fault field`);
  }
  const service = body.service ?? 'ecs';
  const known = typeof service === 'string' ? catalogue.get(service) : undefined;
  if (typeof service !== 'string' || !known) {
    throw invalid(`service must be one of ${[...catalogue.keys()].sort().join(', ')}`);
  }
  let operations: string[] | undefined;
  if (body.operations !== undefined) {
    const list = body.operations;
    if (!Array.isArray(list) || list.length === 0 || list.some((op) => typeof op !== 'string'))
      throw invalid('operations must be a non-empty list of operation names');
    const unknown = [...new Set((list as string[]).filter((op) => !known.has(op)))];
    if (unknown.length === 1)
      throw invalid(`operations: ${unknown.join('')} is not an ${service} operation`);
    if (unknown.length > 1)
      throw invalid(`operations: ${unknown.join(', ')} are not ${service} operations`);
    operations = list as string[];
  }
  const errorRate = optionalNumber(body, 'errorRate', 0, (v) => v >= 0 && v <= 1, 'from 0 to 1');
  const status = optionalNumber(
    body,
    'status',
    500,
    (v) => Number.isInteger(v) && v >= 400 && v <= 599,
    'an HTTP error status (400-599)',
  );
  if (body.status !== undefined && errorRate === 0)
    throw invalid('status needs an errorRate above 0');
  const code = body.code;
  if (code !== undefined) {
    // An AWS error code is one CamelCase word; it goes into `__type` and a response header.
    if (typeof code !== 'string' || !/^[A-Z][A-Za-z0-9]{0,99}$/.test(code))
      throw invalid('code must be an AWS error code such as ExpiredTokenException');
    if (errorRate === 0) throw invalid('code needs an errorRate above 0');
  }
  const latencyMs = optionalNumber(
    body,
    'latencyMs',
    0,
    (v) => Number.isInteger(v) && v >= 0 && v <= MAX_LATENCY_MS,
    `an integer from 0 to ${MAX_LATENCY_MS}`,
  );
  const throttle = optionalBoolean(body, 'throttle');
  const hang = optionalBoolean(body, 'hang');
  if (!throttle && !hang && errorRate === 0 && latencyMs === 0)
    throw invalid('a fault needs throttle, errorRate, latencyMs or hang');
  const seed =
    body.seed === undefined
      ? undefined
      : optionalNumber(body, 'seed', 0, Number.isSafeInteger, 'an integer');
  const rule: FaultRule = { service, throttle, errorRate, status, latencyMs, hang };
  if (operations) rule.operations = operations;
  if (typeof code === 'string') rule.code = code;
  return seed === undefined ? { rule } : { rule, seed };
}
