import {
  AwsError,
  clientException,
  invalidParameter,
  serializationError,
} from '../../protocol/errors.js';
import { objectList, stringList, type Input } from '../../protocol/input.js';
import { compileExpression, ExpressionError } from '../../engine/constraints.js';
import type {
  AwsVpcConfiguration,
  CapacityProviderItem,
  ClusterRecord,
  DeploymentConfiguration,
  LaunchType,
  LoadBalancerRef,
  PlacementConstraint,
  PlacementStrategy,
  TaskDefinitionRecord,
} from '../../engine/model.js';
import type { RegionState } from '../../engine/region-state.js';
import type { TaskSpec } from '../../engine/task-spec.js';
import { resolveTaskDefinition } from './task-definitions.js';

// Nested structures of CreateService, UpdateService and RunTask, checked as ECS checks them.

export const conflict = (message: string) => new AwsError('ConflictException', message);

export function optionalObject(input: Input, field: string): Input | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw serializationError(`Expected a structure for ${field}`);
  return value as Input;
}

const LAUNCH_TYPES = new Set(['EC2', 'FARGATE', 'EXTERNAL']);

export function parseLaunchType(input: Input): LaunchType | undefined {
  const value = input.launchType;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !LAUNCH_TYPES.has(value))
    throw invalidParameter(`Invalid launch type ${JSON.stringify(value)}.`);
  return value as LaunchType;
}

/** A task definition by family, family:revision or ARN, as CreateService and RunTask take it. */
export function requireTaskDefinition(state: RegionState, reference: string): TaskDefinitionRecord {
  const record = resolveTaskDefinition(state, reference);
  if (!record) throw clientException('TaskDefinition not found.');
  if (record.status !== 'ACTIVE') throw clientException('TaskDefinition is inactive');
  return record;
}

/**
 * launchType or capacityProviderStrategy (never both); with neither, the cluster's default
 * strategy, or EC2 when it has none.
 */
