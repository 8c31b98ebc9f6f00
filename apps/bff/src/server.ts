import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ECSClient } from '@aws-sdk/client-ecs';
import { createSimulator, type Simulator } from '@deckhand/aws-sim';
import { createApp } from './app.js';
import { createAwsLayer, type AwsLayer } from './aws/aws-layer.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { SessionStore } from './http/auth.js';
import { createLogger } from './http/logging.js';
import { createClustersService } from './modules/clusters/clusters.service.js';
import { LiveHub } from './live/live-hub.js';
import { createActionsService } from './modules/actions/actions.service.js';
import { createEcsServices } from './modules/ecs-routes.js';
import { DatabaseError, openStores } from './store/stores.js';
import type { Stores } from './store/types.js';
import { createEksService } from './modules/eks/eks.service.js';
import { createRegistryService } from './modules/registry/registry.service.js';
import { createTracesService } from './modules/traces/traces.service.js';
import { VERSION } from './version.js';

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`deckhand: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** In `aws` mode without AWS_REGION, the region comes from the profile, as the AWS CLI does it. */
async function resolveHomeRegion(config: Config): Promise<string> {
  if (config.region) return config.region;
  const probe = new ECSClient({});
  try {
    return await probe.config.region();
  } catch {
    throw new ConfigError(
      'No AWS region: set AWS_REGION or a region in the AWS profile (AWS_PROFILE)',
    );
  } finally {
    probe.destroy();
  }
}

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);

let simulator: Simulator | undefined;
let aws: AwsLayer;
let region: string;
let stores: Stores;
// With the simulator's throttling off there is no shared bucket to stay below.
const budgetShare =
  config.mode === 'simulator' && config.sim.throttling === 'off' ? undefined : config.awsCallBudget;
// The history database first: a corrupt or unwritable one stops the start, naming the file.
try {
  stores = await openStores({
    dataDir: config.dataDir,
    retentionDays: config.historyRetentionDays,
    onPurgeError: (error) => logger.error({ err: error }, 'history purge failed'),
  });
} catch (error) {
  const message = error instanceof DatabaseError ? error.message : (error as Error).message;
  process.stderr.write(
    `deckhand: cannot open the history database: ${message} (DECKHAND_DATA_DIR=${config.dataDir})\n`,
  );
  process.exit(2);
}
try {
  region = await resolveHomeRegion(config);
  if (config.mode === 'simulator') {
    simulator = createSimulator({
      port: config.sim.port,
      scenario: config.sim.scenario,
      speed: config.sim.speed,
      throttling: config.sim.throttling,
      xrayDaemonAddress: config.sim.xrayDaemonAddress,
      region,
    });
    await simulator.start();
    // Real SDK clients over real HTTP: the BFF cannot tell the simulator from AWS.
    aws = createAwsLayer({
      endpoint: simulator.endpoint,
      credentials: {
        accessKeyId: 'DECKHANDSIMULATOR',
        secretAccessKey: 'deckhand-simulator-local',
      },
      budgetShare,
    });
  } else {
    aws = createAwsLayer({ budgetShare });
  }
} catch (error) {
  const message =
    error instanceof ConfigError
      ? error.message
      : `cannot start the simulator (HTTP 127.0.0.1:${config.sim.port}, X-Ray daemon ${config.sim.xrayDaemonAddress}): ${(error as Error).message} — set DECKHAND_SIM_PORT or DECKHAND_XRAY_DAEMON_ADDRESS`;
  process.stderr.write(`deckhand: ${message}\n`);
  process.exit(2);
}

const regions = config.regions.length > 0 ? config.regions : [region];
// One poller per (region, cluster), shared by every browser; background pollers keep history.
const live = new LiveHub({
  aws,
  history: stores.history,
  logger,
  budgetShare,
  schedule: {
    watchedMs: config.poll.watchedMs,
    busyMs: Math.max(1_000, Math.round(config.poll.watchedMs / 2)),
    backgroundMs: config.poll.backgroundMs ?? 'off',
  },
});
// Never rejects: a region it cannot list is logged and tried again at the next discovery.
if (config.poll.backgroundMs !== undefined) void live.startBackground(regions);
const app = createApp({
  logger,
  region,
  info: { mode: config.mode, regions, readOnly: config.readOnly, version: VERSION },
  clusters: createClustersService(aws.ecs),
  ecs: createEcsServices(aws.ecs, stores.history, config.historyRetentionDays),
  live,
  actions: createActionsService({
    clients: aws.clients,
    reads: aws.ecs,
    audit: stores.audit,
    idempotency: stores.idempotency,
    // A change is seen on the live feed within a moment, not at the next scheduled poll.
    afterMutation: (changedRegion, cluster) => live.nudge(changedRegion, cluster),
  }),
  registry: createRegistryService({ ecr: aws.ecr, ecs: aws.ecs }),
  eks: createEksService(aws.eks),
  traces: createTracesService(aws.xray),
  ...(config.authToken ? { sessions: new SessionStore(config.authToken) } : {}),
  ...(config.rateLimit ? { rateLimit: config.rateLimit } : {}),
  // Ready when a cheap, cached read succeeds (served from the 5-second cache when recent).
  ready: () => aws.ecs.clusters(region).then((answer) => !answer.stale),
  webDist: resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist'),
});

const server = app.listen(config.port, config.host);
// Keep idle keep-alive connections longer than a load balancer in front does (an ALB keeps them
// 60 s): a shorter server timeout closes a connection the balancer is about to reuse (a 502).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on('error', (error: NodeJS.ErrnoException) => {
  process.stderr.write(
    `deckhand: cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message} (set PORT)\n`,
  );
  void simulator?.stop().finally(() => process.exit(2));
});
server.on('listening', () => {
  const where =
    config.mode === 'simulator'
      ? `simulator, scenario ${config.sim.scenario}`
      : `AWS, region ${region}`;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  logger.info({ mode: config.mode, region, simulator: simulator?.endpoint }, 'deckhand started');
  process.stdout.write(`\nDeckhand is running at http://${host}:${config.port}  (${where})\n`);
  if (simulator) process.stdout.write(`AWS simulator endpoint: ${simulator.endpoint}\n`);
  process.stdout.write('Press Ctrl-C to stop.\n\n');
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  // Give open requests a moment, then cut what is left (SSE streams never end by themselves).
  const force = setTimeout(() => process.exit(0), 5_000);
  force.unref();
  // Streams first (a last comment, then a clean end), or server.close() would wait on them.
  void live.close().finally(() => {
    server.close(() => {
      void (simulator?.stop() ?? Promise.resolve())
        .then(() => stores.close())
        .finally(() => {
          aws.destroy();
          process.exit(0);
        });
    });
    server.closeIdleConnections();
  });
  setTimeout(() => server.closeAllConnections(), 1_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGHUP', () => shutdown('SIGHUP'));
// Started by `npm start` with an IPC channel: when that supervisor dies, so do we.
if (process.send) process.on('disconnect', () => shutdown('parent exited'));
