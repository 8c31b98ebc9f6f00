import { pino } from 'pino';
import { createApp, type AppDeps } from '../app.js';
import type { ClustersService } from '../modules/clusters/clusters.service.js';
import { emptyEcs } from './ecs-fakes.js';
import { emptyEks, emptyRegistry } from './registry-fakes.js';
import { emptyTraces } from './traces-fakes.js';

/** The app with injected fakes; override what a test needs. */
export function buildTestApp(overrides: Partial<AppDeps> = {}) {
  const clusters: ClustersService = {
    listClusters: () =>
      Promise.resolve({ clusters: [], stale: false, asOf: new Date(0).toISOString() }),
  };
  return createApp({
    logger: pino({ level: 'silent' }),
    region: 'us-east-1',
    info: {
      mode: 'simulator',
      regions: ['us-east-1', 'eu-west-1'],
      readOnly: false,
      version: '9.9.9',
    },
    clusters,
    ecs: emptyEcs(),
    registry: emptyRegistry(),
    eks: emptyEks(),
    traces: emptyTraces(),
    ...overrides,
  });
}