export function resolveLaunch(
  input: Input,
  cluster: ClusterRecord,
): { launchType?: LaunchType; capacityProviderStrategy: CapacityProviderItem[] } {
  const launchType = parseLaunchType(input);
  const strategy = objectList(input, 'capacityProviderStrategy').map((item) => ({
    capacityProvider: typeof item.capacityProvider === 'string' ? item.capacityProvider : '',
    weight: typeof item.weight === 'number' ? item.weight : 0,
    base: typeof item.base === 'number' ? item.base : 0,
  }));
  if (launchType && strategy.length > 0) {
    throw invalidParameter(
      'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    );
  }
  if (launchType) return { launchType, capacityProviderStrategy: [] };
  const chosen = strategy.length > 0 ? strategy : cluster.defaultCapacityProviderStrategy;
  if (chosen.length === 0) return { launchType: 'EC2', capacityProviderStrategy: [] };
  for (const item of chosen) {
    if (!cluster.capacityProviders.includes(item.capacityProvider)) {
      throw invalidParameter(
        'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
      );
    }
    if (item.weight < 0 || item.weight > 1000 || item.base < 0 || item.base > 100000)
      throw invalidParameter('Capacity provider weight must be 0-1000 and base 0-100000.');
  }
  if (chosen.filter((item) => item.base > 0).length > 1)
    throw invalidParameter('Only one capacity provider in a strategy can have a base defined.');
  return { capacityProviderStrategy: chosen };
}

/** The checks ECS makes between a task definition, the launch type and the network configuration. */
export function checkCompatibility(
  spec: TaskSpec,
  launchType: LaunchType,
  network: AwsVpcConfiguration | undefined,
): void {
  if (launchType === 'FARGATE') {
    if (spec.networkMode !== 'awsvpc')
      throw invalidParameter('Fargate only supports network mode ‘awsvpc’.');
    if (!spec.requiresCompatibilities.includes('FARGATE'))
      throw invalidParameter('Task definition does not support launch_type FARGATE.');
  }
  if (spec.networkMode === 'awsvpc' && !network) {
    throw invalidParameter(
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    );
  }
  if (spec.networkMode !== 'awsvpc' && network) {
    throw invalidParameter(
      'Network Configuration is not valid for the given networkMode of this task definition.',
    );
  }
}

export function parseNetworkConfiguration(input: Input): AwsVpcConfiguration | undefined {
  const network = optionalObject(input, 'networkConfiguration');
  const awsvpc = network ? optionalObject(network, 'awsvpcConfiguration') : undefined;
  if (!awsvpc) return undefined;
  const subnets = stringList(awsvpc, 'subnets');
  if (subnets.length === 0) throw invalidParameter('subnets can not be empty.');
  if (subnets.length > 16) throw invalidParameter('subnets can have at most 16 items.');
  const securityGroups = stringList(awsvpc, 'securityGroups');
  if (securityGroups.length > 5) throw invalidParameter('securityGroups can have at most 5 items.');
  const assignPublicIp = awsvpc.assignPublicIp ?? 'DISABLED';
  if (assignPublicIp !== 'ENABLED' && assignPublicIp !== 'DISABLED')
    throw invalidParameter('assignPublicIp must be ENABLED or DISABLED.');
  return { subnets, securityGroups, assignPublicIp };
}

export function parseLoadBalancers(input: Input, spec: TaskSpec): LoadBalancerRef[] {
  const loadBalancers = objectList(input, 'loadBalancers');
  if (loadBalancers.length > 5)
    throw invalidParameter('A service can have at most 5 target groups.');
  return loadBalancers.map((lb) => {
    const { targetGroupArn, loadBalancerName, containerName, containerPort } = lb;
    if (typeof containerName !== 'string' || typeof containerPort !== 'number')
      throw invalidParameter('containerName and containerPort are required for a load balancer.');
    if (typeof targetGroupArn === 'string') {
      if (!targetGroupArn.startsWith('arn:aws:elasticloadbalancing:'))
        throw invalidParameter(`Target group ARN ${targetGroupArn} is not valid.`);
    } else if (typeof loadBalancerName !== 'string') {
      throw invalidParameter('Either targetGroupArn or loadBalancerName must be specified.');
    }
    const container = spec.containers.find((c) => c.name === containerName);
    if (!container)
      throw invalidParameter(
        `The container ${containerName} does not exist in the task definition.`,
      );
    if (!container.portMappings.some((m) => m.containerPort === containerPort)) {
      throw invalidParameter(
        `The container ${containerName} did not have a container port ${containerPort} defined.`,
      );
    }
    return {
      ...(typeof targetGroupArn === 'string' ? { targetGroupArn } : {}),
      ...(typeof loadBalancerName === 'string' ? { loadBalancerName } : {}),
      containerName,
      containerPort,
    };
  });
}

/** Defaults: REPLICA 100/200, DAEMON 0/100, circuit breaker off. */
export function defaultDeploymentConfiguration(daemon: boolean): DeploymentConfiguration {
  return {
    maximumPercent: daemon ? 100 : 200,
    minimumHealthyPercent: daemon ? 0 : 100,
    deploymentCircuitBreaker: { enable: false, rollback: false },
  };
}

export function parseDeploymentConfiguration(
  input: Input,
  base: DeploymentConfiguration,
): DeploymentConfiguration {
  const raw = optionalObject(input, 'deploymentConfiguration');
  if (!raw) return base;
  const integer = (field: string, fallback: number) => {
    const value = raw[field];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw serializationError(`Expected an integer for ${field}`);
    return value;
  };
  const maximumPercent = integer('maximumPercent', base.maximumPercent);
  const minimumHealthyPercent = integer('minimumHealthyPercent', base.minimumHealthyPercent);
  if (minimumHealthyPercent < 0 || minimumHealthyPercent > 100)
    throw invalidParameter('minimumHealthyPercent must be between 0 and 100.');
  if (maximumPercent < 100 || maximumPercent > 2000)
    throw invalidParameter('maximumPercent must be between 100 and 2000.');
  const breaker = optionalObject(raw, 'deploymentCircuitBreaker');
  if (breaker && (typeof breaker.enable !== 'boolean' || typeof breaker.rollback !== 'boolean'))
    throw invalidParameter('deploymentCircuitBreaker needs enable and rollback.');
  return {
    maximumPercent,
    minimumHealthyPercent,
    deploymentCircuitBreaker: breaker
      ? { enable: breaker.enable === true, rollback: breaker.rollback === true }
      : base.deploymentCircuitBreaker,
  };
}

const SPREAD_FIELDS = /^(instanceId|host|attribute:[A-Za-z0-9_.:-]+)$/;

export function parsePlacementStrategy(input: Input): PlacementStrategy[] {
  const items = objectList(input, 'placementStrategy');
  if (items.length > 5) throw invalidParameter('A maximum of 5 placement strategies is allowed.');
  return items.map(({ type, field }) => {
    if (type === 'random') return { type };
    if (type === 'binpack') {
      if (field !== 'cpu' && field !== 'memory')
        throw invalidParameter('binpack placement strategy field must be cpu or memory.');
      return { type, field };
    }
    if (type === 'spread') {
      if (typeof field !== 'string' || !SPREAD_FIELDS.test(field))
        throw invalidParameter(
          'spread placement strategy needs a field (instanceId or attribute:…).',
        );
      return { type, field };
    }
    throw invalidParameter(`Invalid placement strategy type ${String(type)}.`);
  });
}

export function parsePlacementConstraints(input: Input): PlacementConstraint[] {
  const items = objectList(input, 'placementConstraints');
  if (items.length > 10)
    throw invalidParameter('A maximum of 10 placement constraints is allowed.');
  return items.map(({ type, expression }) => {
    if (type === 'distinctInstance') {
      if (expression !== undefined && expression !== null)
        throw invalidParameter(
          'distinctInstance placement constraint does not take an expression.',
        );
      return { type };
    }
    if (type === 'memberOf') {
      if (typeof expression !== 'string')
        throw invalidParameter('memberOf placement constraint needs an expression.');
      try {
        compileExpression(expression);
      } catch (error) {
        if (error instanceof ExpressionError)
          throw invalidParameter(`Invalid memberOf expression: ${expression}`);
        throw error;
      }
      return { type, expression };
    }
    throw invalidParameter(`Invalid placement constraint type ${String(type)}.`);
  });
}

/** A stable fingerprint of a request, for clientToken idempotency (key order does not matter). */
export function fingerprint(input: Input): string {
  const { clientToken: _token, ...rest } = input;
  return JSON.stringify(sortKeys(rest));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, sortKeys(item)]),
    );
  return value;
}

/** The clientToken rules: up to `max` ASCII characters 33–126. */
export function parseClientToken(input: Input, max: number): string | undefined {
  const token = input.clientToken;
  if (token === undefined || token === null) return undefined;
  if (typeof token !== 'string') throw serializationError('Expected a string for clientToken');
  if (token.length === 0 || token.length > max || !/^[\x21-\x7e]+$/.test(token))
    throw invalidParameter(`clientToken must be 1 to ${max} ASCII characters (33-126).`);
  return token;
}
