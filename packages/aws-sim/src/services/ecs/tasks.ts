import { invalidParameter } from '../../protocol/errors.js';
import {
  optionalInteger,
  optionalString,
  requiredString,
  stringList,
} from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import { launchTasks } from '../../engine/launch.js';
import { requestStop } from '../../engine/lifecycle.js';
import type { PlacementStrategy, TaskRecord } from '../../engine/model.js';
import { serviceLaunchType } from '../../engine/service-template.js';
import { requireCluster } from './clusters.js';
import { findInstance } from './container-instances.js';
import {
  conflict,
  fingerprint,
  parseClientToken,
  parseNetworkConfiguration,
  parsePlacementConstraints,
  parsePlacementStrategy,
  requireTaskDefinition,
  resolveLaunch,
} from './service-input.js';
import { findTask } from './task-lookup.js';
import { standaloneTemplate } from './task-input.js';
import { describeTask } from './task-view.js';
import { fleetContext } from './with-fleet.js';

/** Without a strategy the simulator spreads over zones, then instances (the console's default). */
const DEFAULT_STRATEGY: PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

const describeAll = (tasks: TaskRecord[]) => tasks.map((task) => describeTask(task, false));

export const taskOperations: Record<string, Operation> = {
  RunTask(input, operationContext) {
    const context = fleetContext(operationContext);
    const { state } = context;
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    const count = optionalInteger(input, 'count') ?? 1;
    if (count < 1 || count > 10) throw invalidParameter('count must be between 1 and 10.');
    const token = parseClientToken(input, 64);
    const print = fingerprint(input);
    const previous = token ? state.fleet.runTaskTokens.get(token) : undefined;
    if (previous && previous.fingerprint !== print)
      throw conflict(
        'The request uses the same client token as a previous, but non-identical request. Do not reuse a client token with different requests, unless the requests are identical.',
      );
    if (previous) {
      const tasks = previous.taskArns.flatMap((arn) => state.tasks.get(arn) ?? []);
      return { tasks: describeAll(tasks), failures: [] };
    }
    const taskDefinition = requireTaskDefinition(state, requiredString(input, 'taskDefinition'));
    const launch = resolveLaunch(input, cluster);
    const launchType = serviceLaunchType(launch);
    const template = standaloneTemplate(
      context,
      cluster,
      taskDefinition,
      input,
      launchType,
      parseNetworkConfiguration(input),
    );
    const strategies = parsePlacementStrategy(input);
    const constraints = parsePlacementConstraints(input);
    if (launchType === 'FARGATE' && strategies.length + constraints.length > 0)
      throw invalidParameter(
        'Placement strategies and constraints are not supported with FARGATE.',
      );
    const result = launchTasks(context, template, count, {
      strategies: strategies.length > 0 ? strategies : DEFAULT_STRATEGY,
      constraints,
      capacityProviderStrategy: launch.capacityProviderStrategy,
    });
    if (result.noInstances)
      throw invalidParameter('No Container Instances were found in your cluster.');
    if (token)
      state.fleet.runTaskTokens.set(token, {
        fingerprint: print,
        taskArns: result.tasks.map((task) => task.arn),
      });
    return { tasks: describeAll(result.tasks), failures: result.failures };
  },

  StartTask(input, operationContext) {
    const context = fleetContext(operationContext);
    const { state } = context;
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    const references = stringList(input, 'containerInstances');
    if (references.length === 0) throw invalidParameter('Container instances cannot be empty.');
    if (references.length > 10)
      throw invalidParameter('Container instances cannot contain more than 10 items.');
    const taskDefinition = requireTaskDefinition(state, requiredString(input, 'taskDefinition'));
    const template = standaloneTemplate(
      context,
      cluster,
      taskDefinition,
      input,
      'EC2',
      parseNetworkConfiguration(input),
    );
    const tasks: TaskRecord[] = [];
    const failures: { arn: string; reason: string }[] = [];
    for (const reference of references) {
      const instance = findInstance(state, cluster, reference);
      if (!instance) {
        failures.push({ arn: reference, reason: 'MISSING' });
        continue;
      }
      // DRAINING instances take no new tasks; ECS has no closer failure reason for them.
      if (instance.status !== 'ACTIVE') {
        failures.push({ arn: instance.arn, reason: 'INACTIVE' });
        continue;
      }
      const result = launchTasks(context, template, 1, {
        strategies: [],
        constraints: [],
        capacityProviderStrategy: [],
        only: new Set([instance.arn]),
      });
      tasks.push(...result.tasks);
      failures.push(...result.failures);
    }
    return { tasks: describeAll(tasks), failures };
  },

  StopTask(input, operationContext) {
    const context = fleetContext(operationContext);
    const { state } = context;
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    const task = findTask(state, cluster, requiredString(input, 'task'));
    if (!task) throw invalidParameter('The referenced task was not found.');
    const reason = optionalString(input, 'reason');
    if (reason !== undefined && reason.length > 1024)
      throw invalidParameter('reason must be at most 1024 characters.');
    requestStop(context, task, 'UserInitiated', reason || 'Task stopped by user');
    return { task: describeTask(task, false) };
  },
};
