import { invalidParameter, serviceNotActive, serviceNotFound } from '../../protocol/errors.js';
import {
  optionalBoolean,
  optionalInteger,
  optionalString,
  requiredString,
  stringList,
  type Input,
} from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import { startDeployment } from '../../engine/deployments.js';
import type { FleetContext } from '../../engine/fleet-state.js';
import type { ServiceRecord } from '../../engine/model.js';
import { paginate } from '../../engine/paginate.js';
import { serviceLaunchType } from '../../engine/service-template.js';
import { readTaskSpec } from '../../engine/task-spec.js';
import { SCHEDULER_DELAY_MS, wakeService } from '../../engine/wake.js';
import { parseInclude, requireCluster } from './clusters.js';
import {
  checkCompatibility,
  conflict,
  defaultDeploymentConfiguration,
  fingerprint,
  parseClientToken,
  parseDeploymentConfiguration,
  parseLaunchType,
  parseLoadBalancers,
  parseNetworkConfiguration,
  parsePlacementConstraints,
  parsePlacementStrategy,
  requireTaskDefinition,
  resolveLaunch,
} from './service-input.js';
import { requireService, SERVICE_NAME, serviceArnOf } from './service-lookup.js';
import { describeService } from './service-view.js';
import { fleetContext } from './with-fleet.js';
import { parseTags } from './tags.js';

const PROPAGATE = new Set(['TASK_DEFINITION', 'SERVICE', 'NONE']);

function parsePropagateTags(input: Input): ServiceRecord['propagateTags'] | undefined {
  const value = optionalString(input, 'propagateTags');
  if (value !== undefined && !PROPAGATE.has(value))
    throw invalidParameter(`Invalid propagateTags ${value}.`);
  return value as ServiceRecord['propagateTags'] | undefined;
}

function checkDesiredCount(value: number | undefined, daemon: boolean) {
  if (value === undefined) return;
  if (daemon)
    throw invalidParameter(
      'The daemon scheduling strategy does not support a desired count for services.',
    );
  if (value < 0) throw invalidParameter('desiredCount must be 0 or more.');
}

