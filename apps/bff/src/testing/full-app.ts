import type { Express } from 'express';
import { pino } from 'pino';
import type { AppDeps } from '../app.js';
import { LiveHub } from '../live/live-hub.js';
import { createActionsService } from '../modules/actions/actions.service.js';
import { createClustersService } from '../modules/clusters/clusters.service.js';
import { createEcsServices } from '../modules/ecs-routes.js';
import { createEksService } from '../modules/eks/eks.service.js';
import { createRegistryService } from '../modules/registry/registry.service.js';
import { createTracesService } from '../modules/traces/traces.service.js';
import { MemoryHistory } from './memory-history.js';
import { MemoryAuditLog, MemoryIdempotencyStore } from './memory-stores.js';
import { mockedAwsLayer } from './mocked-aws.js';
import { buildTestApp } from './test-app.js';

export interface FullApp {
  app: Express;
  close(): Promise<void>;
}

/**
 * The whole API — every optional router mounted, live feeds and mutations too — over the real
 * service layer and a real AWS layer whose SDK clients the caller stubs (aws-sdk-client-mock):
 * what the security and fuzz suites send reaches the same code a real request does.
 */
export function buildFullApp(overrides: Partial<AppDeps> = {}): FullApp {
  const aws = mockedAwsLayer();
  const history = new MemoryHistory();
  const live = new LiveHub({
    aws,
    history,
    logger: pino({ level: 'silent' }),
    budgetShare: undefined,
    schedule: { backgroundMs: 'off' },
  });
  const app = buildTestApp({
    clusters: createClustersService(aws.ecs),
    ecs: createEcsServices(aws.ecs, history, 30),
    registry: createRegistryService({ ecr: aws.ecr, ecs: aws.ecs }),
    eks: createEksService(aws.eks),
    traces: createTracesService(aws.xray),
    live,
    actions: createActionsService({
      clients: aws.clients,
      reads: aws.ecs,
      audit: new MemoryAuditLog(),
      idempotency: new MemoryIdempotencyStore(),
    }),
    ...overrides,
  });
  return {
    app,
    async close() {
      await live.close();
      aws.destroy();
    },
  };
}
