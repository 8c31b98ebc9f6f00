import {
  EPHEMERAL_PORT_RANGE,
  parseArn,
  type EcsTaskDefinition,
  type LiveEvent,
  type Task,
  type TaskDetailResponse,
} from '@deckhand/shared';

/*
 * Pure helpers of the task page: the live reducer for one task, and what the page derives from
 * a task and its definition (ports, host, links).
 */

/**
 * `GET …/tasks/:task`: a task.started or task.stopped event for this task replaces it (a stop
 * brings its diagnosis). The same object when the event is about another task or changes nothing,
 * and an older copy of the task (lower `version`) never replaces a newer one.
 */
export function applyToTaskDetail(data: TaskDetailResponse, event: LiveEvent): TaskDetailResponse {
  if (event.type !== 'task.started' && event.type !== 'task.stopped') return data;
  const current = data.task;
  if (event.task.id !== current.id) return data;
  if ((event.task.version ?? 0) < (current.version ?? 0)) return data;
  const next: TaskDetailResponse = {
    ...data,
    task: event.task,
    ...(event.type === 'task.stopped' ? { diagnosis: event.diagnosis } : {}),
  };
  return JSON.stringify(next) === JSON.stringify(data) ? data : next;
}

/** A task as a mutation answered it (e.g. stop: desired status STOPPED), when it is this one. */
export function replaceDetailTask(data: TaskDetailResponse, task: Task): TaskDetailResponse {
  if (task.id !== data.task.id) return data;
  return JSON.stringify(task) === JSON.stringify(data.task) ? data : { ...data, task };
}

export interface PortRow {
  container: string;
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
  /** The definition asked for any host port (0) and the agent gave one from the ephemeral range. */
  dynamic: boolean;
}

/**
 * One row per resolved mapping. "Dynamic" needs the definition: only its `hostPort: 0` (or none,
 * in bridge mode) says the host port was picked by Docker rather than fixed.
 */
export function portRows(task: Task, definition: EcsTaskDefinition | undefined): PortRow[] {
  const bridge = definition !== undefined && (definition.networkMode ?? 'bridge') === 'bridge';
  return task.containers.flatMap((container) => {
    const declared =
      definition?.containerDefinitions?.find((c) => c.name === container.name)?.portMappings ?? [];
    return container.portMappings.map((mapping) => {
      const asked = declared.find(
        (d) =>
          d.containerPort === mapping.containerPort &&
          (d.protocol ?? 'tcp').toLowerCase() === mapping.protocol,
      );
      const anyPort = bridge && asked !== undefined && !asked.hostPort;
      return {
        container: container.name,
        ...mapping,
        dynamic:
          anyPort &&
          mapping.hostPort >= EPHEMERAL_PORT_RANGE.from &&
          mapping.hostPort <= EPHEMERAL_PORT_RANGE.to,
      };
    });
  });
}

/** Where the task runs: its EC2 instance, or its own ENI's address (awsvpc, Fargate). */
export function hostOf(task: Task): string | undefined {
  return task.ec2InstanceId ?? task.eni?.privateIp ?? task.containerInstanceId;
}

/** `sha256:3f1e0d6a9b8c…` → `sha256:3f1e0d6a9b8c` (12 hex digits, as docker shows them). */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.split(':');
  return hex ? `${algorithm}:${hex.slice(0, 12)}` : digest.slice(0, 19);
}

/** `family:revision` → its parts; undefined when the reference has no numeric revision. */
export function revisionRef(reference: string): { family: string; revision: number } | undefined {
  const at = reference.lastIndexOf(':');
  const revision = Number(reference.slice(at + 1));
  if (at <= 0 || !Number.isInteger(revision) || revision <= 0) return undefined;
  return { family: reference.slice(0, at), revision };
}

/** The task in the AWS console (v2), in the region its ARN names. */
export function taskConsoleUrl(task: Task, cluster: string, fallbackRegion: string): string {
  const region = parseArn(task.arn)?.region || fallbackRegion;
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${encodeURIComponent(cluster)}/tasks/${encodeURIComponent(task.id)}/configuration?region=${region}`;
}
