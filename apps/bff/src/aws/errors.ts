import {
  HttpError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ThrottledError,
  UnavailableError,
  UpstreamTimeoutError,
} from '../http/errors.js';

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
const DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'ExpiredTokenException',
]);
const INPUT = new Set([
  'InvalidParameterException',
  'ClientException',
  'ValidationException',
  'ServiceNotActiveException',
]);

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
    return new ThrottledError(`${what}: AWS is throttling requests; try again shortly.`, 2);
  if (DENIED.has(name))
    return new NotAllowedError(`${what}: AWS refused the credentials (${name}).`);
  if (INPUT.has(name)) return new InputError(`${what}: ${sdk.message ?? name}`);
  if (name === 'TimeoutError' || name === 'RequestTimeout' || sdk.code === 'ETIMEDOUT') {
    return new UpstreamTimeoutError(`${what}: AWS did not answer in time.`);
  }
  if (sdk.code === 'ECONNREFUSED' || name === 'ECONNREFUSED' || sdk.code === 'ENOTFOUND') {
    return new UnavailableError(`${what}: the AWS endpoint cannot be reached.`);
  }
  if (name === 'CredentialsProviderError') {
    return new UnavailableError(`${what}: no AWS credentials were found (see README: real AWS).`);
  }
  return new UnavailableError(`${what}: AWS answered with an error (${name || 'unknown'}).`);
}
