import type { FleetContext } from '../engine/fleet-state.js';
import type { ServiceRecord } from '../engine/model.js';
import type { RegionState } from '../engine/region-state.js';
import { AwsError } from '../protocol/errors.js';
import type { Input } from '../protocol/input.js';
import { updateService } from '../services/ecs/services.js';
import { storeTaskDefinition } from '../services/ecs/task-definitions.js';
import { demoImageUri } from './demo-repositories.js';

const MINUTE = 60_000;

type Release = (context: FleetContext) => void;

function serviceOf(state: RegionState, cluster: string, name: string): ServiceRecord | undefined {
  return state.services.get(state.arn('ecs', `service/${cluster}/${name}`));
}

/** Registers the next revision of a service's task definition with some containers changed. */
function nextRevision(
  context: FleetContext,
  service: ServiceRecord,
  change: (container: Record<string, unknown>) => void,
): string | undefined {
  const current = context.state.taskDefinitions.get(service.taskDefinitionArn);
  if (!current) return undefined;
  const definition = structuredClone(current.definition);
  const containers = Array.isArray(definition.containerDefinitions)
    ? (definition.containerDefinitions as Record<string, unknown>[])
    : [];
  for (const container of containers) change(container);
  return storeTaskDefinition(context.state, context.now, { ...definition, tags: current.tags }).arn;
}

const setEnv = (container: Record<string, unknown>, name: string, value: string) => {
  const env = Array.isArray(container.environment)
    ? (container.environment as { name: string; value: string }[])
    : [];
  container.environment = [...env.filter((e) => e.name !== name), { name, value }];
};

/**
 * The demo's release train: every few simulated minutes a team ships something. Most releases
 * roll out cleanly; the storefront API's release candidate fails its health checks, and the
 * deployment circuit breaker rolls it back.
 */
function releases(cluster: { ec2: string; fargate: string }): { weight: number; run: Release }[] {
  const deploy =
    (clusterName: string, name: string, input: Omit<Input, 'cluster' | 'service'>) =>
    (context: FleetContext) =>
      updateService(context, { cluster: clusterName, service: name, ...input });
  return [
    { weight: 2, run: deploy(cluster.ec2, 'web', { forceNewDeployment: true }) },
    { weight: 2, run: deploy(cluster.fargate, 'checkout', { forceNewDeployment: true }) },
    {
      weight: 2,
      run: (context) => {
        const service = serviceOf(context.state, cluster.ec2, 'api');
        if (!service) return;
        const release = String(Math.floor(context.now / MINUTE) % 100_000);
        const arn = nextRevision(context, service, (c) => setEnv(c, 'RELEASE', release));
        if (arn) deploy(cluster.ec2, 'api', { taskDefinition: arn })(context);
      },
    },
    {
      weight: 1,
      run: (context) => {
        const { state } = context;
        const service = serviceOf(state, cluster.ec2, 'api');
        if (!service) return;
        const image = demoImageUri(state.accountId, state.region, 'storefront-api').replace(
          /:[^:/]+$/,
          ':v2.9.0-rc.1',
        );
        const arn = nextRevision(context, service, (c) => {
          c.image = image;
        });
        if (!arn) return;
        state.fleet.unhealthyTaskDefinitions.add(arn);
        deploy(cluster.ec2, 'api', { taskDefinition: arn })(context);
      },
    },
    {
      weight: 2,
      run: (context) => {
        const service = serviceOf(context.state, cluster.ec2, 'worker');
        if (!service) return;
        const concurrency = String(context.random.pick([4, 8, 12, 16]));
        const arn = nextRevision(context, service, (c) => setEnv(c, 'CONCURRENCY', concurrency));
        if (arn) deploy(cluster.ec2, 'worker', { taskDefinition: arn })(context);
      },
    },
  ];
}

/** The services the train ships to. */
const SHIPPED = [
  ['ec2', 'web'],
  ['ec2', 'api'],
  ['ec2', 'worker'],
  ['fargate', 'checkout'],
] as const;

/** Schedules the release train on the fleet's clock, from `first` on. */
export function scheduleDemoReleases(
  state: RegionState,
  first: number,
  cluster: { ec2: string; fargate: string },
): void {
  const train = releases(cluster);
  const total = train.reduce((sum, release) => sum + release.weight, 0);
  const run = (context: FleetContext) => {
    // A team waits for the previous rollout to finish before shipping the next one.
    const busy = SHIPPED.some(([clusterOf, name]) =>
      serviceOf(context.state, cluster[clusterOf], name)?.deployments.some(
        (d) => d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS',
      ),
    );
    if (!busy) {
      let ticket = context.random.next() * total;
      const release = train.find((candidate) => (ticket -= candidate.weight) < 0) ?? train[0];
      try {
        release?.run(context);
      } catch (error) {
        // The user may have deleted or changed what the train deploys; it just skips a beat.
        if (!(error instanceof AwsError)) throw error;
      }
    }
    state.fleet.schedule({
      at: context.now + context.random.int(4 * MINUTE, 8 * MINUTE),
      kind: 'action',
      run,
    });
  };
  state.fleet.schedule({ at: first, kind: 'action', run });
}
