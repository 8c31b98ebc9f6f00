import type { TaskStopDiagnosis } from '../events/live-events.js';
import type { Task, TaskContainer } from '../schemas/tasks.js';

/**
 * Why a task stopped, in plain words, from what ECS reports: the task's stopCode and
 * stoppedReason, and each container's exit code and reason. The most telling signal wins: a
 * container killed with 137 explains an "Essential container in task exited" better than the
 * stop code does.
 */
export function diagnoseTaskStop(
  task: Pick<Task, 'stopCode' | 'stoppedReason' | 'containers'>,
): TaskStopDiagnosis {
  const reason = task.stoppedReason ?? '';
  const containers = task.containers;
  const said = (container: TaskContainer) => `${container.reason ?? ''} ${reason}`;

  const pull = containers.find((c) => /CannotPull|pull image|ImagePull/i.test(said(c)));
  if (pull || /CannotPull|pull image manifest|ImagePull/i.test(reason)) {
    const name = pull?.name;
    return {
      kind: 'image-pull',
      summary: `The image${name ? ` of container ${name}` : ''} could not be pulled: check the image name and tag, that it exists in the registry, and the execution role's pull permissions.`,
      ...(name ? { container: name } : {}),
    };
  }

  const oom = containers.find((c) => c.exitCode === 137 || /OutOfMemory|OOM/i.test(c.reason ?? ''));
  if (oom) {
    const byReason = /OutOfMemory|OOM/i.test(oom.reason ?? '');
    return {
      kind: 'out-of-memory',
      summary: byReason
        ? `Container ${oom.name} ran out of memory and was killed: raise its memory limit or find the leak.`
        : `Container ${oom.name} was killed (exit 137): out of memory or killed by a signal; check its memory limit.`,
      container: oom.name,
    };
  }

  if (/health check/i.test(reason)) {
    return {
      kind: 'health-check',
      summary: /ELB|target/i.test(reason)
        ? 'The task failed its load balancer health checks, so the service replaced it: check the health check path, port and grace period.'
        : 'The task failed its container health checks, so the service replaced it: check the health check command and start-up time.',
    };
  }

  if (
    task.stopCode === 'TaskFailedToStart' ||
    /RESOURCE:|unable to place|ResourceInitializationError/i.test(reason)
  ) {
    return {
      kind: 'placement',
      summary: `The task failed to start${reason ? `: ${reason}` : ''}.`,
    };
  }

  if (task.stopCode === 'SpotInterruption' || /spot interruption/i.test(reason)) {
    return {
      kind: 'spot-interruption',
      summary: 'The Spot capacity under the task was reclaimed by AWS.',
    };
  }

  if (task.stopCode === 'EssentialContainerExited' || /essential container/i.test(reason)) {
    const exited = containers.find((c) => c.exitCode !== undefined && c.exitCode !== 0);
    return {
      kind: 'essential-exited',
      summary: exited
        ? `Essential container ${exited.name} exited with code ${exited.exitCode}${exited.reason ? ` (${exited.reason})` : ''}, which stops the whole task.`
        : 'An essential container exited, which stops the whole task.',
      ...(exited ? { container: exited.name } : {}),
    };
  }

  if (task.stopCode === 'UserInitiated') {
    return { kind: 'user-stopped', summary: `Stopped on request${reason ? `: ${reason}` : ''}.` };
  }

  if (task.stopCode === 'ServiceSchedulerInitiated') {
    return {
      kind: 'scheduler',
      summary: `Stopped by the service scheduler${reason ? `: ${reason}` : ''} (a scale-in, a deployment or a replacement).`,
    };
  }

  return {
    kind: 'other',
    summary: reason ? `Stopped: ${reason}.` : 'Stopped; ECS gave no reason.',
  };
}
