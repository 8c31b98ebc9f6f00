import type { Task } from '@deckhand/shared';
import { formatMemory, formatVcpu } from '../../../lib/format';
import type { TaskBlock } from './fleet-layout';

/** The accessible name of a task block: `Task 0f1e2d3c of web, host ports 32768`. */
export function taskLabel({ task, service, shortId, hostPorts }: TaskBlock): string {
  const ports = hostPorts.length > 0 ? `host ports ${hostPorts.join(', ')}` : 'no host ports';
  const status = task.lastStatus === 'RUNNING' ? '' : `, ${task.lastStatus}`;
  return `Task ${shortId} of ${service}, ${ports}${status}`;
}

function reservation(task: Task): string {
  const cpu = task.cpu === undefined ? 'CPU not set' : formatVcpu(task.cpu);
  const memory = task.memory === undefined ? 'memory not set' : formatMemory(task.memory);
  return `${cpu} · ${memory}`;
}

/** The tooltip of a task block: status, reservation, and every port mapping. */
export function taskTitle({ task, service, shortId }: TaskBlock): string {
  const mappings = task.containers.flatMap((container) =>
    container.portMappings.map(
      (mapping) =>
        `${container.name} ${mapping.containerPort}/${mapping.protocol} → ${mapping.hostIp}:${mapping.hostPort}`,
    ),
  );
  return [
    `${service} · task ${shortId} · ${task.lastStatus}`,
    reservation(task),
    ...(task.eni ? [`ENI ${task.eni.privateIp}`] : []),
    ...(mappings.length > 0 ? mappings : ['no port mappings']),
  ].join('\n');
}
