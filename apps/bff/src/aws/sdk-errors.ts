/**
 * What the BFF recognises in an AWS SDK failure before it is mapped to an HTTP error: the
 * client middleware (clients.ts) and the mapping (errors.ts) decide from the same facts.
 */
interface SdkFailure {
  name?: unknown;
  code?: unknown;
  message?: unknown;
}

const asFailure = (error: unknown): SdkFailure =>
  typeof error === 'object' && error !== null ? error : {};

/**
 * Error codes saying the credentials were good once and have run out: STS/SSO session tokens
 * past their expiry (`ExpiredTokenException` from ECS, ECR and X-Ray; `ExpiredToken` from the
 * query-protocol services). New credentials from the same source fix them.
 */
export const EXPIRED_CREDENTIAL_CODES: ReadonlySet<string> = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
]);

export function isExpiredCredentials(error: unknown): boolean {
  const { name } = asFailure(error);
  return typeof name === 'string' && EXPIRED_CREDENTIAL_CODES.has(name);
}

/** The name of the non-retryable error a timed-out attempt becomes. */
export const ATTEMPT_TIMEOUT = 'AwsAttemptTimeout';

/**
 * A timed-out attempt (no connection within connectionTimeout, or no answer within
 * requestTimeout) as an error the SDK's standard retry strategy does not retry: a plain name,
 * no `code` (ETIMEDOUT is retried) and no `cause` (retried when transient). Undefined for any
 * other failure.
 */
export function timedOutAttempt(error: unknown): Error | undefined {
  const { name, code, message } = asFailure(error);
  const timedOut = name === 'TimeoutError' || code === 'ETIMEDOUT';
  if (!timedOut) return undefined;
  const timeout = new Error(typeof message === 'string' ? message : 'AWS did not answer in time.');
  timeout.name = ATTEMPT_TIMEOUT;
  return timeout;
}
