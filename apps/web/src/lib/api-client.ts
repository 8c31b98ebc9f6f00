import { ErrorBody, type LintFinding } from '@deckhand/shared';
import type { z } from 'zod';

/** A failed API call: the BFF's error body, or what went wrong getting it. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    /** With `lint_failed` (422): the lint findings that refused the request. */
    readonly findings?: readonly LintFinding[],
  ) {
    super(message);
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Appended as query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
}

export interface SendOptions extends RequestOptions {
  /**
   * Sent as `Idempotency-Key`: the BFF performs a request with a given key once and answers a
   * repeat (a double click, a retry after a lost answer) with the first answer.
   */
  idempotencyKey?: string;
}

export function apiUrl(path: string, query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const parsed = ErrorBody.safeParse(await response.json());
    if (parsed.success) {
      const { code, message, requestId, findings } = parsed.data.error;
      return new ApiError(response.status, code, message, requestId, findings);
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(
    response.status,
    'http_error',
    `The server answered ${response.status} ${response.statusText}.`,
  );
}

/** Fetches a BFF route and parses the answer with its shared schema; every failure is an ApiError. */
async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  init: RequestInit,
  options: RequestOptions,
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      ...init,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Deckhand’s server cannot be reached.');
  }
  if (!response.ok) throw await toApiError(response);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'invalid_response',
      `The server’s answer to ${path} did not match the contract.`,
    );
  }
  return parsed.data;
}

/**
 * GETs a BFF route and parses the answer with its shared schema. Pure transport: no toasts, no
 * retries (the query cache decides both).
 */
export function getJson<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  return request(path, schema, { headers: { accept: 'application/json' } }, options);
}

/**
 * Sends a mutation: JSON body, and the `x-deckhand-request: 1` header without which the BFF
 * refuses every mutation (CSRF guard).
 */
export function sendJson<S extends z.ZodType>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  schema: S,
  options: SendOptions = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'x-deckhand-request': '1',
  };
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  return request(path, schema, { method, headers, body: JSON.stringify(body ?? {}) }, options);
}
