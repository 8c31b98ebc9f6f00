import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built SPA: hashed assets cached for a year, `index.html` never cached, and every
 * other GET that is not an API route answered with `index.html` (client-side routes deep-link).
 */
export function spaRouter(webDist: string | undefined): Router {
  const router = Router();
  if (!webDist || !existsSync(join(webDist, 'index.html'))) return router;
  router.use(
    '/assets',
    express.static(join(webDist, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  router.use(express.static(webDist, { index: false, maxAge: 0 }));
  router.get('/{*path}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path === '/api') {
      next();
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(webDist, 'index.html'));
  });
  return router;
}
