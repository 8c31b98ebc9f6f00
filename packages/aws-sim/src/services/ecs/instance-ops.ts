import { invalidParameter } from '../../protocol/errors.js';
import {
  objectList,
  optionalBoolean,
  optionalString,
  requiredString,
  stringList,
  type Input,
} from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import type { FleetContext } from '../../engine/fleet-state.js';
import { requestStop } from '../../engine/lifecycle.js';
import type { ClusterRecord, ContainerInstanceRecord } from '../../engine/model.js';
import { SCHEDULER_DELAY_MS, wakeService } from '../../engine/wake.js';
import { requireCluster } from './clusters.js';
import { describeInstance, findInstance, registerInstance } from './container-instances.js';
import { parseTags } from './tags.js';
import { fleetContext } from './with-fleet.js';

/** Instance changes concern every service of the cluster: DAEMONs follow instances, replicas move off DRAINING ones. */
function wakeClusterServices({ state, now }: FleetContext, cluster: ClusterRecord): void {
  for (const service of state.servicesOf(cluster.arn))
    if (service.status === 'ACTIVE') wakeService(state, service, now + SCHEDULER_DELAY_MS);
}

function requireInstance(context: FleetContext, cluster: ClusterRecord, reference: string) {
  const instance = findInstance(context.state, cluster, reference);
  if (!instance) throw invalidParameter('Container instance not found.');
  return instance;
}

/** The instance identity document's fields the agent registers with, if it sent one. */
function identityOf(input: Input): Record<string, unknown> {
  const document = optionalString(input, 'instanceIdentityDocument');
  if (document === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(document);
    if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw invalidParameter('instanceIdentityDocument is not a valid identity document.');
}

function resources(input: Input) {
  const byName = new Map(objectList(input, 'totalResources').map((r) => [r.name, r]));
  const integer = (name: string) => {
    const value = byName.get(name)?.integerValue;
    return typeof value === 'number' ? value : undefined;
  };
  const ports = (name: string) => {
    const value = byName.get(name)?.stringSetValue;
    return Array.isArray(value) ? value.map(Number).filter(Number.isInteger) : undefined;
  };
  return {
    cpu: integer('CPU'),
    memory: integer('MEMORY'),
    tcp: ports('PORTS'),
    udp: ports('PORTS_UDP'),
  };
}

/** RegisterContainerInstance, as the ECS agent calls it at boot (or again, with its ARN). */
function register(context: FleetContext, input: Input): ContainerInstanceRecord {
  const { state, now, random } = context;
  const cluster = requireCluster(state, optionalString(input, 'cluster'));
  const identity = identityOf(input);
  const total = resources(input);
  const existingArn = optionalString(input, 'containerInstanceArn');
  const existing = existingArn ? findInstance(state, cluster, existingArn) : undefined;
  const instance =
    existing ??
    registerInstance(
      state,
      cluster,
      {
        instanceType:
          typeof identity.instanceType === 'string' ? identity.instanceType : 'm5.large',
        cpu: total.cpu ?? 2048,
        memory: total.memory ?? 7680,
        availabilityZone:
          typeof identity.availabilityZone === 'string'
            ? identity.availabilityZone
            : `${state.region}a`,
        tags: parseTags(input),
      },
      random,
      now,
    );
  if (typeof identity.instanceId === 'string') instance.ec2InstanceId = identity.instanceId;
  if (total.cpu !== undefined) instance.cpu = total.cpu;
  if (total.memory !== undefined) instance.memory = total.memory;
  if (total.tcp) instance.reservedTcpPorts = total.tcp;
  if (total.udp) instance.reservedUdpPorts = total.udp;
  for (const attribute of objectList(input, 'attributes')) {
    if (typeof attribute.name !== 'string') continue;
    const value = typeof attribute.value === 'string' ? attribute.value : undefined;
    instance.attributes = instance.attributes.filter((a) => a.name !== attribute.name);
    instance.attributes.push({ name: attribute.name, ...(value !== undefined ? { value } : {}) });
  }
  if (existing) {
    existing.status = 'ACTIVE';
    existing.agentConnected = true;
    existing.version += 1;
  }
  wakeClusterServices(context, cluster);
  return instance;
}

export const instanceOperations: Record<string, Operation> = {
  RegisterContainerInstance(input, operationContext) {
    const instance = register(fleetContext(operationContext), input);
    return {
      containerInstance: describeInstance(operationContext.state, instance, new Set(['TAGS'])),
    };
  },

  DeregisterContainerInstance(input, operationContext) {
    const context = fleetContext(operationContext);
    const { state } = context;
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    const instance = requireInstance(context, cluster, requiredString(input, 'containerInstance'));
    const tasks = [...state.tasksOnInstance(instance.arn)].filter(
      (task) => task.desiredStatus === 'RUNNING',
    );
    if (tasks.length > 0 && optionalBoolean(input, 'force') !== true)
      throw invalidParameter('Found running tasks on the instance.');
    // Forced: ECS stops accounting for the tasks (orphans); their services start copies elsewhere.
    for (const task of tasks)
      requestStop(context, task, 'UserInitiated', 'Container instance deregistered');
    instance.status = 'INACTIVE';
    instance.agentConnected = false;
    instance.version += 1;
    wakeClusterServices(context, cluster);
    return { containerInstance: describeInstance(state, instance, new Set()) };
  },

  UpdateContainerInstancesState(input, operationContext) {
    const context = fleetContext(operationContext);
    const { state } = context;
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    const references = stringList(input, 'containerInstances');
    if (references.length === 0) throw invalidParameter('Container instances cannot be empty.');
    if (references.length > 10)
      throw invalidParameter('Container instances cannot contain more than 10 items.');
    const status = requiredString(input, 'status');
    if (status !== 'ACTIVE' && status !== 'DRAINING')
      throw invalidParameter(
        'Container instance status can only be updated to ACTIVE or DRAINING.',
      );
    const containerInstances = [];
    const failures = [];
    for (const reference of references) {
      const instance = findInstance(state, cluster, reference);
      if (!instance) {
        failures.push({ arn: reference, reason: 'MISSING' });
        continue;
      }
      if (instance.status === 'INACTIVE') {
        failures.push({ arn: instance.arn, reason: 'INACTIVE' });
        continue;
      }
      if (instance.status !== status) {
        instance.status = status;
        instance.version += 1;
      }
      containerInstances.push(describeInstance(state, instance, new Set()));
    }
    wakeClusterServices(context, cluster);
    return { containerInstances, failures };
  },
};
