import { AwsError, clusterNotFound, invalidParameter } from '../../protocol/errors.js';
import { objectList, optionalString, stringList, type Input } from '../../protocol/input.js';
import type { Operation, OperationContext } from '../../protocol/operation.js';
import { paginate } from '../../engine/paginate.js';
import type { ClusterRecord } from '../../engine/model.js';
import type { RegionState } from '../../engine/region-state.js';
import { serviceLaunchType } from '../../engine/service-template.js';
import { parseTags } from './tags.js';

const CLUSTER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const CAPACITY_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);

/** Creates (or, as AWS does for an existing name, returns) a cluster. Used by scenarios too. */
export function createCluster(state: RegionState, now: number, input: Input): ClusterRecord {
  const name = optionalString(input, 'clusterName') ?? 'default';
  if (!CLUSTER_NAME.test(name)) {
    throw invalidParameter(
      'Cluster name must be 1-255 characters: letters (uppercase and lowercase), numbers, underscores and hyphens.',
    );
  }
  const existing = state.findCluster(name);
  if (existing?.status === 'ACTIVE') return existing;
  const capacityProviders = stringList(input, 'capacityProviders');
  for (const provider of capacityProviders) {
    if (!CAPACITY_PROVIDERS.has(provider)) {
      throw invalidParameter(`The specified capacity provider ${provider} does not exist.`);
    }
  }
  const cluster: ClusterRecord = {
    arn: state.clusterArn(name),
    name,
    status: 'ACTIVE',
    tags: parseTags(input),
    capacityProviders,
    defaultCapacityProviderStrategy: objectList(input, 'defaultCapacityProviderStrategy').map(
      (item) => ({
        capacityProvider: typeof item.capacityProvider === 'string' ? item.capacityProvider : '',
        weight: typeof item.weight === 'number' ? item.weight : 0,
        base: typeof item.base === 'number' ? item.base : 0,
      }),
    ),
    settings: objectList(input, 'settings').map((item) => ({
      name: String(item.name),
      value: String(item.value),
    })),
    createdAt: now,
  };
  if (cluster.settings.length === 0)
    cluster.settings.push({ name: 'containerInsights', value: 'disabled' });
  state.clusters.set(cluster.arn, cluster);
  return cluster;
}

/** The live cluster, or ClusterNotFoundException (an INACTIVE cluster counts as gone). */
export function requireCluster(state: RegionState, nameOrArn: string | undefined): ClusterRecord {
  const cluster = state.findCluster(nameOrArn);
  if (!cluster || cluster.status !== 'ACTIVE') throw clusterNotFound();
  return cluster;
}

const isActiveTask = (lastStatus: string) => lastStatus !== 'STOPPED' && lastStatus !== 'DELETED';
const STARTING = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

