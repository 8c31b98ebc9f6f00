import { invalidParameter } from '../../protocol/errors.js';
import { epochSeconds, optionalString, stringList } from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import { paginate } from '../../engine/paginate.js';
import type { ClusterRecord, ContainerInstanceRecord, Tag } from '../../engine/model.js';
import type { Random } from '../../engine/random.js';
import type { RegionState } from '../../engine/region-state.js';
import { parseInclude, requireCluster } from './clusters.js';

/** Ports the ECS agent reserves on every Linux container instance (REFERENCE.md §4). */
export const RESERVED_TCP_PORTS = [22, 2375, 2376, 51678, 51679, 51680];

export interface InstanceSpec {
  instanceType: string;
  cpu: number;
  memory: number;
  availabilityZone: string;
  tags?: Tag[];
}

/** Registers a simulated EC2 instance as the ECS agent would at boot. */
export function registerInstance(
  state: RegionState,
  cluster: ClusterRecord,
  spec: InstanceSpec,
  random: Random,
  now: number,
): ContainerInstanceRecord {
  const id = random.hex(32);
  const instance: ContainerInstanceRecord = {
    arn: state.arn('ecs', `container-instance/${cluster.name}/${id}`),
    id,
    clusterArn: cluster.arn,
    ec2InstanceId: `i-0${random.hex(16)}`,
    instanceType: spec.instanceType,
    availabilityZone: spec.availabilityZone,
    status: 'ACTIVE',
    agentConnected: true,
    agentVersion: '1.89.2',
    dockerVersion: 'DockerVersion: 25.0.8',
    cpu: spec.cpu,
    memory: spec.memory,
    reservedTcpPorts: [...RESERVED_TCP_PORTS],
    reservedUdpPorts: [],
    attributes: [
      { name: 'ecs.instance-type', value: spec.instanceType },
      { name: 'ecs.availability-zone', value: spec.availabilityZone },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.os-family', value: 'LINUX' },
      { name: 'ecs.cpu-architecture', value: 'x86_64' },
      { name: 'ecs.ami-id', value: `ami-0${random.hex(16)}` },
      { name: 'com.amazonaws.ecs.capability.docker-remote-api.1.44' },
      { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
      { name: 'ecs.capability.task-eni' },
      { name: 'ecs.capability.execution-role-awslogs' },
      { name: 'ecs.capability.container-health-check' },
    ],
    tags: spec.tags ?? [],
    registeredAt: now,
    version: 1,
  };
  state.containerInstances.set(instance.arn, instance);
  return instance;
}

// pendingTasksCount counts tasks on their way to RUNNING, not those on their way out.
const STARTING = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

/** CPU, memory and ports still free on an instance, after every task placed on it that has not stopped. */
export function remainingOf(state: RegionState, instance: ContainerInstanceRecord) {
  let cpu = instance.cpu;
  let memory = instance.memory;
  const tcp = new Set(instance.reservedTcpPorts);
  const udp = new Set(instance.reservedUdpPorts);
  let running = 0;
  let pending = 0;
  for (const task of state.tasksOnInstance(instance.arn)) {
    if (task.lastStatus === 'STOPPED') continue;
    cpu -= task.reservation.cpu;
    memory -= task.reservation.memory;
    for (const port of task.reservation.tcpPorts) tcp.add(port);
    for (const port of task.reservation.udpPorts) udp.add(port);
    if (task.lastStatus === 'RUNNING') running += 1;
    else if (STARTING.has(task.lastStatus)) pending += 1;
  }
  return {
    cpu,
    memory,
    tcpPorts: [...tcp].sort((a, b) => a - b),
    udpPorts: [...udp].sort((a, b) => a - b),
    running,
    pending,
  };
}

const integer = (name: string, value: number) => ({
  name,
  type: 'INTEGER',
  integerValue: value,
  doubleValue: 0,
  longValue: 0,
});
const ports = (name: string, values: number[]) => ({
  name,
  type: 'STRINGSET',
  stringSetValue: values.map(String),
  doubleValue: 0,
  longValue: 0,
  integerValue: 0,
});

export function describeInstance(
  state: RegionState,
  instance: ContainerInstanceRecord,
  include: Set<string>,
) {
  const remaining = remainingOf(state, instance);
  return {
    containerInstanceArn: instance.arn,
    ec2InstanceId: instance.ec2InstanceId,
    version: instance.version,
    versionInfo: {
      agentVersion: instance.agentVersion,
      agentHash: '7f1b3d5c',
      dockerVersion: instance.dockerVersion,
    },
    // AWS lists the ports in use (reserved + taken by tasks) under remainingResources' PORTS.
    remainingResources: [
      integer('CPU', remaining.cpu),
      integer('MEMORY', remaining.memory),
      ports('PORTS', remaining.tcpPorts),
      ports('PORTS_UDP', remaining.udpPorts),
    ],
    registeredResources: [
      integer('CPU', instance.cpu),
      integer('MEMORY', instance.memory),
      ports('PORTS', instance.reservedTcpPorts),
      ports('PORTS_UDP', instance.reservedUdpPorts),
    ],
    status: instance.status,
    agentConnected: instance.agentConnected,
    runningTasksCount: remaining.running,
    pendingTasksCount: remaining.pending,
    attributes: instance.attributes,
    registeredAt: epochSeconds(instance.registeredAt),
    attachments: [],
    ...(include.has('TAGS') ? { tags: instance.tags } : {}),
    ...(include.has('CONTAINER_INSTANCE_HEALTH')
      ? {
          healthStatus: {
            overallStatus: instance.agentConnected ? 'OK' : 'IMPAIRED',
            details: [
              { type: 'CONTAINER_RUNTIME', status: instance.agentConnected ? 'OK' : 'IMPAIRED' },
            ],
          },
        }
      : {}),
  };
}

const STATUSES = new Set([
  'ACTIVE',
  'DRAINING',
  'REGISTERING',
  'DEREGISTERING',
  'REGISTRATION_FAILED',
]);

/** Finds a container instance of a cluster by ARN or by its id. */
export function findInstance(state: RegionState, cluster: ClusterRecord, idOrArn: string) {
  const arn = idOrArn.startsWith('arn:')
    ? idOrArn
    : state.arn('ecs', `container-instance/${cluster.name}/${idOrArn}`);
  const instance = state.containerInstances.get(arn);
  return instance && instance.clusterArn === cluster.arn ? instance : undefined;
}

export const containerInstanceOperations: Record<string, Operation> = {
  ListContainerInstances(input, { state }) {
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    if (optionalString(input, 'filter')) {
      throw invalidParameter('The simulator does not evaluate cluster query language filters.');
    }
    const status = optionalString(input, 'status');
    if (status !== undefined && !STATUSES.has(status))
      throw invalidParameter(`Invalid status ${status}.`);
    const arns = state
      .instancesOf(cluster.arn)
      .filter((instance) =>
        status
          ? instance.status === status
          : instance.status === 'ACTIVE' || instance.status === 'DRAINING',
      )
      .map((instance) => instance.arn)
      .sort();
    const page = paginate(arns, (arn) => arn, input.maxResults, input.nextToken, {
      defaultSize: 100,
      maxSize: 100,
    });
    return {
      containerInstanceArns: page.items,
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  },

  DescribeContainerInstances(input, { state }) {
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    const ids = stringList(input, 'containerInstances');
    if (ids.length === 0) throw invalidParameter('Container instances cannot be empty.');
    if (ids.length > 100)
      throw invalidParameter('The maximum number of container instances is 100.');
    const include = parseInclude(input, new Set(['TAGS', 'CONTAINER_INSTANCE_HEALTH']));
    const containerInstances = [];
    const failures = [];
    for (const id of ids) {
      const instance = findInstance(state, cluster, id);
      if (instance) containerInstances.push(describeInstance(state, instance, include));
      else failures.push({ arn: id, reason: 'MISSING' });
    }
    return { containerInstances, failures };
  },
};
