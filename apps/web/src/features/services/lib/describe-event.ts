import type { LiveEvent, ServiceEventKind, Task, TaskStopKind } from '@deckhand/shared';

export type Tone = 'green' | 'red' | 'amber' | 'blue' | 'violet' | 'slate';

const SERVICE_EVENT_TONES: Record<ServiceEventKind, Tone> = {
  'steady-state': 'green',
  'placement-failure': 'red',
  unhealthy: 'red',
  'task-started': 'blue',
  'task-stopped': 'amber',
  deployment: 'violet',
  'load-balancer': 'slate',
  other: 'slate',
};

/** The colour of an ECS service event, by what it is about. */
export function serviceEventTone(kind: ServiceEventKind): Tone {
  return SERVICE_EVENT_TONES[kind];
}

/** Failures the operator must look at, as opposed to routine stops (scale-in, deployments). */
const FAILED_STOPS: readonly TaskStopKind[] = [
  'out-of-memory',
  'image-pull',
  'health-check',
  'essential-exited',
  'placement',
];

/** `family:revision` → `revision` (`"12"`), or the whole reference when it has none. */
export function revisionOf(taskDefinition: string): string {
  const at = taskDefinition.lastIndexOf(':');
  return at === -1 ? taskDefinition : taskDefinition.slice(at + 1);
}

/** The short id people recognise a task or instance by (the first 8 characters). */
export function shortId(id: string): string {
  return id.length > 12 ? id.slice(0, 8) : id;
}

/** `container exit code` pairs of a stopped task's containers that reported one. */
export function exitCodes(task: Task): string[] {
  return task.containers
    .filter((container) => container.exitCode !== undefined)
    .map((container) => `${container.name} exited ${container.exitCode}`);
}

export interface EventDescription {
  label: string;
  tone: Tone;
  service: string | undefined;
  title: string;
  detail: string | undefined;
  extra: string[];
}

/** What a live event says, for the cluster feed: a label, a colour and one or two lines. */
export function describeLiveEvent(event: LiveEvent): EventDescription {
  switch (event.type) {
    case 'service.event':
      return {
        label: event.event.kind.replace('-', ' '),
        tone: serviceEventTone(event.event.kind),
        service: event.service,
        title: event.event.message,
        detail: undefined,
        extra: [],
      };
    case 'service.updated': {
      const { name, desiredCount, runningCount, pendingCount, taskDefinition } = event.service;
      return {
        label: 'service',
        tone: 'slate',
        service: name,
        title: `${runningCount} running, ${pendingCount} pending of ${desiredCount} desired`,
        detail: taskDefinition,
        extra: [],
      };
    }
    case 'deployment.updated': {
      const d = event.deployment;
      const failed = d.rolloutState === 'FAILED';
      return {
        label: 'deployment',
        tone: failed ? 'red' : 'violet',
        service: event.service,
        title: `${d.status} ${d.taskDefinition}: ${d.runningCount}/${d.desiredCount} running${d.rolloutState ? `, ${d.rolloutState.toLowerCase().replace('_', ' ')}` : ''}`,
        detail: d.rolloutStateReason,
        extra: d.failedTasks > 0 ? [`${d.failedTasks} failed tasks`] : [],
      };
    }
    case 'task.started':
      return {
        label: 'task started',
        tone: 'blue',
        service: event.service,
        title: `Task ${shortId(event.task.id)} (${event.task.taskDefinition}) is running`,
        detail: event.task.ec2InstanceId ?? event.task.eni?.privateIp,
        extra: [],
      };
    case 'task.stopped':
      return {
        label: 'task stopped',
        tone: FAILED_STOPS.includes(event.diagnosis.kind) ? 'red' : 'amber',
        service: event.service,
        title: `Task ${shortId(event.task.id)} (${event.task.taskDefinition}) stopped`,
        detail: event.diagnosis.summary,
        extra: exitCodes(event.task),
      };
  }
}

/** Whether a feed entry matches the filter text (case-insensitive, anywhere in what it shows). */
export function matchesFilter(description: EventDescription, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (!needle) return true;
  return [
    description.label,
    description.service,
    description.title,
    description.detail,
    ...description.extra,
  ].some((text) => text?.toLowerCase().includes(needle));
}