function describeCluster(state: RegionState, cluster: ClusterRecord, include: Set<string>) {
  const tasks =
    cluster.status === 'ACTIVE'
      ? state.tasksOf(cluster.arn).filter((t) => isActiveTask(t.lastStatus))
      : [];
  const services = state.servicesOf(cluster.arn).filter((service) => service.status === 'ACTIVE');
  const instances = state
    .instancesOf(cluster.arn)
    .filter((i) => i.status === 'ACTIVE' || i.status === 'DRAINING');
  const running = tasks.filter((task) => task.lastStatus === 'RUNNING');
  // pendingTasksCount: on the way to RUNNING (PROVISIONING, PENDING, ACTIVATING), not stopping.
  const pending = tasks.filter((task) => STARTING.has(task.lastStatus));
  const count = (list: typeof tasks, launchType: string) =>
    list.filter((t) => t.launchType === launchType).length;
  const serviceCount = (launchType: string, list = services) =>
    list.filter((service) => serviceLaunchType(service) === launchType).length;
  const draining = state.servicesOf(cluster.arn).filter((service) => service.status === 'DRAINING');

  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: cluster.status,
    registeredContainerInstancesCount: instances.length,
    runningTasksCount: running.length,
    pendingTasksCount: pending.length,
    activeServicesCount: services.length,
    capacityProviders: cluster.capacityProviders,
    defaultCapacityProviderStrategy: cluster.defaultCapacityProviderStrategy,
    ...(include.has('STATISTICS')
      ? {
          statistics: [
            { name: 'runningEC2TasksCount', value: String(count(running, 'EC2')) },
            { name: 'runningFargateTasksCount', value: String(count(running, 'FARGATE')) },
            { name: 'runningExternalTasksCount', value: String(count(running, 'EXTERNAL')) },
            { name: 'pendingEC2TasksCount', value: String(count(pending, 'EC2')) },
            { name: 'pendingFargateTasksCount', value: String(count(pending, 'FARGATE')) },
            { name: 'pendingExternalTasksCount', value: String(count(pending, 'EXTERNAL')) },
            { name: 'activeEC2ServiceCount', value: String(serviceCount('EC2')) },
            { name: 'activeFargateServiceCount', value: String(serviceCount('FARGATE')) },
            { name: 'drainingEC2ServiceCount', value: String(serviceCount('EC2', draining)) },
            {
              name: 'drainingFargateServiceCount',
              value: String(serviceCount('FARGATE', draining)),
            },
          ],
        }
      : {}),
    ...(include.has('TAGS') ? { tags: cluster.tags } : {}),
    ...(include.has('SETTINGS') ? { settings: cluster.settings } : {}),
    ...(include.has('ATTACHMENTS')
      ? { attachments: [], attachmentsStatus: 'UPDATE_COMPLETE' }
      : {}),
    ...(include.has('CONFIGURATIONS') ? { configuration: {} } : {}),
  };
}

const INCLUDE = new Set(['ATTACHMENTS', 'CONFIGURATIONS', 'SETTINGS', 'STATISTICS', 'TAGS']);

function parseInclude(input: Input, allowed: Set<string>): Set<string> {
  const include = stringList(input, 'include');
  for (const item of include) {
    if (!allowed.has(item)) throw invalidParameter(`Invalid include value ${item}.`);
  }
  return new Set(include);
}

export const clusterOperations: Record<string, Operation> = {
  CreateCluster(input, { state, clock }: OperationContext) {
    const cluster = createCluster(state, clock.now(), input);
    return { cluster: describeCluster(state, cluster, new Set(['TAGS', 'SETTINGS'])) };
  },

  DeleteCluster(input, { state }) {
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    if (state.instancesOf(cluster.arn).some((i) => i.status !== 'INACTIVE')) {
      throw new AwsError(
        'ClusterContainsContainerInstancesException',
        'The Cluster cannot be deleted while Container Instances are active or draining.',
      );
    }
    if (state.servicesOf(cluster.arn).some((s) => s.status !== 'INACTIVE')) {
      throw new AwsError(
        'ClusterContainsServicesException',
        'The Cluster cannot be deleted while Services are active.',
      );
    }
    if (state.tasksOf(cluster.arn).some((t) => isActiveTask(t.lastStatus))) {
      throw new AwsError(
        'ClusterContainsTasksException',
        'The Cluster cannot be deleted while Tasks are active.',
      );
    }
    cluster.status = 'INACTIVE';
    return { cluster: describeCluster(state, cluster, new Set()) };
  },

  ListClusters(input, { state }) {
    const arns = [...state.clusters.values()]
      .filter((cluster) => cluster.status === 'ACTIVE')
      .map((cluster) => cluster.arn)
      .sort();
    const page = paginate(arns, (arn) => arn, input.maxResults, input.nextToken, {
      defaultSize: 100,
      maxSize: 100,
    });
    return { clusterArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },

  DescribeClusters(input, { state }) {
    const names = stringList(input, 'clusters');
    if (names.length > 100) throw invalidParameter('The maximum number of clusters is 100.');
    const include = parseInclude(input, INCLUDE);
    const clusters = [];
    const failures = [];
    for (const name of names.length > 0 ? names : ['default']) {
      const cluster = state.findCluster(name);
      if (cluster) clusters.push(describeCluster(state, cluster, include));
      else
        failures.push({
          arn: name.startsWith('arn:') ? name : state.clusterArn(name),
          reason: 'MISSING',
        });
    }
    return { clusters, failures };
  },
};

export { parseInclude };
