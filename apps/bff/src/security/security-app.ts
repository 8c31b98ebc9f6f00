import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { XRayClient } from '@aws-sdk/client-xray';
import { mockClient } from 'aws-sdk-client-mock';
import type { Express } from 'express';
import type { AppDeps } from '../app.js';
import { buildFullApp } from '../testing/full-app.js';
import { routesOf } from '../testing/route-stack.js';

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
  const full = buildFullApp(overrides);
  return {
    app: full.app,
    awsCalls: () => mocks.reduce((sum, mock) => sum + mock.calls().length, 0),
    close: () => full.close(),
  };
}

/**
 * Every `METHOD /path` of the API (relative to `/api/v1`), read from the app's router stack,
 * so that a route added later is covered by the access and read-only tests without a word.
 * The app-level routes (`/healthz`, `/readyz`) are left out: they are not under `/api/v1`.
 */
export function apiRoutes(app: Express): string[] {
  return routesOf(app, '/api/v1');
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
