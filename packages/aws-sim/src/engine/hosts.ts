import type { ContainerInstanceRecord, TaskRecord } from './model.js';
import type { HostState } from './placement.js';
import type { RegionState } from './region-state.js';

/** What an instance has in use: every task placed on it that has not reached STOPPED holds its share. */
export function usageOf(state: RegionState, instance: ContainerInstanceRecord) {
  let cpu = 0;
  let memory = 0;
  const tcp = new Set(instance.reservedTcpPorts);
  const udp = new Set(instance.reservedUdpPorts);
  const tasks: TaskRecord[] = [];
  for (const task of state.tasksOnInstance(instance.arn)) {
    if (task.lastStatus === 'STOPPED') continue;
    tasks.push(task);
    cpu += task.reservation.cpu;
    memory += task.reservation.memory;
    for (const port of task.reservation.tcpPorts) tcp.add(port);
    for (const port of task.reservation.udpPorts) udp.add(port);
  }
  return { cpu, memory, tcp, udp, tasks };
}

/** Whether an instance takes new tasks: ACTIVE with its agent connected (DRAINING takes none). */
export const takesTasks = (instance: ContainerInstanceRecord) =>
  instance.status === 'ACTIVE' && instance.agentConnected;

/**
 * The cluster's instances that take new tasks, as placement sees them, sorted by ARN so that ties
 * between equal instances always break the same way. `group` counts the tasks of the service or
 * family being placed (for spread and distinctInstance).
 */
export function hostStates(
  state: RegionState,
  clusterArn: string,
  group: string,
  only?: ReadonlySet<string>,
): HostState[] {
  const hosts: HostState[] = [];
  for (const instance of state.containerInstances.values()) {
    if (instance.clusterArn !== clusterArn || !takesTasks(instance)) continue;
    if (only && !only.has(instance.arn)) continue;
    hosts.push(hostState(state, instance, group));
  }
  return hosts.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
}

export function hostState(
  state: RegionState,
  instance: ContainerInstanceRecord,
  group: string,
): HostState {
  const usage = usageOf(state, instance);
  const attributes = new Map<string, string | undefined>(
    instance.attributes.map((attribute) => [attribute.name, attribute.value]),
  );
  attributes.set('ec2InstanceId', instance.ec2InstanceId);
  return {
    arn: instance.arn,
    id: instance.id,
    availabilityZone: instance.availabilityZone,
    attributes,
    cpu: instance.cpu - usage.cpu,
    memory: instance.memory - usage.memory,
    tcp: usage.tcp,
    udp: usage.udp,
    groupTasks: usage.tasks.filter((t) => t.group === group && t.desiredStatus === 'RUNNING')
      .length,
  };
}
