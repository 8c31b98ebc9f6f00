import type { FleetContext } from './fleet-state.js';
import { hostStates } from './hosts.js';
import { beginLifecycle, onRunning } from './lifecycle.js';
import type {
  CapacityProviderItem,
  PlacementConstraint,
  PlacementStrategy,
  TaskRecord,
} from './model.js';
import { placeTask, reserve, type HostState, type Shortfall } from './placement.js';
import { createTaskRecord, type TaskTemplate } from './task-factory.js';

export interface LaunchOptions {
  strategies: readonly PlacementStrategy[];
  constraints: readonly PlacementConstraint[];
  /** FARGATE / FARGATE_SPOT split (base, then weight); empty means plain FARGATE. */
  capacityProviderStrategy: readonly CapacityProviderItem[];
  /** StartTask and DAEMON services: only these container instances. */
  only?: ReadonlySet<string>;
  /** Scenarios: hosts already computed for this cluster and group, kept up to date across calls. */
  hosts?: HostState[];
  /** Scenarios: create the tasks already RUNNING and healthy, started this long ago. */
  runningFor?: number;
}

export interface LaunchResult {
  tasks: TaskRecord[];
  /** RunTask `failures` for the first task that could not be placed. */
  failures: { arn: string; reason: string }[];
  closest?: { instanceId: string; shortfall: Shortfall };
  /** EC2: the cluster has no container instance that takes tasks. */
  noInstances: boolean;
}

/**
 * Places and starts up to `count` tasks of one template. EC2 tasks go to container instances
 * by CPU, memory, ports, constraints and strategies; Fargate tasks get an ENI in the subnet of
 * the least-used zone. Stops at the first task that cannot be placed.
 */
export function launchTasks(
  context: FleetContext,
  template: TaskTemplate,
  count: number,
  options: LaunchOptions,
): LaunchResult {
  const result: LaunchResult = { tasks: [], failures: [], noInstances: false };
  if (template.launchType === 'FARGATE') {
    for (let i = 0; i < count; i += 1) result.tasks.push(launchFargate(context, template, options));
    return result;
  }
  const { state } = context;
  const hosts =
    options.hosts ?? hostStates(state, template.cluster.arn, template.group, options.only);
  if (hosts.length === 0) {
    result.noInstances = true;
    return result;
  }
  const placement = { ...options, random: context.random };
  for (let i = 0; i < count; i += 1) {
    const placed = placeTask(hosts, template.needs, placement);
    if (!placed.ok) {
      result.failures = placed.failures;
      if (placed.closest)
        result.closest = {
          instanceId: placed.closest.host.id,
          shortfall: placed.closest.shortfall,
        };
      break;
    }
    reserve(placed.host, template.needs, placed.bindings);
    const instance = state.containerInstances.get(placed.host.arn);
    const subnets = template.networkConfiguration?.subnets ?? [];
    const subnetId =
      subnets.find(
        (id) => state.fleet.subnets.info(id).availabilityZone === placed.host.availabilityZone,
      ) ?? subnets[0];
    const task = createTaskRecord(context, template, {
      ...(instance ? { instance } : {}),
      availabilityZone: placed.host.availabilityZone,
      bindings: placed.bindings,
      ...(subnetId ? { subnetId } : {}),
    });
    start(context, task, options);
    result.tasks.push(task);
  }
  return result;
}

function launchFargate(context: FleetContext, template: TaskTemplate, options: LaunchOptions) {
  const { state } = context;
  const siblings = [
    ...(template.serviceArn
      ? state.tasksOfService(template.serviceArn)
      : state.tasksOf(template.cluster.arn)),
  ].filter((t) => t.group === template.group && t.desiredStatus === 'RUNNING');
  // Fargate spreads a group's tasks over the zones of the subnets it was given.
  const subnets = template.networkConfiguration?.subnets ?? [];
  const perZone = new Map<string, number>();
  for (const task of siblings)
    if (task.availabilityZone)
      perZone.set(task.availabilityZone, (perZone.get(task.availabilityZone) ?? 0) + 1);
  let subnetId = subnets[0];
  let fewest = Infinity;
  for (const id of subnets) {
    const zone = state.fleet.subnets.info(id).availabilityZone;
    const used = perZone.get(zone) ?? 0;
    if (used < fewest) {
      fewest = used;
      subnetId = id;
    }
  }
  const capacityProviderName = pickCapacityProvider(options.capacityProviderStrategy, siblings);
  const task = createTaskRecord(context, template, {
    availabilityZone: subnetId ? state.fleet.subnets.info(subnetId).availabilityZone : '',
    bindings: [],
    ...(subnetId ? { subnetId } : {}),
    ...(capacityProviderName ? { capacityProviderName } : {}),
  });
  start(context, task, options);
  return task;
}

/** A capacity provider strategy: each provider's base first, then tasks in proportion to weight. */
export function pickCapacityProvider(
  strategy: readonly CapacityProviderItem[],
  tasks: readonly TaskRecord[],
): string | undefined {
  if (strategy.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const task of tasks)
    if (task.capacityProviderName)
      counts.set(task.capacityProviderName, (counts.get(task.capacityProviderName) ?? 0) + 1);
  for (const item of strategy)
    if ((counts.get(item.capacityProvider) ?? 0) < item.base) return item.capacityProvider;
  let best: CapacityProviderItem | undefined;
  let bestRatio = Infinity;
  for (const item of strategy) {
    if (item.weight <= 0) continue;
    // The provider whose share beyond its base, with one more task, stays lowest for its weight.
    const beyondBase = Math.max(0, (counts.get(item.capacityProvider) ?? 0) - item.base);
    const ratio = (beyondBase + 1) / item.weight;
    if (ratio < bestRatio) {
      bestRatio = ratio;
      best = item;
    }
  }
  return (best ?? strategy[0])?.capacityProvider;
}

function start(context: FleetContext, task: TaskRecord, options: LaunchOptions): void {
  context.state.addTask(task);
  if (options.runningFor === undefined) {
    beginLifecycle(context, task);
    return;
  }
  // Scenarios: a fleet that has been up for a while, so the console has something to show at once.
  const { random } = context;
  const created = context.now - options.runningFor;
  task.createdAt = created;
  task.connectivityAt = created + random.int(500, 2_000);
  task.pullStartedAt = task.connectivityAt;
  task.pullStoppedAt = task.pullStartedAt + random.int(2_000, 9_000);
  task.startedAt = task.pullStoppedAt + random.int(1_000, 4_000);
  task.lastStatus = 'RUNNING';
  for (const eni of task.attachments) eni.status = 'ATTACHED';
  for (const container of task.containers) {
    container.lastStatus = 'RUNNING';
    container.runtimeId =
      task.launchType === 'FARGATE'
        ? `${task.id}-${random.int(1_000_000_000, 4_000_000_000)}`
        : random.hex(64);
  }
  onRunning(context, task, true);
}
