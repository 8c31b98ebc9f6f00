import type { ErrorCode, LintFinding } from '@deckhand/shared';

/** An expected failure with the HTTP status and error code it answers with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class InputError extends HttpError {
  override name = 'InputError';
  constructor(message: string) {
    super(400, 'bad_request', message);
  }
}

export class NotFoundError extends HttpError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

export class NotAllowedError extends HttpError {
  override name = 'NotAllowedError';
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

export class UnauthorizedError extends HttpError {
  override name = 'UnauthorizedError';
  constructor(message = 'Sign in with the access token to use this console.') {
    super(401, 'unauthorized', message);
  }
}

export class ConflictError extends HttpError {
  override name = 'ConflictError';
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

export class ThrottledError extends HttpError {
  override name = 'ThrottledError';
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'throttled', message, {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
}

export class UnavailableError extends HttpError {
  override name = 'UnavailableError';
  constructor(message: string) {
    super(503, 'unavailable', message);
  }
}

export class UpstreamTimeoutError extends HttpError {
  override name = 'UpstreamTimeoutError';
  constructor(message: string) {
    super(504, 'upstream_timeout', message);
  }
}

/** A destructive action without `confirm` repeating its target's name (shared `requiredConfirmation`). */
export class ConfirmationRequiredError extends HttpError {
  override name = 'ConfirmationRequiredError';
  constructor(message: string) {
    super(400, 'confirmation_required', message);
  }
}

/** A task definition the lint refuses (422): its findings go back with the error body. */
export class LintFailedError extends HttpError {
  override name = 'LintFailedError';
  constructor(
    message: string,
    readonly findings: readonly LintFinding[],
  ) {
    super(422, 'lint_failed', message);
  }
}
