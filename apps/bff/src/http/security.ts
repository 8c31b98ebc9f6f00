import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { isLoopback } from '../config.js';
import { NotAllowedError } from './errors.js';

/**
 * A fresh CSP nonce per response, for the `<style>` elements the JSON editor (CodeMirror) creates
 * at run time: `style-src` allows this response's nonce and nothing else inline. The SPA reads
 * it from `<meta name="csp-nonce">` in index.html (http/static.ts writes it there).
 */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
};

/** This response's CSP nonce (see `cspNonce`). */
export const nonceOf = (res: Response | ServerResponse): string => {
  const locals = (res as Partial<Response>).locals;
  return typeof locals?.cspNonce === 'string' ? locals.cspNonce : '';
};

const styleNonce = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${nonceOf(res)}'`;

/** Strict browser-facing headers: a CSP with no inline scripts, no framing, no sniffing. */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", styleNonce],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'no-referrer' },
  // As frame-ancestors 'none' says, for browsers that only know X-Frame-Options (helmet's default is SAMEORIGIN).
  xFrameOptions: { action: 'deny' },
  strictTransportSecurity: false,
});

/** The name in a Host header, without its port (`[::1]:8080` → `::1`), lower-cased. */
function hostName(host: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(host);
  if (bracketed) return (bracketed[1] ?? '').toLowerCase();
  return host.replace(/:\d*$/, '').toLowerCase();
}

/**
 * Against DNS rebinding: without an access token the console trusts whoever reaches it, which
 * only loopback can. But a web page whose name an attacker re-points at 127.0.0.1 reaches it too,
 * same-origin as far as the browser knows (Origin and Host agree, so the CSRF guard cannot tell),
 * and could read and change AWS. Its requests name the attacker's host in `Host`: without a token,
 * only loopback names are served. With a token, any name is (the attacker has no session).
 */
export function hostGuard(options: { anyHost: boolean }): RequestHandler {
  return (req, _res, next) => {
    const host = req.headers.host;
    // A browser always sends Host; a request without one is no rebound page.
    if (options.anyHost || host === undefined || isLoopback(hostName(host))) {
      next();
      return;
    }
    next(
      new NotAllowedError(
        `This console answers to loopback names only (not ${host}); set DECKHAND_AUTH_TOKEN to serve it under other names.`,
      ),
    );
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const READ_ONLY_EXEMPT = new Set([
  '/session',
  '/task-definitions/validate',
  '/convert/dockerrun',
  '/convert/taskdef-to-dockerrun',
]);

/**
 * CSRF and read-only guard for every mutation: JSON only, the `x-deckhand-request: 1` header
 * (a cross-site form or simple fetch cannot set it), and no foreign Origin or cross-site fetch.
 * Runs before any route, so a refused request never reaches AWS.
 */
export function mutationGuard(options: { readOnly: boolean }): RequestHandler {
  // Signing in and out, linting and converting change nothing in AWS, so read-only mode allows
  // them (CSRF rules still apply).
  const readOnlyExempt = (path: string) => READ_ONLY_EXEMPT.has(path);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    if (req.headers['x-deckhand-request'] !== '1') {
      next(new NotAllowedError('Mutations need the x-deckhand-request: 1 header.'));
      return;
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      next(new NotAllowedError('Cross-site requests are refused.'));
      return;
    }
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (originHost !== req.headers.host) {
        next(new NotAllowedError(`Requests from origin ${origin} are refused.`));
        return;
      }
    } else if (origin === 'null') {
      next(new NotAllowedError('Requests from an opaque origin are refused.'));
      return;
    }
    if (!req.is('application/json')) {
      next(new NotAllowedError('Mutations must send content-type: application/json.'));
      return;
    }
    if (options.readOnly && !readOnlyExempt(req.path)) {
      next(new NotAllowedError('Deckhand is in read-only mode (DECKHAND_READ_ONLY).'));
      return;
    }
    next();
  };
}
