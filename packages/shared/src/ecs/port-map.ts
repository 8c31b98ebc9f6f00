import type { ContainerInstance } from '../schemas/ecs-instances.js';
import type { PortHost, PortMap, PortMapRow } from '../schemas/port-map.js';
import type { Task } from '../schemas/tasks.js';
import {
  declaredConflicts,
  dynamicBehindLoadBalancer,
  observedConflicts,
  reservedAndEphemeral,
  staticBehindLoadBalancer,
  unplaceable,
} from './port-findings.js';
import {
  hostKey,
  inEphemeralRange,
  protocolOf,
  staticHostPort,
  type PortMapServiceInput,
  type PortMapTaskDefinition,
} from './port-rules.js';

export {
  EPHEMERAL_PORT_RANGE,
  RESERVED_HOST_PORTS,
  type PortMapServiceInput,
  type PortMapTaskDefinition,
} from './port-rules.js';

export interface PortMapInput {
  instances: Pick<ContainerInstance, 'id' | 'ec2InstanceId' | 'privateIp'>[];
  tasks: Pick<
    Task,
    'id' | 'group' | 'taskDefinition' | 'containerInstanceId' | 'eni' | 'lastStatus' | 'containers'
  >[];
  services: PortMapServiceInput[];
  taskDefinitions: PortMapTaskDefinition[];
}

const serviceOf = (group: string | undefined) =>
  group?.startsWith('service:') ? group.slice('service:'.length) : undefined;

/**
 * Resolves the cluster's port mappings: load balancer/target group → host : host port →
 * task/container : container port, with findings on what keeps tasks from being placed or
 * reached. Pure: the BFF gathers the inputs, the browser could do the same.
 */
export function buildPortMap(input: PortMapInput): PortMap {
  const definitions = new Map(input.taskDefinitions.map((d) => [d.taskDefinition, d]));
  const instances = new Map(input.instances.map((instance) => [instance.id, instance]));
  const services = new Map(input.services.map((service) => [service.name, service]));
  const rows: PortMapRow[] = [];

  for (const task of input.tasks) {
    if (task.lastStatus === 'STOPPED') continue;
    const service = serviceOf(task.group);
    const definition = definitions.get(task.taskDefinition);
    let host: PortHost | undefined;
    if (task.eni) host = { kind: 'eni', privateIp: task.eni.privateIp };
    else if (task.containerInstanceId) {
      const instance = instances.get(task.containerInstanceId);
      host = {
        kind: 'instance',
        containerInstanceId: task.containerInstanceId,
        ...(instance?.ec2InstanceId ? { ec2InstanceId: instance.ec2InstanceId } : {}),
        ...(instance?.privateIp ? { privateIp: instance.privateIp } : {}),
      };
    }
    if (!host) continue;
    for (const container of task.containers) {
      const declared = definition?.containers.find((c) => c.name === container.name);
      for (const mapping of container.portMappings) {
        const declaredMapping = declared?.portMappings.find(
          (m) =>
            m.containerPort === mapping.containerPort &&
            protocolOf(m.protocol) === mapping.protocol,
        );
        const dynamic =
          host.kind === 'instance' &&
          (definition && declaredMapping
            ? staticHostPort(definition, declaredMapping) === undefined
            : // Without the definition: a port from the ephemeral range that differs from the container's.
              mapping.hostPort !== mapping.containerPort && inEphemeralRange(mapping.hostPort));
        const base = {
          ...(service ? { service } : {}),
          host,
          hostPort: mapping.hostPort,
          protocol: mapping.protocol,
          dynamic,
          taskId: task.id,
          container: container.name,
          containerPort: mapping.containerPort,
        };
        const balancers = (service ? services.get(service)?.loadBalancers : undefined)?.filter(
          (lb) => lb.containerName === container.name && lb.containerPort === mapping.containerPort,
        );
        if (!balancers?.length) rows.push(base);
        for (const lb of balancers ?? []) {
          rows.push({
            ...(lb.targetGroupArn ? { targetGroupArn: lb.targetGroupArn } : {}),
            ...(lb.loadBalancerName ? { loadBalancerName: lb.loadBalancerName } : {}),
            ...base,
          });
        }
      }
    }
  }

  rows.sort(
    (a, b) =>
      (a.targetGroupArn ?? a.loadBalancerName ?? '\uffff').localeCompare(
        b.targetGroupArn ?? b.loadBalancerName ?? '\uffff',
      ) ||
      (a.service ?? '\uffff').localeCompare(b.service ?? '\uffff') ||
      hostKey(a.host).localeCompare(hostKey(b.host)) ||
      a.hostPort - b.hostPort,
  );

  const findings = [
    ...observedConflicts(rows),
    ...declaredConflicts(input.services, definitions),
    ...unplaceable(input.services, definitions),
    ...staticBehindLoadBalancer(input.services, definitions),
    ...reservedAndEphemeral(input.taskDefinitions),
    ...dynamicBehindLoadBalancer(rows),
  ];
  const rank = { error: 0, warning: 1, info: 2 };
  findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return { rows, findings };
}
