import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { requestSignal } from './aws/abort-scope.js';
import { clientGone } from './http/abort.js';
import { requireAuth, sessionRouter, type SessionStore } from './http/auth.js';
import { apiNotFound, errorMiddleware } from './http/error-middleware.js';
import { httpLogger } from './http/logging.js';
import { rateLimiter, type RateLimit } from './http/rate-limit.js';
import { createRegionResolver } from './http/region.js';
import { cspNonce, hostGuard, mutationGuard, securityHeaders } from './http/security.js';
import { spaRouter } from './http/static.js';
import { createLiveRouter } from './live/live.router.js';
import type { LiveHub } from './live/live-hub.js';
import { createActionsRouter } from './modules/actions/actions.router.js';
import { createStudioRouter } from './modules/studio/studio.router.js';
import type { ActionsService } from './modules/actions/actions.service.js';
import { createClustersRouter } from './modules/clusters/clusters.router.js';
import type { ClustersService } from './modules/clusters/clusters.service.js';
import { createEcsRouter, type EcsServices } from './modules/ecs-routes.js';
import { createEksRouter } from './modules/eks/eks.router.js';
import type { EksService } from './modules/eks/eks.service.js';
import { createHealthRouter, type HealthInfo } from './modules/health/health.router.js';
import { createRegistryRouter } from './modules/registry/registry.router.js';
import type { RegistryService } from './modules/registry/registry.service.js';
import { createTracesRouter } from './modules/traces/traces.router.js';
import type { TracesService } from './modules/traces/traces.service.js';

export interface AppDeps {
  logger: Logger;
  info: HealthInfo;
  /** The home region, used when a request names none. */
  region: string;
  clusters: ClustersService;
  /** ECS reads beyond the cluster list: cluster detail, instances, services, tasks, port map, task definitions. */
  ecs: EcsServices;
  registry: RegistryService;
  eks: EksService;
  traces: TracesService;
  /** The live feeds (SSE) and their pollers; omitted, the event routes answer 404. */
  live?: LiveHub;
  /** The mutation routes (scale, deploy, stop, drain, register); omitted, they answer 404. */
  actions?: ActionsService;
  /** Set when DECKHAND_AUTH_TOKEN is: every API route then needs a session or the token. */
  sessions?: SessionStore;
  /** Per-client request budget (DECKHAND_RATE_LIMIT); omitted, there is no limit (API-only tests). */
  rateLimit?: RateLimit | undefined;
  /** Readiness: whether AWS (or the simulator) answers; `/readyz` is 503 while it does not. */
  ready?: () => Promise<boolean>;
  /** Folder of the built SPA; omitted in API-only tests. */
  webDist?: string;
}

/** Builds the Express app from its services; no listen (tests mount it with supertest). */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // API answers are never cached (no-store); hashing a 16 MB answer for an ETag would only cost time.
  app.set('etag', false);
  app.set('trust proxy', false);
  app.set('query parser', 'simple');

  const region = createRegionResolver(deps.region, deps.info.regions);
  const api = express.Router();
  // First: a flood is refused before authentication, the body parser or any AWS call.
  if (deps.rateLimit) {
    const { sessions } = deps;
    api.use(rateLimiter({ ...deps.rateLimit, sessionOf: (req) => sessions?.sessionOf(req) }));
  }
  // Every AWS read made for this request knows when its browser has gone away.
  api.use((_req, res, next) => requestSignal.run(clientGone(res), next));
  api.use(requireAuth(deps.sessions));
  api.use(mutationGuard({ readOnly: deps.info.readOnly }));
  api.use(express.json({ limit: '1mb' }));
  api.use(sessionRouter(deps.sessions));
  api.use(createHealthRouter({ info: deps.info, region }));
  api.use(createClustersRouter({ clusters: deps.clusters, region }));
  api.use(createEcsRouter({ ecs: deps.ecs, region }));
  api.use(createRegistryRouter({ registry: deps.registry, region }));
  api.use(createEksRouter({ eks: deps.eks, region }));
  api.use(createTracesRouter({ traces: deps.traces, region }));
  if (deps.live) api.use(createLiveRouter({ live: deps.live, region }));
  api.use(createStudioRouter());
  if (deps.actions) api.use(createActionsRouter({ actions: deps.actions, region }));
  api.use(apiNotFound);

  app.use(cspNonce, securityHeaders);
  app.use(hostGuard({ anyHost: Boolean(deps.sessions) }));
  // Liveness and readiness for process managers and load balancers, outside the API (no auth, no logs).
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = deps.ready ? await deps.ready().catch(() => false) : true;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });

  app.use(httpLogger(deps.logger));
  app.use('/api/v1', (_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  });
  app.use('/api/v1', api);
  app.use('/api', apiNotFound);
  app.use(spaRouter(deps.webDist));
  app.use(errorMiddleware);
  return app;
}
