import type { FleetContext } from '../engine/fleet-state.js';
import { launchTasks } from '../engine/launch.js';
import type { ServiceRecord, TaskRecord } from '../engine/model.js';
import type { HostState } from '../engine/placement.js';
import { ZONE_BALANCED } from '../engine/reconcile.js';
import { addServiceEvent, serviceMessages } from '../engine/service-events.js';
import { serviceTemplate } from '../engine/service-template.js';
import type { Input } from '../protocol/input.js';
import { createService } from '../services/ecs/services.js';

export interface SeedOptions {
  /** How long ago the service was created (its first events carry that time). */
  age: number;
  /** How many tasks to place RUNNING at once (DAEMON: one per instance, whatever this says). */
  running: number;
  /** How long those tasks have been running. */
  runningFor: number;
  /** Placement state shared across the services of a cluster (large scenario, for speed). */
  hosts?: HostState[];
}

/**
 * Creates a service as CreateService would, backdated by `age`, and places its tasks directly
 * RUNNING so that the scenario is populated the moment it loads. The scheduler's first look
 * (due at creation + 1 s, so handled on the first tick) finds it steady, completes the first
 * deployment and logs the steady-state events a service of that age would have.
 */
export function seedService(
  context: FleetContext,
  input: Input,
  options: SeedOptions,
): { service: ServiceRecord; tasks: TaskRecord[] } {
  const created = { ...context, now: context.now - options.age };
  const service = createService(created, input);
  const deployment = service.deployments[0];
  const template = deployment ? serviceTemplate(context, service, deployment) : undefined;
  if (!deployment || !template) return { service, tasks: [] };
  const daemon = service.schedulingStrategy === 'DAEMON';
  if (options.hosts) for (const host of options.hosts) host.groupTasks = 0;
  const result = launchTasks(
    context,
    template,
    daemon ? Number.MAX_SAFE_INTEGER : options.running,
    {
      strategies: service.placementStrategy.length > 0 ? service.placementStrategy : ZONE_BALANCED,
      constraints: daemon
        ? [...service.placementConstraints, { type: 'distinctInstance' }]
        : service.placementConstraints,
      capacityProviderStrategy: deployment.capacityProviderStrategy,
      runningFor: options.runningFor,
      ...(options.hosts ? { hosts: options.hosts } : {}),
    },
  );
  if (result.tasks.length > 0)
    addServiceEvent(
      service,
      serviceMessages.started(
        service.name,
        result.tasks.map((task) => task.id),
      ),
      created.now,
      context.random,
    );
  return { service, tasks: result.tasks };
}
