import { AwsError } from './errors.js';
import {
  isThrottlingMode,
  THROTTLE_POLICIES,
  type BucketSpec,
  type ThrottlingMode,
} from './throttle.js';

export interface ThrottlingSettings {
  mode?: ThrottlingMode;
  /** Bucket sizes by service and category: how the unverified guesses are corrected. */
  buckets?: Record<string, Record<string, BucketSpec>>;
}

const invalid = (message: string) => new AwsError('ValidationException', message);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const positive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 100_000;

function parseBuckets(value: unknown): Record<string, Record<string, BucketSpec>> {
  if (!isObject(value)) throw invalid('buckets must map a service to its categories');
  const out: Record<string, Record<string, BucketSpec>> = {};
  for (const [service, categories] of Object.entries(value)) {
    const policy = THROTTLE_POLICIES[service];
    if (!policy) throw invalid(`buckets: ${service} is not a throttled service`);
    if (!isObject(categories)) throw invalid(`buckets.${service} must map categories to buckets`);
    const parsed: Record<string, BucketSpec> = {};
    for (const [category, spec] of Object.entries(categories)) {
      const field = `buckets.${service}.${category}`;
      if (!(category in policy.buckets)) throw invalid(`${field} is not a ${service} category`);
      if (!isObject(spec) || !positive(spec.burst) || !positive(spec.refillPerSecond))
        throw invalid(`${field} must be {"burst": n, "refillPerSecond": n} with positive numbers`);
      parsed[category] = { burst: spec.burst, refillPerSecond: spec.refillPerSecond };
    }
    out[service] = parsed;
  }
  return out;
}

/** Validates a `POST /_sim/throttling` body: `{"mode": "aws" | "off", "buckets"?: {...}}`. */
export function parseThrottlingSettings(body: Record<string, unknown>): ThrottlingSettings {
  for (const field of Object.keys(body)) {
    if (field !== 'mode' && field !== 'buckets')
      throw invalid(`${field} is not a throttling field`);
  }
  if (body.mode === undefined && body.buckets === undefined)
    throw invalid('mode must be aws or off');
  if (body.mode !== undefined && !isThrottlingMode(body.mode))
    throw invalid('mode must be aws or off');
  const settings: ThrottlingSettings = {};
  if (body.mode !== undefined) settings.mode = body.mode;
  if (body.buckets !== undefined) settings.buckets = parseBuckets(body.buckets);
  return settings;
}