/** CreateService: validates as ECS does, stores the service and starts its first deployment. */
export function createService(context: FleetContext, input: Input): ServiceRecord {
  const { state, now } = context;
  const cluster = requireCluster(state, optionalString(input, 'cluster'));
  const name = requiredString(input, 'serviceName');
  if (!SERVICE_NAME.test(name))
    throw invalidParameter(
      'Service name must be 1-255 characters: letters (uppercase and lowercase), numbers, underscores and hyphens.',
    );
  const token = parseClientToken(input, 36);
  const print = token ? fingerprint(input) : '';
  if (token) {
    const previous = [...state.services.values()].find((s) => s.clientToken === token);
    if (previous?.requestFingerprint === print) return previous;
    if (previous)
      throw conflict(
        'The request uses the same client token as a previous, but non-identical request. Do not reuse a client token with different requests, unless the requests are identical.',
      );
  }
  const arn = serviceArnOf(state, cluster, name);
  const existing = state.services.get(arn);
  if (existing && existing.status !== 'INACTIVE')
    throw invalidParameter('Creation of service was not idempotent.');

  const scheduling = optionalString(input, 'schedulingStrategy') ?? 'REPLICA';
  if (scheduling !== 'REPLICA' && scheduling !== 'DAEMON')
    throw invalidParameter(`Invalid schedulingStrategy ${scheduling}.`);
  const daemon = scheduling === 'DAEMON';
  const controller = input.deploymentController as { type?: unknown } | undefined;
  if (controller && controller.type !== 'ECS')
    throw invalidParameter('The simulator supports only the ECS deployment controller.');
  const taskDefinition = requireTaskDefinition(state, requiredString(input, 'taskDefinition'));
  const spec = readTaskSpec(taskDefinition.definition);
  const launch = resolveLaunch(input, cluster);
  const launchType = serviceLaunchType(launch);
  const networkConfiguration = parseNetworkConfiguration(input);
  checkCompatibility(spec, launchType, networkConfiguration);
  const desiredCount = optionalInteger(input, 'desiredCount');
  checkDesiredCount(desiredCount, daemon);
  if (!daemon && desiredCount === undefined)
    throw invalidParameter('desiredCount is required for the REPLICA scheduling strategy.');
  if (daemon && launchType === 'FARGATE')
    throw invalidParameter('The DAEMON scheduling strategy is not supported with FARGATE.');
  const placementStrategy = parsePlacementStrategy(input);
  const placementConstraints = parsePlacementConstraints(input);
  if (launchType === 'FARGATE' && placementStrategy.length + placementConstraints.length > 0)
    throw invalidParameter('Placement strategies and constraints are not supported with FARGATE.');
  if (daemon && placementStrategy.length > 0)
    throw invalidParameter(
      'Placement strategies are not supported with the DAEMON scheduling strategy.',
    );
  const loadBalancers = parseLoadBalancers(input, spec);
  const grace = optionalInteger(input, 'healthCheckGracePeriodSeconds');
  if (grace !== undefined && loadBalancers.length === 0)
    throw invalidParameter(
      'Health check grace period is only valid for services configured to use load balancers',
    );
  const service: ServiceRecord = {
    arn,
    name,
    clusterArn: cluster.arn,
    status: 'ACTIVE',
    desiredCount: desiredCount ?? 0,
    ...(launch.launchType ? { launchType: launch.launchType } : {}),
    capacityProviderStrategy: launch.capacityProviderStrategy,
    ...(launchType === 'FARGATE' ? { platformVersion: 'LATEST' } : {}),
    taskDefinitionArn: taskDefinition.arn,
    schedulingStrategy: daemon ? 'DAEMON' : 'REPLICA',
    loadBalancers,
    ...(networkConfiguration ? { networkConfiguration } : {}),
    deploymentConfiguration: parseDeploymentConfiguration(
      input,
      defaultDeploymentConfiguration(daemon),
    ),
    placementStrategy,
    placementConstraints,
    ...(loadBalancers.length > 0 ? { healthCheckGracePeriodSeconds: grace ?? 0 } : {}),
    ...(loadBalancers.length > 0
      ? {
          roleArn: `arn:aws:iam::${state.accountId}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
        }
      : {}),
    propagateTags: parsePropagateTags(input) ?? 'NONE',
    enableECSManagedTags: optionalBoolean(input, 'enableECSManagedTags') ?? false,
    enableExecuteCommand: optionalBoolean(input, 'enableExecuteCommand') ?? false,
    availabilityZoneRebalancing:
      optionalString(input, 'availabilityZoneRebalancing') === 'DISABLED' ? 'DISABLED' : 'ENABLED',
    createdBy: `arn:aws:iam::${state.accountId}:root`,
    tags: parseTags(input),
    createdAt: now,
    deployments: [],
    serviceDeployments: [],
    events: [],
    ...(token ? { clientToken: token, requestFingerprint: print } : {}),
  };
  state.services.set(arn, service);
  startDeployment(context, service, taskDefinition.arn);
  return service;
}

/** UpdateService: scaling changes the PRIMARY deployment; a new revision or a force starts one. */
export function updateService(context: FleetContext, input: Input): ServiceRecord {
  const { state, now } = context;
  const cluster = requireCluster(state, optionalString(input, 'cluster'));
  const service = requireService(state, cluster, requiredString(input, 'service'));
  if (service.status !== 'ACTIVE') throw serviceNotActive();
  const daemon = service.schedulingStrategy === 'DAEMON';
  const desiredCount = optionalInteger(input, 'desiredCount');
  checkDesiredCount(desiredCount, daemon);
  const force = optionalBoolean(input, 'forceNewDeployment') === true;
  let redeploy = force;
  let taskDefinitionArn = service.taskDefinitionArn;
  const reference = optionalString(input, 'taskDefinition');
  if (reference !== undefined) {
    const taskDefinition = requireTaskDefinition(state, reference);
    if (taskDefinition.arn !== service.taskDefinitionArn) redeploy = true;
    taskDefinitionArn = taskDefinition.arn;
  }
  const definition = state.taskDefinitions.get(taskDefinitionArn)?.definition ?? {};
  const spec = readTaskSpec(definition);
  const networkConfiguration =
    input.networkConfiguration !== undefined
      ? parseNetworkConfiguration(input)
      : service.networkConfiguration;
  // A new capacity provider strategy takes effect through a new deployment; moving off a launch
  // type needs forceNewDeployment, as in ECS.
  const strategy =
    input.capacityProviderStrategy !== undefined
      ? resolveLaunch({ capacityProviderStrategy: input.capacityProviderStrategy }, cluster)
          .capacityProviderStrategy
      : [];
  if (strategy.length > 0 && service.launchType && !force)
    throw invalidParameter(
      'Updating a service from a launch type to a capacity provider strategy requires forceNewDeployment.',
    );
  const launchType =
    strategy.length > 0
      ? serviceLaunchType({ capacityProviderStrategy: strategy })
      : serviceLaunchType(service);
  checkCompatibility(spec, launchType, networkConfiguration);
  const loadBalancers =
    input.loadBalancers !== undefined ? parseLoadBalancers(input, spec) : service.loadBalancers;
  if (input.loadBalancers !== undefined || input.networkConfiguration !== undefined)
    redeploy = true;

  if (desiredCount !== undefined) service.desiredCount = desiredCount;
  service.deploymentConfiguration = parseDeploymentConfiguration(
    input,
    service.deploymentConfiguration,
  );
  if (input.placementStrategy !== undefined)
    service.placementStrategy = parsePlacementStrategy(input);
  if (input.placementConstraints !== undefined)
    service.placementConstraints = parsePlacementConstraints(input);
  service.loadBalancers = loadBalancers;
  if (networkConfiguration) service.networkConfiguration = networkConfiguration;
  const grace = optionalInteger(input, 'healthCheckGracePeriodSeconds');
  if (grace !== undefined) service.healthCheckGracePeriodSeconds = grace;
  const execute = optionalBoolean(input, 'enableExecuteCommand');
  if (execute !== undefined) service.enableExecuteCommand = execute;
  const managed = optionalBoolean(input, 'enableECSManagedTags');
  if (managed !== undefined) service.enableECSManagedTags = managed;
  service.propagateTags = parsePropagateTags(input) ?? service.propagateTags;
  if (strategy.length > 0) {
    service.capacityProviderStrategy = strategy;
    delete service.launchType;
    redeploy = true;
  }

  if (redeploy) startDeployment(context, service, taskDefinitionArn);
  else {
    const primary = service.deployments[0];
    if (primary) {
      primary.desiredCount = service.desiredCount;
      primary.updatedAt = now;
    }
    wakeService(state, service, now + SCHEDULER_DELAY_MS);
  }
  return service;
}

export const serviceOperations: Record<string, Operation> = {
  CreateService(input, context) {
    const service = createService(fleetContext(context), input);
    return { service: describeService(context.state, service, true) };
  },

  UpdateService(input, context) {
    const service = updateService(fleetContext(context), input);
    return { service: describeService(context.state, service, false) };
  },

  DeleteService(input, context) {
    const { state } = context;
    const { now } = fleetContext(context);
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    const service = requireService(state, cluster, requiredString(input, 'service'));
    if (service.status === 'INACTIVE') throw serviceNotFound();
    const force = optionalBoolean(input, 'force') === true;
    if (service.schedulingStrategy === 'REPLICA' && service.desiredCount > 0 && !force)
      throw invalidParameter('The service cannot be stopped while it is scaled above 0.');
    service.status = 'DRAINING';
    service.desiredCount = 0;
    for (const deployment of service.deployments) deployment.desiredCount = 0;
    wakeService(state, service, now + SCHEDULER_DELAY_MS);
    return { service: describeService(state, service, false) };
  },

  ListServices(input, { state }) {
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    const launchType = parseLaunchType(input);
    const scheduling = optionalString(input, 'schedulingStrategy');
    if (scheduling !== undefined && scheduling !== 'REPLICA' && scheduling !== 'DAEMON')
      throw invalidParameter(`Invalid schedulingStrategy ${scheduling}.`);
    // DRAINING services (being deleted) are no longer listed.
    const arns = state
      .servicesOf(cluster.arn)
      .filter(
        (service) =>
          service.status === 'ACTIVE' &&
          (!launchType || serviceLaunchType(service) === launchType) &&
          (!scheduling || service.schedulingStrategy === scheduling),
      )
      .map((service) => service.arn)
      .sort();
    const page = paginate(arns, (arn) => arn, input.maxResults, input.nextToken, {
      defaultSize: 10,
      maxSize: 100,
    });
    return { serviceArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },

  DescribeServices(input, { state }) {
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    const names = stringList(input, 'services');
    if (names.length === 0) throw invalidParameter('Services cannot be empty.');
    if (names.length > 10) throw invalidParameter('Services cannot contain more than 10 items.');
    const include = parseInclude(input, new Set(['TAGS']));
    const services = [];
    const failures = [];
    for (const name of names) {
      const arn = serviceArnOf(state, cluster, name);
      const service = state.services.get(arn);
      if (service) services.push(describeService(state, service, include.has('TAGS')));
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { services, failures };
  },
};
