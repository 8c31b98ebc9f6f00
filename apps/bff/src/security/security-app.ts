import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { XRayClient } from '@aws-sdk/client-xray';
import { mockClient } from 'aws-sdk-client-mock';
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
import { MemoryHistory } from '../testing/memory-history.js';
import { MemoryAuditLog, MemoryIdempotencyStore } from '../testing/memory-stores.js';
import { mockedAwsLayer } from '../testing/mocked-aws.js';
import { buildTestApp } from '../testing/test-app.js';

/**
 * The whole API (every optional router mounted: live feeds and mutations too) over the real
 * service layer, with every AWS SDK client stubbed by aws-sdk-client-mock. `awsCalls()` counts
 * what reached any of them: a refused request must leave it at zero.
 */
export interface SecurityApp {
  app: Express;
  awsCalls: () => number;
  close: () => Promise<void>;
}

export const ecsMock = mockClient(ECSClient);
export const ecrMock = mockClient(ECRClient);
export const eksMock = mockClient(EKSClient);
export const xrayMock = mockClient(XRayClient);
const mocks = [ecsMock, ecrMock, eksMock, xrayMock];

/** Every SDK answers `{}` (a legal answer to every read), so routes finish rather than hang. */
export function resetAws(): void {
  for (const mock of mocks) mock.reset();
  ecsMock.onAnyCommand().resolves({});
  ecrMock.onAnyCommand().resolves({});
  eksMock.onAnyCommand().resolves({});
  xrayMock.onAnyCommand().resolves({});
}

export function buildSecurityApp(overrides: Partial<AppDeps> = {}): SecurityApp {
  resetAws();
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
    awsCalls: () => mocks.reduce((sum, mock) => sum + mock.calls().length, 0),
    close: async () => {
      await live.close();
      aws.destroy();
    },
  };
}

/** One layer of an Express 5 router stack, as far as walking it needs. */
interface Layer {
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
  handle?: { stack?: unknown };
}

function walk(stack: unknown, out: Set<string>): void {
  if (!Array.isArray(stack)) return;
  for (const layer of stack as Layer[]) {
    if (layer.route) {
      const path = String(layer.route.path);
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on && method !== '_all') out.add(`${method.toUpperCase()} ${path}`);
    } else if (layer.handle?.stack) {
      // Every API router is mounted with a bare `use(router)` under `/api/v1`.
      walk(layer.handle.stack, out);
    }
  }
}

/**
 * Every `METHOD /path` of the API (relative to `/api/v1`), read from the app's router stack,
 * so that a route added later is covered by the access and read-only tests without a word.
 * The app-level routes (`/healthz`, `/readyz`) are left out: they are not under `/api/v1`.
 */
export function apiRoutes(app: Express): string[] {
  const out = new Set<string>();
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  for (const layer of stack) if (!layer.route) walk(layer.handle?.stack, out);
  return [...out].sort();
}

/** A concrete URL for a route pattern: well-formed names and ids for its parameters. */
export function concretePath(pattern: string): string {
  const values: Record<string, string> = {
    cluster: 'prod-ec2',
    service: 'web',
    task: '0f1e2d3c4b5a49687766554433221100',
    id: 'a1b2c3d4e5f6478899aabbccddeeff00',
    family: 'web',
    revision: '3',
    name: 'web',
    digest: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    traceId: '1-5f84c7a1-0123456789abcdef01234567',
  };
  return `/api/v1${pattern.replace(/:(\w+)/g, (_match, param: string) =>
    encodeURIComponent(values[param] ?? 'x'),
  )}`;
}
