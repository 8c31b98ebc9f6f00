import type { IncomingMessage, ServerResponse } from 'node:http';
import { serializationError, type AwsError } from './errors.js';
import { readBody, sendJson } from './http.js';
import type { Input } from './input.js';
import type { OperationContext } from './operation.js';
import { parseAuthorization } from './sigv4.js';

/** What a restJson1 handler gets: the operation context plus the path's captures, query and body. */
export interface RestContext extends OperationContext {
  /** Decoded captures of the route's path pattern, in order. */
  params: string[];
  query: URLSearchParams;
  body: Input;
}

export interface RestRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Matched against the whole path; captures become `params`. */
  path: RegExp;
  /** The AWS operation name, for stats, throttling and faults. */
  operation: string;
  handler: (context: RestContext) => unknown;
  /** HTTP status of a success (200 unless the API says otherwise). */
  status?: number;
}

/** A service on the restJson1 protocol (X-Ray, EKS): routes by method and path. */
export interface RestService {
  signingName: string;
  routes: RestRoute[];
  /** The service's own throttling error (X-Ray: 429 `ThrottledException`); default 400 `ThrottlingException`. */
  throttledError?: () => AwsError;
}

export interface RestMatch {
  service: RestService;
  route: RestRoute;
  params: string[];
}

/** Finds the route for a request, or undefined when no restJson service has it. */
export function matchRest(
  services: readonly RestService[],
  method: string,
  path: string,
): RestMatch | undefined {
  for (const service of services) {
    for (const route of service.routes) {
      if (route.method !== method) continue;
      const match = route.path.exec(path);
      if (match)
        return {
          service,
          route,
          params: match.slice(1).map((value) => decodeURIComponent(value ?? '')),
        };
    }
  }
  return undefined;
}

/**
 * Runs a matched restJson1 request: SigV4 check (the credential scope gives the region), JSON
 * body, handler, JSON answer. Errors are thrown as AwsError and answered by the caller.
 */
export async function runRest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  match: RestMatch,
  context: (region: string) => OperationContext,
): Promise<void> {
  const scope = parseAuthorization(req.headers.authorization);
  const raw = await readBody(req);
  let body: Input = {};
  if (raw.length > 0) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      throw serializationError('Could not parse the request body as JSON.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw serializationError('The request body must be a JSON object.');
    }
    body = parsed as Input;
  }
  const output = await match.route.handler({
    ...context(scope.region),
    params: match.params,
    query: url.searchParams,
    body,
  });
  sendJson(
    res,
    match.route.status ?? 200,
    output ?? {},
    context(scope.region).requestId,
    'application/json',
  );
}
