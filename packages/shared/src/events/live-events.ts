import { z } from 'zod';
import { Deployment, Service, ServiceEvent } from '../schemas/services.js';
import { Task } from '../schemas/tasks.js';

/**
 * The live feed's events (DESIGN.md, SSE). Each SSE message carries one of these as JSON in
 * `data:`, with `event:` set to its `type` and a monotonic `id:`. The same schema parses them in
 * the browser, so a malformed frame is dropped, never applied to the cache.
 */

/** Why a task stopped, in plain words: the first thing an operator wants to know. */
export const TaskStopKind = z.enum([
  'out-of-memory',
  'image-pull',
  'health-check',
  'essential-exited',
  'placement',
  'user-stopped',
  'scheduler',
  'spot-interruption',
  'other',
]);
export type TaskStopKind = z.infer<typeof TaskStopKind>;

export const TaskStopDiagnosis = z.object({
  kind: TaskStopKind,
  /** One sentence for people, e.g. "Container app was killed (exit 137): out of memory or killed." */
  summary: z.string(),
  /** The container the diagnosis is about, when one is to blame. */
  container: z.string().optional(),
});
export type TaskStopDiagnosis = z.infer<typeof TaskStopDiagnosis>;

const where = {
  region: z.string(),
  cluster: z.string(),
};

/** A new ECS service event message (the ones DescribeServices returns), classified. */
export const ServiceEventMessage = z.object({
  type: z.literal('service.event'),
  ...where,
  service: z.string(),
  event: ServiceEvent,
});
export type ServiceEventMessage = z.infer<typeof ServiceEventMessage>;

/** A service's counts, status or primary revision changed: the whole list row, as `GET …/services` has it. */
export const ServiceUpdatedMessage = z.object({
  type: z.literal('service.updated'),
  ...where,
  service: Service,
});
export type ServiceUpdatedMessage = z.infer<typeof ServiceUpdatedMessage>;

/** A deployment of a service appeared or moved on (counts, rollout state, status). */
export const DeploymentUpdatedMessage = z.object({
  type: z.literal('deployment.updated'),
  ...where,
  service: z.string(),
  deployment: Deployment,
});
export type DeploymentUpdatedMessage = z.infer<typeof DeploymentUpdatedMessage>;

/** A task reached RUNNING. `service` is set for service tasks (group `service:<name>`). */
export const TaskStartedMessage = z.object({
  type: z.literal('task.started'),
  ...where,
  service: z.string().optional(),
  task: Task,
});
export type TaskStartedMessage = z.infer<typeof TaskStartedMessage>;

/** A task reached STOPPED, with its reasons, exit codes and a diagnosis in plain words. */
export const TaskStoppedMessage = z.object({
  type: z.literal('task.stopped'),
  ...where,
  service: z.string().optional(),
  task: Task,
  diagnosis: TaskStopDiagnosis,
});
export type TaskStoppedMessage = z.infer<typeof TaskStoppedMessage>;

export const LiveEvent = z.discriminatedUnion('type', [
  ServiceEventMessage,
  ServiceUpdatedMessage,
  DeploymentUpdatedMessage,
  TaskStartedMessage,
  TaskStoppedMessage,
]);
export type LiveEvent = z.infer<typeof LiveEvent>;
export type LiveEventType = LiveEvent['type'];

export const LIVE_EVENT_TYPES = [
  'service.event',
  'service.updated',
  'deployment.updated',
  'task.started',
  'task.stopped',
] as const satisfies readonly LiveEventType[];

/**
 * `event: reset`: the client asked to resume from an id the server can no longer replay (older
 * than its buffer, or from before a restart). The client must reload what it shows.
 */
export const StreamReset = z.object({
  reason: z.enum(['gap-too-old', 'server-restarted', 'unknown-id']),
  message: z.string(),
});
export type StreamReset = z.infer<typeof StreamReset>;

/** The service an event is about, if any (service streams keep only these). */
export function serviceOfLiveEvent(event: LiveEvent): string | undefined {
  if (event.type === 'service.updated') return event.service.name;
  return event.service;
}
