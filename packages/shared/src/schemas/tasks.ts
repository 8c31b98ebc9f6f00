import { z } from 'zod';
import { freshness } from './freshness.js';
import type { TaskStopDiagnosis, TaskStopKind } from '../events/live-events.js';
import { describeFailures, EcsName } from './services.js';

/**
 * Where a container port is reachable: bridge/host tasks from the agent's network bindings
 * (the host port a dynamic mapping got), awsvpc tasks on their ENI (host port = container port).
 */
export const ResolvedPortMapping = z.object({
  containerPort: z.number().int().min(0).max(65_535),
  hostPort: z.number().int().min(0).max(65_535),
  protocol: z.enum(['tcp', 'udp']),
  /** The ENI's private IP (awsvpc), the binding's address, or `0.0.0.0` (all of the instance's addresses). */
  hostIp: z.string(),
});
export type ResolvedPortMapping = z.infer<typeof ResolvedPortMapping>;

export const TaskContainer = z.object({
  name: z.string(),
  image: z.string(),
  imageDigest: z.string().optional(),
  lastStatus: z.string().optional(),
  exitCode: z.number().int().optional(),
  reason: z.string().optional(),
  /** HEALTHY, UNHEALTHY or UNKNOWN. */
  healthStatus: z.string().optional(),
  portMappings: z.array(ResolvedPortMapping),
});
export type TaskContainer = z.infer<typeof TaskContainer>;

export const Task = z.object({
  /** The id in the ARN (`task/<cluster>/<id>`). */
  id: z.string(),
  arn: z.string(),
  lastStatus: z.string(),
  desiredStatus: z.string(),
  launchType: z.string().optional(),
  /** `family:revision`. */
  taskDefinition: z.string(),
  /** `service:<name>` for service tasks, `family:<family>` for run tasks. */
  group: z.string().optional(),
  containerInstanceId: z.string().optional(),
  ec2InstanceId: z.string().optional(),
  availabilityZone: z.string().optional(),
  /** Incremented on every state change of the task. */
  version: z.number().int().optional(),
  createdAt: z.iso.datetime().optional(),
  startedAt: z.iso.datetime().optional(),
  stoppingAt: z.iso.datetime().optional(),
  stoppedAt: z.iso.datetime().optional(),
  stoppedReason: z.string().optional(),
  /** e.g. EssentialContainerExited, TaskFailedToStart, UserInitiated, ServiceSchedulerInitiated. */
  stopCode: z.string().optional(),
  /** Task-level CPU units and memory MiB, when the task has them. */
  cpu: z.number().int().nonnegative().optional(),
  memory: z.number().int().nonnegative().optional(),
  healthStatus: z.string().optional(),
  /** awsvpc tasks only: the task's own network interface. */
  eni: z.object({ privateIp: z.string(), subnetId: z.string().optional() }).optional(),
  containers: z.array(TaskContainer),
});
export type Task = z.infer<typeof Task>;

/** `GET /api/v1/clusters/:cluster/tasks`. */
export const TasksResponse = z.object({
  tasks: z.array(Task),
  ...describeFailures,
  ...freshness,
});
export type TasksResponse = z.infer<typeof TasksResponse>;

/** The query of `GET /api/v1/clusters/:cluster/tasks`. */
export const TasksQuery = z.object({
  service: EcsName.optional(),
  desiredStatus: z.enum(['RUNNING', 'STOPPED']).default('RUNNING'),
});
export type TasksQuery = z.infer<typeof TasksQuery>;

/*
 * The stop diagnosis of `GET …/tasks/:task`, the same shape as the live feed's
 * `TaskStopDiagnosis`. It is restated here because events/live-events.ts imports `Task` from this
 * module: a runtime import back would be a cycle that leaves one of the two undefined at load.
 * `satisfies` keeps the kinds a subset at compile time; the BFF's task-detail test that they are
 * all there.
 */
const TASK_STOP_KINDS = [
  'out-of-memory',
  'image-pull',
  'health-check',
  'essential-exited',
  'placement',
  'user-stopped',
  'scheduler',
  'spot-interruption',
  'other',
] as const satisfies readonly TaskStopKind[];

const TaskDetailDiagnosis = z.object({
  kind: z.enum(TASK_STOP_KINDS),
  summary: z.string(),
  container: z.string().optional(),
}) satisfies z.ZodType<TaskStopDiagnosis>;

/**
 * `GET /api/v1/clusters/:cluster/tasks/:task`: one task as the list maps it. A stopped task
 * carries why it stopped in plain words; one AWS has forgotten (stopped over an hour ago) comes
 * from Deckhand's history.
 */
export const TaskDetailResponse = z.object({
  task: Task,
  diagnosis: TaskDetailDiagnosis.optional(),
  /** `history` when ECS no longer knows the task and this is the copy Deckhand kept. */
  source: z.enum(['aws', 'history']),
  ...freshness,
});
export type TaskDetailResponse = z.infer<typeof TaskDetailResponse>;
