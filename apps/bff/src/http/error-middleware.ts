import type { ErrorBody } from '@deckhand/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError, LintFailedError, NotFoundError } from './errors.js';

/** Unknown API routes answer 404 with the error body, never the SPA's HTML. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No API route ${req.method} ${req.originalUrl.split('?')[0] ?? ''}`));
};

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * The one error middleware: named errors map to their status; body-parser failures to 400/413;
 * anything else is a 500 whose details stay in the log, never in the response.
 */
export const errorMiddleware: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  // The browser left and its reads were abandoned: there is no one to answer.
  if (
    (error as { name?: string } | null)?.name === 'AbortError' &&
    (res.destroyed || req.destroyed)
  ) {
    res.destroy();
    return;
  }
  const requestId = String(res.getHeader('x-request-id') ?? req.headers['x-request-id'] ?? '');
  let status = 500;
  let code: ErrorBody['error']['code'] = 'internal';
  let message = 'Internal error; the request id identifies it in the server log.';
  const parserError = error as BodyParserError;
  if (error instanceof HttpError) {
    status = error.status;
    code = error.code;
    message = error.message;
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  } else if (parserError.type === 'entity.too.large') {
    status = 413;
    code = 'payload_too_large';
    message = 'The request body is larger than the limit.';
  } else if (parserError.type === 'entity.parse.failed') {
    status = 400;
    code = 'bad_request';
    message = 'The request body is not valid JSON.';
  } else if (
    typeof parserError.status === 'number' &&
    parserError.status >= 400 &&
    parserError.status < 500
  ) {
    status = parserError.status;
    code = 'bad_request';
    message = 'The request could not be read.';
  }
  // pino-http logs the error with the response: 4xx at warn, 5xx at error.
  res.err = error instanceof Error ? error : new Error(String(error));
  const body: ErrorBody = {
    error: {
      code,
      message,
      requestId,
      ...(error instanceof LintFailedError ? { findings: [...error.findings] } : {}),
    },
  };
  res.status(status).json(body);
};
