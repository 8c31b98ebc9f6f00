import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { Router } from 'express';
import { LoginRequest, SessionResponse } from '@deckhand/shared';
import { InputError, UnauthorizedError } from './errors.js';

/** Sessions live for 12 hours, then the token must be given again. */
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'deckhand_session';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time comparison of a presented token with the configured one. */
export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

function cookieValue(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    // A malformed escape (`%E0%A4%A`) is no session, not a 500.
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Access control when DECKHAND_AUTH_TOKEN is set: the login route exchanges the token for an
 * HttpOnly, SameSite=Strict session cookie; API clients may send `Authorization: Bearer <token>`.
 * Sessions are held in memory (a restart signs everyone out, which is the safe direction).
 */
export class SessionStore {
  private readonly sessions = new Map<string, number>();

  constructor(
    private readonly token: string,
    private readonly now: () => number = Date.now,
  ) {}

  create(): string {
    const now = this.now();
    // Expired sessions nobody presents again would stay forever: drop them at each sign-in.
    for (const [id, expires] of this.sessions) if (expires <= now) this.sessions.delete(id);
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, now + SESSION_TTL_MS);
    return id;
  }

  /** How many sessions are held (expired ones included until the next sign-in). */
  get size(): number {
    return this.sessions.size;
  }

  valid(id: string | undefined): boolean {
    if (!id) return false;
    const expires = this.sessions.get(id);
    if (expires === undefined) return false;
    if (expires <= this.now()) {
      this.sessions.delete(id);
      return false;
    }
    return true;
  }

  revoke(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  checkToken(presented: string): boolean {
    return tokenMatches(presented, this.token);
  }

  /** The request's session id when its cookie names a valid session (the rate limiter's client key). */
  sessionOf(req: Request): string | undefined {
    const id = cookieValue(req, SESSION_COOKIE);
    return this.valid(id) ? id : undefined;
  }

  authenticated(req: Request): boolean {
    const authorization = req.headers.authorization;
    if (authorization?.startsWith('Bearer ')) return this.checkToken(authorization.slice(7).trim());
    return this.valid(cookieValue(req, SESSION_COOKIE));
  }
}

function setCookie(req: Request, res: Response, value: string, maxAgeSeconds: number) {
  const secure = req.secure ? '; Secure' : '';
  res.setHeader(
    'set-cookie',
    `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}${secure}`,
  );
}

/** `GET/POST/DELETE /session`: whether sign-in is needed, sign in, sign out. */
export function sessionRouter(store: SessionStore | undefined): Router {
  const router = Router();
  router.get('/session', (req, res) => {
    res.json(
      SessionResponse.parse({
        required: Boolean(store),
        authenticated: store ? store.authenticated(req) : true,
      }),
    );
  });
  router.post('/session', (req, res) => {
    if (!store) {
      res.json({ required: false, authenticated: true });
      return;
    }
    const parsed = LoginRequest.safeParse(req.body);
    if (!parsed.success) throw new InputError('token is required');
    if (!store.checkToken(parsed.data.token))
      throw new UnauthorizedError('That access token is not valid.');
    setCookie(req, res, store.create(), SESSION_TTL_MS / 1000);
    res.json({ required: true, authenticated: true });
  });
  router.delete('/session', (req, res) => {
    store?.revoke(cookieValue(req, SESSION_COOKIE));
    setCookie(req, res, '', 0);
    res.json({ required: Boolean(store), authenticated: false });
  });
  return router;
}

/**
 * Who made a request, for the audit log: `bearer`, `session:<first 8 hex of the session id's
 * SHA-256>` (identifies a session without revealing it), or `local` when no token is configured.
 * requireAuth records it once a credential was accepted.
 */
export function requestActor(res: Response): string {
  const actor: unknown = res.locals.deckhandActor;
  return typeof actor === 'string' ? actor : 'local';
}

function actorOf(req: Request): string {
  if (req.headers.authorization?.startsWith('Bearer ')) return 'bearer';
  const session = cookieValue(req, SESSION_COOKIE) ?? '';
  return `session:${digest(session).toString('hex').slice(0, 8)}`;
}

/** Every API route but `/session` needs a valid session or bearer token. */
export function requireAuth(store: SessionStore | undefined): RequestHandler {
  return (req, res, next) => {
    if (!store || req.path === '/session') {
      next();
      return;
    }
    if (store.authenticated(req)) {
      res.locals.deckhandActor = actorOf(req);
      next();
      return;
    }
    next(new UnauthorizedError());
  };
}
