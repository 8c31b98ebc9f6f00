import type {
  EcsContainerDefinition,
  EcsHealthCheck,
  EcsPortMapping,
  EcsTaskDefinition,
} from '@deckhand/shared';
import { formatMemory, formatVcpu } from '../../../lib/format';

/**
 * Task-level CPU and memory as ECS stores them: strings of CPU units and MiB ("256", "512");
 * older definitions may carry "1 vCPU" / "1 GB", which are shown as given.
 */
export function formatTaskCpu(cpu: string | undefined): string {
  if (!cpu) return '—';
  return /^\d+$/.test(cpu) ? `${formatVcpu(Number(cpu))} (${cpu} units)` : cpu;
}

export function formatTaskMemory(memory: string | undefined): string {
  if (!memory) return '—';
  return /^\d+$/.test(memory) ? formatMemory(Number(memory)) : memory;
}

/** Hard limit (`memory`) and soft reservation (`memoryReservation`) of a container. */
export function formatContainerMemory(container: EcsContainerDefinition): string {
  const parts: string[] = [];
  if (container.memory !== undefined) parts.push(`${formatMemory(container.memory)} hard`);
  if (container.memoryReservation !== undefined)
    parts.push(`${formatMemory(container.memoryReservation)} soft`);
  return parts.length > 0 ? parts.join(' / ') : '—';
}

/**
 * One port mapping as `8080/tcp → host 80`. In bridge mode a missing or zero host port means
 * ECS picks one from the ephemeral range per task (dynamic); in awsvpc/host mode the host port
 * is the container port.
 */
export function formatPortMapping(
  mapping: EcsPortMapping,
  networkMode: string | undefined,
): string {
  const protocol = mapping.protocol ?? 'tcp';
  const container = mapping.containerPortRange ?? String(mapping.containerPort ?? '?');
  let text = `${container}/${protocol}`;
  const mode = networkMode ?? 'bridge';
  if (mode === 'bridge' && mapping.containerPortRange === undefined) {
    text +=
      mapping.hostPort === undefined || mapping.hostPort === 0
        ? ' → dynamic host port'
        : ` → host ${mapping.hostPort}`;
  } else if (mapping.hostPort !== undefined && mapping.hostPort !== mapping.containerPort) {
    text += ` → host ${mapping.hostPort}`;
  }
  const extras = [mapping.name, mapping.appProtocol].filter(Boolean);
  return extras.length > 0 ? `${text} (${extras.join(', ')})` : text;
}

/** The health check with ECS's defaults spelled out (30 s interval, 5 s timeout, 3 retries). */
export function formatHealthCheck(check: EcsHealthCheck | undefined): string | undefined {
  if (!check?.command || check.command.length === 0) return undefined;
  const [kind, ...rest] = check.command;
  const command = kind === 'CMD-SHELL' ? rest.join(' ') : check.command.join(' ');
  const timing = [
    `every ${check.interval ?? 30}s`,
    `timeout ${check.timeout ?? 5}s`,
    `${check.retries ?? 3} retries`,
  ];
  if (check.startPeriod) timing.push(`start period ${check.startPeriod}s`);
  return `${command} (${timing.join(', ')})`;
}

/** A container's secrets as references only: the parameter or secret they come from. */
export function secretReferences(
  container: EcsContainerDefinition,
): { name: string; valueFrom: string }[] {
  return (container.secrets ?? []).map((secret) => ({
    name: secret.name ?? '?',
    valueFrom: secret.valueFrom ?? '?',
  }));
}

/** Environment variables sorted by name, as the ECS console lists them. */
export function environmentOf(
  container: EcsContainerDefinition,
): { name: string; value: string }[] {
  return (container.environment ?? [])
    .map((entry) => ({ name: entry.name ?? '?', value: entry.value ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** How a volume is backed, in a few words. */
export function describeVolume(volume: NonNullable<EcsTaskDefinition['volumes']>[number]): string {
  if (volume.efsVolumeConfiguration) {
    const efs = volume.efsVolumeConfiguration;
    return `EFS ${efs.fileSystemId ?? '?'}${efs.rootDirectory ? `:${efs.rootDirectory}` : ''}${efs.transitEncryption === 'ENABLED' ? ' (encrypted in transit)' : ''}`;
  }
  if (volume.fsxWindowsFileServerVolumeConfiguration) {
    return `FSx for Windows ${volume.fsxWindowsFileServerVolumeConfiguration.fileSystemId ?? '?'}`;
  }
  if (volume.dockerVolumeConfiguration) {
    const docker = volume.dockerVolumeConfiguration;
    return `Docker volume (${docker.driver ?? 'local'}, ${docker.scope ?? 'task'} scope)`;
  }
  if (volume.host?.sourcePath) return `Host path ${volume.host.sourcePath}`;
  if (volume.configuredAtLaunch) return 'Configured at launch';
  return 'Task storage (bind mount)';
}
