import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import { nonceOf } from './security.js';

const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * Serves the built SPA: hashed assets cached for a year, `index.html` never cached, and every
 * other GET that is not an API route answered with `index.html` (client-side routes deep-link).
 * index.html is read once and always sent with this response's CSP nonce in it, never as a file.
 */
export function spaRouter(webDist: string | undefined): Router {
  const router = Router();
  if (!webDist || !existsSync(join(webDist, 'index.html'))) return router;
  const indexHtml = readFileSync(join(webDist, 'index.html'), 'utf8');
  const sendIndex = (_req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(indexHtml.replaceAll(NONCE_PLACEHOLDER, nonceOf(res)));
  };
  router.use(
    '/assets',
    express.static(join(webDist, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  router.get('/index.html', sendIndex);
  router.use(express.static(webDist, { index: false, maxAge: 0 }));
  router.get('/{*path}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path === '/api') {
      next();
      return;
    }
    sendIndex(req, res);
  });
  return router;
}
