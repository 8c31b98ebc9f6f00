import { HttpError, InputError, NotFoundError } from '../http/errors.js';
import { ATTEMPT_TIMEOUT, isExpiredCredentials } from './sdk-errors.js';

/** AWS throttled the call (after the SDK's retries): 429 with a Retry-After. */
export class AwsThrottledError extends HttpError {
  override name = 'AwsThrottledError';
  constructor(message: string) {
    super(429, 'aws_throttled', message, { 'retry-after': '2' });
  }
}

export class AwsUnavailableError extends HttpError {
  override name = 'AwsUnavailableError';
  constructor(message: string) {
    super(503, 'aws_unavailable', message);
  }
}

export class AwsAccessDeniedError extends HttpError {
  override name = 'AwsAccessDeniedError';
  constructor(message: string) {
    super(403, 'aws_access_denied', message);
  }
}

export class AwsTimeoutError extends HttpError {
  override name = 'AwsTimeoutError';
  constructor(message: string) {
    super(504, 'aws_timeout', message);
  }
}

/** Failures the last good answer may stand in for (stale-while-error). */
export function isTransientAwsError(error: unknown): boolean {
  return (
    error instanceof AwsThrottledError ||
    error instanceof AwsUnavailableError ||
    error instanceof AwsTimeoutError
  );
}

interface SdkErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const NOT_FOUND = new Set([
  'ClusterNotFoundException',
  'ServiceNotFoundException',
  'RepositoryNotFoundException',
  'ImageNotFoundException',
  'ResourceNotFoundException',
  'TargetNotFoundException',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnrecognizedClientException']);
const INPUT = new Set([
  'InvalidParameterException',
  'ClientException',
  'ValidationException',
  'ServiceNotActiveException',
  // X-Ray (a bad filter expression, window or trace id) and EKS: the message says what is wrong.
  'InvalidRequestException',
]);

/** An SSO or web-identity session past its end: the SDK's credential chain says so in words. */
function isExpiredSession(sdk: SdkErrorLike): boolean {
  return (
    (sdk.name === 'CredentialsProviderError' || sdk.name === 'TokenProviderError') &&
    /expired/i.test(sdk.message ?? '')
  );
}

/**
 * Maps an AWS SDK failure to the BFF's named errors. Messages are AWS's own text for input
 * problems (they explain what is wrong) and a plain sentence otherwise: no AWS internals.
 */
export function toHttpError(error: unknown, what: string): Error {
  if (error instanceof HttpError) return error;
  const sdk = (error ?? {}) as SdkErrorLike;
  const name = sdk.name ?? '';
  if (NOT_FOUND.has(name)) return new NotFoundError(`${what}: ${sdk.message ?? 'not found'}`);
  if (THROTTLED.has(name))
    return new AwsThrottledError(`${what}: AWS is throttling requests; try again shortly.`);
  if (isExpiredCredentials(error) || isExpiredSession(sdk)) {
    // The client has already asked the credential source again (clients.ts) and got nothing new.
    return new AwsAccessDeniedError(
      `${what}: the AWS credentials have expired. Refresh them (for example \`aws sso login\`, or new keys in the environment); Deckhand uses the new ones on its next call, without a restart.`,
    );
  }
  if (DENIED.has(name))
    return new AwsAccessDeniedError(`${what}: AWS refused the credentials (${name}).`);
  if (INPUT.has(name)) return new InputError(`${what}: ${sdk.message ?? name}`);
  if (
    name === 'TimeoutError' ||
    name === ATTEMPT_TIMEOUT ||
    name === 'RequestTimeout' ||
    sdk.code === 'ETIMEDOUT'
  ) {
    return new AwsTimeoutError(`${what}: AWS did not answer in time.`);
  }
  if (sdk.code === 'ECONNREFUSED' || name === 'ECONNREFUSED' || sdk.code === 'ENOTFOUND') {
    return new AwsUnavailableError(`${what}: the AWS endpoint cannot be reached.`);
  }
  if (name === 'CredentialsProviderError') {
    return new AwsUnavailableError(
      `${what}: no AWS credentials were found (see README: real AWS).`,
    );
  }
  return new AwsUnavailableError(`${what}: AWS answered with an error (${name || 'unknown'}).`);
}
